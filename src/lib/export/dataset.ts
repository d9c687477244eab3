// The loaded dataset as canonical files: one CSV and one Parquet per table, zipped, ready for build-data,
// and the same tables as one spreadsheet-safe XLSX workbook for people who open them in Excel/WPS.
import { strToU8, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Connector, SqlValue } from '../db/connector';
import { run } from '../queries/query';
import { tableRows } from '../queries/tables';
import { DATA_TABLES, SCHEMA_VERSION, type TableDef } from '../schema';
import { toCsv, type Cell } from './csv';
import { XLSX_MAX_ROWS } from '../format/spreadsheet';
import { toXlsxBook, type SheetInput } from './xlsx';

const PARQUET_TYPE = { text: 'STRING', integer: 'INT32', decimal: 'DOUBLE' } as const;

/** A table's cells in schema column order, booleans as text (as the CSV writes them). */
function cells(t: TableDef, rows: readonly Record<string, SqlValue>[]): Cell[][] {
	return rows.map((r) =>
		t.columns.map((c) => {
			const v = r[c.name] ?? null;
			return typeof v === 'boolean' ? String(v) : v;
		})
	);
}

/**
 * A table as canonical CSV: schema column order, plain numbers, no BOM (the build-data format).
 * Exact: text starting with = + - @ is written as it is (a data file, read back byte for byte);
 * for a spreadsheet the same table is offered as XLSX (`tableSheet`), where text is never a formula.
 */
export function canonicalCsv(t: TableDef, rows: readonly Record<string, SqlValue>[]): string {
	return toCsv(
		t.columns.map((c) => c.name),
		cells(t, rows)
	);
}

/** A table as an XLSX sheet: the canonical headers and values; text as inline strings, never formulas. */
export function tableSheet(t: TableDef, rows: readonly Record<string, SqlValue>[]): SheetInput {
	return { name: t.name, header: t.columns.map((c) => c.name), rows: cells(t, rows) };
}

/** One table as a spreadsheet-safe workbook (the published downloads). */
export function tableXlsx(t: TableDef, rows: readonly Record<string, SqlValue>[]): Uint8Array {
	return toXlsxBook([tableSheet(t, rows)]);
}

export function tableParquet(t: TableDef, rows: readonly Record<string, SqlValue>[]): Uint8Array {
	const buffer = parquetWriteBuffer({
		columnData: t.columns.map((c) => ({
			name: c.name,
			data: rows.map((r) => r[c.name] ?? null),
			type: PARQUET_TYPE[c.type]
		}))
	});
	return new Uint8Array(buffer);
}

/** csv/<table>.csv and parquet/<table>.parquet for every data table, and a short README. */
export async function exportDataset(db: Connector): Promise<Uint8Array> {
	const files: Record<string, Uint8Array> = {};
	const counts: string[] = [];
	const sheets: SheetInput[] = [];
	for (const t of DATA_TABLES) {
		const rows = await run(db, tableRows(t));
		files[`csv/${t.name}.csv`] = strToU8(canonicalCsv(t, rows));
		files[`parquet/${t.name}.parquet`] = tableParquet(t, rows);
		// A table longer than a sheet is left out of the workbook whole, and the README says so.
		if (rows.length <= XLSX_MAX_ROWS) sheets.push(tableSheet(t, rows));
		counts.push(
			`${t.name}: ${rows.length} rows` +
				(rows.length > XLSX_MAX_ROWS ? ` (not in the XLSX: a sheet holds ${XLSX_MAX_ROWS})` : '')
		);
	}
	files['xlsx/jixiao-dataset.xlsx'] = toXlsxBook(sheets);
	files['README.txt'] = strToU8(
		`Jixiao dataset, schema ${SCHEMA_VERSION}. Money in 万元.\n${counts.join('\n')}\n` +
			`Publish: copy csv/ into a data folder and run JIXIAO_DATA=<folder> npm run build.\n` +
			`csv/ holds the data exactly, for programs: a text starting with = + - @ is written as it is, so\n` +
			`open xlsx/jixiao-dataset.xlsx (one sheet per table) in Excel or WPS instead: there no text runs as a formula.\n`
	);
	return zipSync(files, { level: 6 });
}
