// What the page side knows of the browser's DuckDB: its loading status and the handle it opens.
import type { ArrowQueryConnector } from './connector';
import type { BrowserDbTimings } from './browser';

export type DbStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface DbHandle {
	db: ArrowQueryConnector;
	timings: BrowserDbTimings;
}
