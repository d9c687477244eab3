// What a spreadsheet holds: the row limit of one Excel or WPS sheet, which the downloads and the data format page both respect.

/** Rows a sheet holds beneath its header: Excel's and WPS's limit is 1,048,576 rows in all. */
export const XLSX_MAX_ROWS = 1_048_575;
