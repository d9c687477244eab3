// Which partition each row belongs to: every row of a partitioned table with its unit and year (the build groups them into files).
import type { SqlValue } from '../db/connector';
import { quoteIdent } from '../db/sql';
import { table as tableDef, type TableName } from '../schema';
import { query, type Query } from './query';

/** A row of a table, with the unit and year whose partitions hold it (`__year` null: no year). */
export type PlacedRow = Record<string, SqlValue> & { __unit: string; __year: number | null };

/**
 * Every row of `name` in key order, placed: by its own unit_id and year; through its form
 * (eval_id) when it has none; a trace row through the row it traces (its row key's first part is
 * a form, or a unit, or unit|year for a metric).
 */
export function placedRows(name: TableName): Query<PlacedRow> {
	const t = tableDef(name);
	const has = (c: string) => t.columns.some((x) => x.name === c);
	const order = t.key.map((k) => `r.${quoteIdent(k)}`).join(', ');
	const from = quoteIdent(name);
	if (has('unit_id') && has('year'))
		return query(
			`SELECT r.*, r.unit_id AS __unit, r.year AS __year FROM ${from} r ORDER BY ${order}`
		);
	if (has('eval_id'))
		return query(
			`SELECT r.*, e.unit_id AS __unit, e.year AS __year FROM ${from} r LEFT JOIN evaluations e USING (eval_id) ORDER BY ${order}`
		);
	if (name === 'trace')
		return query(`SELECT r.*,
	CASE r.table_name WHEN 'units' THEN r.row_key WHEN 'metrics' THEN split_part(r.row_key, '|', 1) ELSE e.unit_id END AS __unit,
	CASE r.table_name WHEN 'units' THEN NULL WHEN 'metrics' THEN TRY_CAST(split_part(r.row_key, '|', 2) AS INTEGER) ELSE e.year END AS __year
FROM trace r LEFT JOIN evaluations e ON e.eval_id = split_part(r.row_key, '|', 1)
ORDER BY ${order}`);
	throw new Error(`${name}: no unit or form to place its rows by`);
}
