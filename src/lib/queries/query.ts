// A query is SQL plus the type of its rows; run it on any Connector (Node at build, WASM in the browser).
import type { Connector } from '../db/connector';
import { sqlString } from '../db/sql';

export interface Query<Row extends object> {
	sql: string;
	/** Phantom: carries the row type. */
	readonly row?: Row;
}

export function query<Row extends object>(sql: string): Query<Row> {
	return { sql };
}

export function run<Row extends object>(db: Connector, q: Query<Row>): Promise<Row[]> {
	return db.query<Row>(q.sql);
}

/** A LIKE/ILIKE pattern that matches `text` anywhere, literally (% _ and \\ included), with its ESCAPE clause. */
export function containsPattern(text: string): string {
	return `${sqlString(`%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)} ESCAPE '\\'`;
}

/** A year must be a whole number before it reaches SQL. */
export function yearLit(year: number): string {
	if (!Number.isInteger(year)) throw new Error(`not a year: ${year}`);
	return String(year);
}
