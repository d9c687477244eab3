// The built dataset for prerendering: DuckDB in Node over static/data, opened once per build.
import { openBuiltDataset, type NodeConnector } from '../db/node';

let opening: Promise<NodeConnector> | null = null;

/** The folder the site's data was built into (JIXIAO_DATA_DIR, else static/data). */
export function dataDir(): string {
	return process.env.JIXIAO_DATA_DIR ?? 'static/data';
}

/**
 * Connections that answer the prerender's queries side by side (svelte.config.js renders 4 pages at
 * a time). One connection runs one query at a time: at 4,000 units a unit page's queries took
 * 89 ms a unit through one, 51 ms through four (two: 56 ms), on this 2-core machine.
 */
const READERS = 4;

export function dataset(): Promise<NodeConnector> {
	opening ??= openBuiltDataset(dataDir(), READERS);
	return opening;
}
