// What the page side knows of the browser's DuckDB: its loading status and the handle it opens.
import type { ArrowQueryConnector } from './connector';
import type { BrowserDbTimings } from './browser';
import type { PartLoader } from './part-loader';

export type DbStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface DbHandle {
	db: ArrowQueryConnector;
	/** Loads the partitions of the published data a view needs. */
	parts: PartLoader;
	timings: BrowserDbTimings;
}
