// The page side of DuckDB-WASM: starts it once (when the browser is idle, or on demand), shares its state and times its queries.
import { base } from '$app/paths';
import type { ArrowQueryConnector } from '../db/connector';
import type { Need } from '../db/parts';
import type { DbHandle, DbStatus } from '../db/status';

export type { DbHandle, DbStatus };

class DbState {
	status: DbStatus = $state('idle');
	error = $state('');
	db: ArrowQueryConnector | null = $state.raw(null);
	/** 'local' once a user's own files replaced or joined the published data in this browser. */
	source: 'bundled' | 'local' = $state('bundled');
	/** The database still holds every published row: the user's files joined it ('add') and never replaced it. */
	holdsPublished = $state(true);
	/** Bumped on every load of local data, so views query again. */
	generation = $state(0);
	/** The generation last downloaded (exported): a reload loses nothing that was not saved. */
	exported = $state(0);
}

/** Reactive: views show prerendered data until `db` is set. */
export const duck = new DbState();

let started: Promise<DbHandle> | null = null;

/** Loads DuckDB-WASM and the site's base tables (once); the module itself is fetched only now. Views ask for the rest with `dbWith`. */
export function startDb(): Promise<DbHandle> {
	if (!started) {
		duck.status = 'loading';
		started = import('../db/browser').then(async (m) => {
			const handle = await m.openBrowserDb(`${base}/data`);
			performance.mark('jixiao:db-ready', { detail: handle.timings });
			return handle;
		});
		started.then(
			(h) => {
				duck.db = h.db;
				duck.status = 'ready';
			},
			(e: unknown) => {
				duck.status = 'error';
				duck.error = e instanceof Error ? e.message : String(e);
			}
		);
	}
	return started;
}

/**
 * DuckDB with what `needs` name loaded (the published partitions a query reads); a user's own
 * data is all in DuckDB already, so then nothing is loaded.
 */
export async function dbWith(needs: readonly Need[]): Promise<DbHandle> {
	const handle = await startDb();
	if (duck.source === 'bundled') await handle.parts.ensure(needs);
	return handle;
}

/** Bytes (as stored) `needs` would still fetch; none for a user's own data, which is all in DuckDB. */
export async function bytesToLoad(needs: readonly Need[]): Promise<number> {
	const handle = await startDb();
	return duck.source === 'bundled' ? handle.parts.missingBytes(needs) : 0;
}

/** Starts DuckDB after the first paint, when the browser has a moment. */
export function startDbWhenIdle(): void {
	const go = () => void startDb().catch(() => {});
	if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 1500 });
	else setTimeout(go, 200);
}

/** Times one in-browser query and records it for the benchmark (`jixiao:query:<name>`). */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
	const t0 = performance.now();
	const out = await work();
	performance.measure(`jixiao:query:${name}`, { start: t0, end: performance.now() });
	return out;
}
