// The built dataset for prerendering: DuckDB in Node over static/data, opened once per build.
import { openBuiltDataset, type NodeConnector } from '../db/node';

let opening: Promise<NodeConnector> | null = null;

/** The folder the site's data was built into (JIXIAO_DATA_DIR, else static/data). */
export function dataDir(): string {
	return process.env.JIXIAO_DATA_DIR ?? 'static/data';
}

export function dataset(): Promise<NodeConnector> {
	opening ??= openBuiltDataset(dataDir());
	return opening;
}
