// DuckDB-WASM in the browser: the only module that imports @duckdb/duckdb-wasm; self-hosted, lazy, opened once.
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Manifest } from './manifest';
import { rowsToArrowStream } from './arrow';
import { PartLoader } from './part-loader';
import { table as tableDef, type TableName } from '../schema';
import { quoteIdent } from './sql';
import { plainRow, type ArrowQueryConnector, type SqlValue } from './connector';
import { createAllSql, dropTableSql, insertByNameSql, stageOf } from './load';
import { WorkerFailure } from './worker-failure';

/** Why an older browser cannot query: it lacks WebAssembly exceptions, which the published DuckDB needs. */
const NO_WASM_EXCEPTIONS =
	'此浏览器不支持 WebAssembly 异常处理，无法在浏览器中查询；请使用较新的浏览器（页面上的表格仍可阅读） · ' +
	'This browser lacks WebAssembly exceptions, which in-browser queries need; use a newer browser (the tables on the page can still be read)';

class BrowserConnector implements ArrowQueryConnector {
	/** Rejects when the DuckDB worker dies: duckdb-wasm would otherwise leave its promises pending forever. */
	private readonly dead: Promise<never>;

	constructor(
		private readonly db: AsyncDuckDB,
		private readonly conn: AsyncDuckDBConnection,
		private readonly worker: Worker
	) {
		this.dead = new Promise<never>((_, reject) =>
			worker.addEventListener('error', (e) =>
				reject(new WorkerFailure('database', 'crash', e.message || 'the DuckDB worker stopped'))
			)
		);
		this.dead.catch(() => {});
	}

	private guard<T>(work: Promise<T>): Promise<T> {
		return Promise.race([work, this.dead]);
	}

	async query<T extends object>(sql: string): Promise<T[]> {
		const table = await this.guard(this.conn.query(sql));
		return table.toArray().map((r) => plainRow<T>(r.toJSON() as Record<string, unknown>));
	}

	/** The result as Arrow IPC bytes, untouched on this thread (a worker decodes them). */
	queryArrow(sql: string): Promise<Uint8Array> {
		return this.guard(this.conn.useUnsafe((b, id) => b.runQuery(id, sql)));
	}

	async exec(sql: string): Promise<void> {
		await this.guard(this.conn.query(sql));
	}

	async createFromArrow(name: string, bytes: Uint8Array): Promise<void> {
		await this.guard(this.conn.insertArrowFromIPCStream(bytes, { name, create: true }));
	}

	/** Loads one table from an Arrow IPC stream through a staging table, so types come from the DDL. */
	async insertArrow(table: TableName, bytes: Uint8Array): Promise<void> {
		const stage = stageOf(table);
		await this.createFromArrow(stage, bytes);
		await this.exec(insertByNameSql(table, quoteIdent(stage)));
		await this.exec(dropTableSql(stage));
	}

	async insertRows(table: TableName, rows: readonly Record<string, SqlValue>[]): Promise<void> {
		if (rows.length > 0) await this.insertArrow(table, rowsToArrowStream(tableDef(table), rows));
	}

	async close(): Promise<void> {
		await this.conn.close();
		await this.db.terminate();
		this.worker.terminate();
	}
}

export interface BrowserDbTimings {
	/** ms from the call until DuckDB answered its first statement. */
	ready: number;
	/** ms until the base tables (units, the metric dictionary, directions) were loaded. */
	loaded: number;
}

export interface BrowserDb {
	db: ArrowQueryConnector;
	/** Loads the partitions a view needs, once each. */
	parts: PartLoader;
	timings: BrowserDbTimings;
}

let opening: Promise<BrowserDb> | null = null;

/**
 * Opens DuckDB-WASM once with the built dataset's base tables from `dataUrl` (the folder of
 * manifest.json); the rest is loaded by partition as views need it. Later calls return the same promise.
 */
export function openBrowserDb(dataUrl: string): Promise<BrowserDb> {
	opening ??= open(dataUrl);
	return opening;
}

async function open(dataUrl: string): Promise<BrowserDb> {
	const t0 = performance.now();
	const duckdb = await import('@duckdb/duckdb-wasm');
	// Only the bundle for WebAssembly exceptions is published (Chrome 95, Firefox 100, Safari 15.2
	// and later): the other (mvp) would add 39 MB to every site, whatever its size.
	if (!(await duckdb.getPlatformFeatures()).wasmExceptions) throw new Error(NO_WASM_EXCEPTIONS);
	const worker = new Worker(ehWorker);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const manifestP = fetch(`${dataUrl}/manifest.json`).then((r) => {
		if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`);
		return r.json() as Promise<Manifest>;
	});
	await db.instantiate(ehWasm);
	const conn = await db.connect();
	const connector = new BrowserConnector(db, conn, worker);
	await connector.exec(createAllSql());
	const ready = performance.now() - t0;
	const manifest = await manifestP;
	const parts = new PartLoader(manifest.parts, connector, async (path) => {
		const r = await fetch(`${dataUrl}/${path}`);
		if (r.status === 404) return null;
		if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
		return new Uint8Array(await r.arrayBuffer());
	});
	await parts.loadBase();
	return { db: connector, parts, timings: { ready, loaded: performance.now() - t0 } };
}
