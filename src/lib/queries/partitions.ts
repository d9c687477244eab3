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

/** A table's key columns (of relation `alias`, if given), for ORDER BY. */
const keyOrder = (name: TableName, alias = '') =>
	tableDef(name)
		.key.map((k) => (alias ? `${alias}.` : '') + quoteIdent(k))
		.join(', ');

/** The build's working table of `name`'s placed rows (`__placed_<name>`). */
const placedTable = (name: TableName) => quoteIdent(`__placed_${name}`);

/** Drops `name`'s placed rows (nothing when there are none). */
export const dropPlacedSql = (name: TableName) => `DROP TABLE IF EXISTS ${placedTable(name)}`;

/**
 * Creates `placedTable(name)`: every placed row with `__uix`, its unit's place in the units table's
 * key order (null for a unit the units table does not hold), stored in that order so that a range
 * of units reads only its own stretch of the table. Not a TEMP table: those are seen only by the
 * connection that made them, and a database opened with several readers reads through any of them.
 */
export function createPlacedSql(name: TableName): string {
	return `CREATE TABLE ${placedTable(name)} AS
SELECT p.*, u.__uix FROM (${placedRows(name).sql}) p
LEFT JOIN (SELECT unit_id, (row_number() OVER (ORDER BY unit_id) - 1)::INTEGER AS __uix FROM units) u ON u.unit_id = p.__unit
ORDER BY u.__uix, ${keyOrder(name, 'p')}`;
}

/** The years of a placed table's rows (null: rows of no year). */
export function placedYears(name: TableName): Query<{ year: number | null }> {
	return query(
		`SELECT DISTINCT __year AS year FROM ${placedTable(name)} ORDER BY __year NULLS FIRST`
	);
}

/** A row whose unit is not in the units table (none in a valid dataset). */
export function unplacedRow(name: TableName): Query<{ unit: string }> {
	return query(`SELECT __unit AS unit FROM ${placedTable(name)} WHERE __uix IS NULL LIMIT 1`);
}

/** One year's rows of a placed table, in key order, with the table's own columns only. */
export function placedYear(name: TableName, year: number | null): Query<Record<string, SqlValue>> {
	const where = year === null ? '__year IS NULL' : `__year = ${Math.trunc(year)}`;
	return query(
		`SELECT * EXCLUDE (__unit, __year, __uix) FROM ${placedTable(name)} WHERE ${where} ORDER BY ${keyOrder(name)}`
	);
}

/** The rows of the units at places [from, to) of a placed table, by unit then key; `__uix` says whose. */
export function placedUnitRows(
	name: TableName,
	from: number,
	to: number
): Query<Record<string, SqlValue> & { __uix: number }> {
	return query(
		`SELECT * EXCLUDE (__unit, __year) FROM ${placedTable(name)} WHERE __uix >= ${Math.trunc(from)} AND __uix < ${Math.trunc(to)} ORDER BY __uix, ${keyOrder(name)}`
	);
}
