// What a spreadsheet holds: the row limit of one Excel or WPS sheet, which the downloads and the data format page both respect.

/** Rows a sheet holds beneath its header: Excel's and WPS's limit is 1,048,576 rows in all. */
export const XLSX_MAX_ROWS = 1_048_575;

/**
 * The longest table a published site offers as XLSX: 100,000 rows. Writing a sheet is the build's
 * slowest step per row, and a sheet this long is already slow to open; a longer table is offered as
 * CSV and Parquet only (the same rows).
 */
export const XLSX_PUBLISH_MAX_ROWS = 100_000;
