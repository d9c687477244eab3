// Whole tables and what a dataset holds: every row of a table in key order, its years and its provenance.
import type { SqlValue } from '../db/connector';
import { quoteIdent, sqlString } from '../db/sql';
import type { Provenance, TableDef, TableName } from '../schema';
import { query, type Query } from './query';

/** Every row of a table, in key order (the downloads and the dataset export). */
export function tableRows(t: TableDef): Query<Record<string, SqlValue>> {
	return query(`SELECT * FROM ${quoteIdent(t.name)} ORDER BY ${t.key.map(quoteIdent).join(', ')}`);
}

/** How many rows a table holds. */
export function countRows(name: TableName): Query<{ n: number }> {
	return query(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(name)}`);
}

/** A query's rows written to a file by DuckDB (Node only: the build's Parquet and CSV downloads; `csv.gz` is the CSV gzipped). */
export function copyToFileSql(
	q: Query<object>,
	path: string,
	format: 'parquet' | 'csv' | 'csv.gz'
): string {
	const options =
		format === 'parquet'
			? 'FORMAT parquet, COMPRESSION zstd'
			: `FORMAT csv, HEADER true${format === 'csv.gz' ? ', COMPRESSION gzip' : ''}`;
	return `COPY (${q.sql}) TO ${sqlString(path)} (${options})`;
}

/** The first and last year of the forms. */
export function yearSpan(): Query<{ min: number | null; max: number | null }> {
	return query('SELECT min(year)::INTEGER AS min, max(year)::INTEGER AS max FROM evaluations');
}

/** Forms by provenance (published, synthetic). */
export function formsByProvenance(): Query<{ provenance: Provenance; n: number }> {
	return query('SELECT provenance, count(*)::INTEGER AS n FROM evaluations GROUP BY provenance');
}
