// The Connector interface: one way to run SQL, implemented by DuckDB in Node and DuckDB-WASM in the browser.
import type { TableName } from '../schema';

/** A value as queries return it: DuckDB numbers as JS numbers, text as strings. */
export type SqlValue = string | number | boolean | null;

export interface Connector {
	/** Runs one statement and returns its rows as plain objects. */
	query<T extends object>(sql: string): Promise<T[]>;
	/** Runs statements that return nothing of interest (DDL, inserts). */
	exec(sql: string): Promise<void>;
	/** Appends rows to a table of the schema; values must already have the column's type. */
	insertRows(table: TableName, rows: readonly Record<string, SqlValue>[]): Promise<void>;
	close(): Promise<void>;
}

/** Turns engine values into plain JS: BigInt to number (exact below 2^53), dates to ISO text. */
export function plainValue(v: unknown): SqlValue {
	if (v === null || v === undefined) return null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return v.toISOString();
	return String(v);
}

export function plainRow<T extends object>(row: Record<string, unknown>): T {
	const out: Record<string, SqlValue> = {};
	for (const k of Object.keys(row)) out[k] = plainValue(row[k]);
	return out as T;
}

/** A connector that can also take Arrow IPC streams (the browser's DuckDB, and Node's for the import CLI). */
export interface LoadableConnector extends Connector {
	/** Appends a stream to a table of the schema, by column name, typed by its DDL. */
	insertArrow(table: TableName, bytes: Uint8Array): Promise<void>;
	/** Creates table `name` with the stream's columns and rows (a staging table); the bytes may be detached after. */
	createFromArrow(name: string, bytes: Uint8Array): Promise<void>;
}

/** The browser's DuckDB: query results also as raw Arrow IPC bytes, for a worker to decode. */
export interface ArrowQueryConnector extends LoadableConnector {
	queryArrow(sql: string): Promise<Uint8Array>;
}
