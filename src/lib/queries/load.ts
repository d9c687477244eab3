// Questions asked while loading data: which keys the database holds, and which staged rows would repeat one.
import type { Connector } from '../db/connector';
import { keyExistsSql, stageOf } from '../db/load';
import { quoteIdent } from '../db/sql';
import { DATA_TABLES, table as tableDef, type TableName } from '../schema';
import { query, run, type Query } from './query';

/** Key values, per data table and key column, that the database holds. */
export type LoadedKeys = Partial<Record<TableName, Record<string, ReadonlySet<string>>>>;

/** The distinct values of one key column, as text. */
export function keyValues(table: TableName, column: string): Query<{ v: string }> {
	return query(
		`SELECT DISTINCT CAST(${quoteIdent(column)} AS VARCHAR) AS v FROM ${quoteIdent(table)}`
	);
}

/** Keys already in the database, for validation of added files and conflict checks. */
export async function loadedKeys(db: Connector): Promise<LoadedKeys> {
	const out: LoadedKeys = {};
	for (const t of DATA_TABLES) {
		const cols: Record<string, ReadonlySet<string>> = {};
		for (const k of t.key) cols[k] = new Set((await run(db, keyValues(t.name, k))).map((r) => r.v));
		out[t.name] = cols;
	}
	return out;
}

/** Staged rows of `table` whose key the table already holds: their line (from `lineColumn`) and the key as shown. */
export function stagedClashes(
	table: TableName,
	lineColumn: string
): Query<{ line: number; key: string }> {
	const t = tableDef(table);
	const shown = t.key
		.map((k) => `COALESCE(CAST(s.${quoteIdent(k)} AS VARCHAR), '')`)
		.join(` || ' / ' || `);
	return query(
		`SELECT s.${quoteIdent(lineColumn)} AS line, ${shown} AS key FROM ${quoteIdent(stageOf(table))} s WHERE ${keyExistsSql(table)} ORDER BY line`
	);
}
