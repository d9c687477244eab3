// DuckDB in Node (@duckdb/node-api): the Connector for build scripts, prerendering and tests.
import { DuckDBInstance, type DuckDBConnection, type DuckDBResultReader } from '@duckdb/node-api';
import { Type, tableFromIPC, type Dictionary } from 'apache-arrow';
import { join } from 'node:path';
import { TABLES, table as tableDef, type ColumnType, type TableName } from '../schema';
import { plainRow, plainValue, type LoadableConnector, type SqlValue } from './connector';
import { createAllSql, dropTableSql, insertByNameSql, stageOf } from './load';
import { quoteIdent, sqlString } from './sql';

type Appender = Awaited<ReturnType<DuckDBConnection['createAppender']>>;

/** Appends one value in its column's type (rows and Arrow streams go through the same switch). */
function append(appender: Appender, type: ColumnType, v: SqlValue): void {
	if (v === null) appender.appendNull();
	else if (type === 'text') appender.appendVarchar(String(v));
	else if (type === 'integer') appender.appendInteger(Number(v));
	else appender.appendDouble(Number(v));
}

export class NodeConnector implements LoadableConnector {
	/** Queries waiting or running on each reader. */
	private readonly busy: number[];

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly conn: DuckDBConnection,
		private readonly readers: DuckDBConnection[]
	) {
		this.busy = readers.map(() => 0);
	}

	/**
	 * Opens a database. `readers`: connections that run `query` and `queryColumns` side by side
	 * (one connection runs one statement at a time); statements that change it (`exec`, loads) go
	 * through the first connection, so a later query sees what they wrote.
	 */
	static async open(path = ':memory:', readers = 1): Promise<NodeConnector> {
		const instance = await DuckDBInstance.create(path);
		const conn = await instance.connect();
		const more = await Promise.all(
			Array.from({ length: Math.max(0, readers - 1) }, () => instance.connect())
		);
		return new NodeConnector(instance, conn, [conn, ...more]);
	}

	/** Runs a read on the least busy reader. */
	private async read<T>(sql: string, f: (r: DuckDBResultReader) => T): Promise<T> {
		let i = 0;
		for (let k = 1; k < this.readers.length; k++) if (this.busy[k] < this.busy[i]) i = k;
		this.busy[i]++;
		try {
			return f(await this.readers[i].runAndReadAll(sql));
		} finally {
			this.busy[i]--;
		}
	}

	async query<T extends object>(sql: string): Promise<T[]> {
		return this.read(sql, (reader) =>
			reader.getRowObjectsJS().map((r) => plainRow<T>(r as Record<string, unknown>))
		);
	}

	/** The result by column (no object per row: the build reads millions of rows this way). */
	async queryColumns(sql: string): Promise<{ names: string[]; columns: SqlValue[][] }> {
		return this.read(sql, (reader) => ({
			names: reader.columnNames(),
			columns: reader.getColumnsJS().map((c) => c.map(plainValue))
		}));
	}

	async exec(sql: string): Promise<void> {
		await this.conn.run(sql);
	}

	/** Appends through DuckDB's appender, typed by the schema (no SQL text per row). */
	async insertRows(table: TableName, rows: readonly Record<string, SqlValue>[]): Promise<void> {
		const t = tableDef(table);
		const appender = await this.conn.createAppender(table);
		try {
			for (const r of rows) {
				for (const c of t.columns) {
					const v = r[c.name] ?? null;
					append(appender, c.type, v);
				}
				appender.endRow();
			}
			appender.flushSync();
		} finally {
			appender.closeSync();
		}
	}

	/** Decodes the stream in JavaScript and appends it (Node's DuckDB has no Arrow scan built in). */
	async createFromArrow(name: string, bytes: Uint8Array): Promise<void> {
		const t = tableFromIPC(bytes);
		const fields = t.schema.fields;
		// A dictionary-encoded column (db/arrow.ts) holds the type of its values.
		const kinds = fields.map((f): ColumnType => {
			const id = f.typeId === Type.Dictionary ? (f.type as Dictionary).valueType.typeId : f.typeId;
			return id === Type.Utf8 ? 'text' : id === Type.Int ? 'integer' : 'decimal';
		});
		const SQL_TYPE = { text: 'VARCHAR', integer: 'INTEGER', decimal: 'DOUBLE' } as const;
		await this.exec(
			`CREATE TABLE ${quoteIdent(name)} (${fields.map((f, j) => `${quoteIdent(f.name)} ${SQL_TYPE[kinds[j]]}`).join(', ')})`
		);
		const vectors = fields.map((_, j) => t.getChildAt(j)!);
		const appender = await this.conn.createAppender(name);
		try {
			for (let i = 0; i < t.numRows; i++) {
				fields.forEach((_, j) => {
					append(appender, kinds[j], plainValue(vectors[j].get(i)));
				});
				appender.endRow();
			}
			appender.flushSync();
		} finally {
			appender.closeSync();
		}
	}

	async insertArrow(table: TableName, bytes: Uint8Array): Promise<void> {
		const stage = stageOf(table);
		await this.createFromArrow(stage, bytes);
		await this.exec(insertByNameSql(table, quoteIdent(stage)));
		await this.exec(dropTableSql(stage));
	}

	async close(): Promise<void> {
		for (const c of this.readers) c.closeSync();
		this.instance.closeSync();
	}
}

/** Opens an in-memory database holding the dataset built into `dir` (its Parquet downloads). */
export async function openBuiltDataset(dir: string, readers = 1): Promise<NodeConnector> {
	const db = await NodeConnector.open(':memory:', readers);
	await db.exec(createAllSql());
	for (const t of TABLES)
		await db.exec(
			insertByNameSql(
				t.name,
				`read_parquet(${sqlString(join(dir, 'download', `${t.name}.parquet`))})`
			)
		);
	return db;
}
