// Test helper: the two DuckDB engines behind the one Connector, each holding the bundled data, for suites that must pass on both.
import { createRequire } from 'node:module';
import type * as DuckDBWasm from '@duckdb/duckdb-wasm/blocking';
import {
	plainRow,
	type Connector,
	type LoadableConnector,
	type SqlValue
} from '../../src/lib/db/connector';
import { PartLoader } from '../../src/lib/db/part-loader';
import { NEED_ALL } from '../../src/lib/db/parts';
import { createAllSql, insertByNameSql } from '../../src/lib/db/load';
import { openBuiltDataset } from '../../src/lib/db/node';
import { rowsToArrowStream } from '../../src/lib/db/arrow';
import { quoteIdent } from '../../src/lib/db/sql';
import { table as tableDef, type TableName } from '../../src/lib/schema';
import { bundledDir } from './built';
import { diskFetch, readManifestOf } from './parts';

/**
 * DuckDB-WASM's Node build (the blocking one: same wasm as the browser, no worker), loaded the way
 * the browser loads it: Arrow IPC streams through a staging table, so types come from the DDL.
 * Its results are converted as the browser's connector converts them (src/lib/db/browser.ts).
 */
export class WasmNodeConnector implements LoadableConnector {
	private constructor(
		private readonly db: DuckDBWasm.DuckDBBindings,
		private readonly conn: DuckDBWasm.DuckDBConnection
	) {}

	static async open(): Promise<WasmNodeConnector> {
		const require = createRequire(import.meta.url);
		const duckdb =
			require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof DuckDBWasm;
		const file = (f: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${f}`);
		const db = await duckdb.createDuckDB(
			{
				mvp: {
					mainModule: file('duckdb-mvp.wasm'),
					mainWorker: file('duckdb-node-mvp.worker.cjs')
				},
				eh: { mainModule: file('duckdb-eh.wasm'), mainWorker: file('duckdb-node-eh.worker.cjs') }
			},
			new duckdb.VoidLogger(),
			duckdb.NODE_RUNTIME
		);
		await db.instantiate();
		return new WasmNodeConnector(db, db.connect());
	}

	async query<T extends object>(sql: string): Promise<T[]> {
		return this.conn
			.query(sql)
			.toArray()
			.map((r) => plainRow<T>(r.toJSON() as Record<string, unknown>));
	}

	async exec(sql: string): Promise<void> {
		this.conn.query(sql);
	}

	async createFromArrow(name: string, bytes: Uint8Array): Promise<void> {
		this.conn.insertArrowFromIPCStream(bytes, { name, create: true });
	}

	async insertArrow(table: TableName, bytes: Uint8Array): Promise<void> {
		const stage = `stage_${table}`;
		await this.createFromArrow(stage, bytes);
		await this.exec(insertByNameSql(table, quoteIdent(stage)));
		await this.exec(`DROP TABLE ${quoteIdent(stage)}`);
	}

	async insertRows(table: TableName, rows: readonly Record<string, SqlValue>[]): Promise<void> {
		if (rows.length > 0) await this.insertArrow(table, rowsToArrowStream(tableDef(table), rows));
	}

	async close(): Promise<void> {
		this.conn.close();
		this.db.reset();
	}
}

/** The bundled data in DuckDB-WASM, loaded as the browser loads it: every partition the site ships, through the PartLoader (the browser reads no Parquet). */
export async function openWasmBundled(): Promise<WasmNodeConnector> {
	const dir = bundledDir();
	const db = await WasmNodeConnector.open();
	await db.exec(createAllSql());
	const parts = new PartLoader(readManifestOf(dir).parts, db, diskFetch(dir));
	await parts.loadBase();
	await parts.ensure([NEED_ALL]);
	return db;
}

export interface Engine {
	name: string;
	open(): Promise<Connector>;
}

/** DuckDB in Node (the build, prerendering, CLIs) and DuckDB-WASM (the browser): different DuckDB versions, one SQL. */
export const ENGINES: Engine[] = [
	{ name: 'DuckDB in Node (@duckdb/node-api)', open: () => openBuiltDataset(bundledDir()) },
	{ name: 'DuckDB-WASM (Node build)', open: openWasmBundled }
];
