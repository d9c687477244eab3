// The loaded dataset as canonical files: one CSV and one Parquet per table, zipped, ready for build-data.
import { strToU8, zipSync } from 'fflate';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Connector, SqlValue } from '../db/connector';
import { DATA_TABLES, SCHEMA_VERSION, quoteIdent, type TableDef } from '../schema';
import { toCsv } from './csv';

const PARQUET_TYPE = { text: 'STRING', integer: 'INT32', decimal: 'DOUBLE' } as const;

export async function tableRows(db: Connector, t: TableDef): Promise<Record<string, SqlValue>[]> {
	return db.query<Record<string, SqlValue>>(
		`SELECT * FROM ${quoteIdent(t.name)} ORDER BY ${t.key.map(quoteIdent).join(', ')}`
	);
}

/** A table as canonical CSV: schema column order, plain numbers, no BOM (the build-data format). */
export function canonicalCsv(t: TableDef, rows: readonly Record<string, SqlValue>[]): string {
	const header = t.columns.map((c) => c.name);
	return toCsv(
		header,
		rows.map((r) =>
			header.map((h) =>
				typeof r[h] === 'boolean' ? String(r[h]) : (r[h] as string | number | null)
			)
		)
	);
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
	for (const t of DATA_TABLES) {
		const rows = await tableRows(db, t);
		files[`csv/${t.name}.csv`] = strToU8(canonicalCsv(t, rows));
		files[`parquet/${t.name}.parquet`] = tableParquet(t, rows);
		counts.push(`${t.name}: ${rows.length} rows`);
	}
	files['README.txt'] = strToU8(
		`Jixiao dataset, schema ${SCHEMA_VERSION}. Money in 万元.\n${counts.join('\n')}\n` +
			`Publish: copy csv/ into a data folder and run JIXIAO_DATA=<folder> npm run build.\n`
	);
	return zipSync(files, { level: 6 });
}
