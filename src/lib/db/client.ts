// The page side of DuckDB-WASM: starts it when the browser is idle and reports its state to the views.
import { base } from '$app/paths';
import type { Connector } from './connector';
import type { BrowserDbTimings } from './browser';

export type DbStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface DbHandle {
	db: Connector;
	timings: BrowserDbTimings;
}

let started: Promise<DbHandle> | null = null;

/** Loads DuckDB-WASM and the site's data (once); the module itself is fetched only now. */
export function startDb(): Promise<DbHandle> {
	started ??= import('./browser').then(async (m) => {
		const handle = await m.openBrowserDb(`${base}/data`);
		performance.mark('jixiao:db-ready', { detail: handle.timings });
		return handle;
	});
	return started;
}

/** Starts DuckDB after the first paint, when the browser has a moment. */
export function startDbWhenIdle(): Promise<DbHandle> {
	return new Promise((resolve, reject) => {
		const go = () => startDb().then(resolve, reject);
		if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 1500 });
		else setTimeout(go, 200);
	});
}

/** Times one in-browser query and records it for the benchmark. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
	const t0 = performance.now();
	const out = await work();
	performance.measure(`jixiao:query:${name}`, { start: t0, end: performance.now() });
	return out;
}
