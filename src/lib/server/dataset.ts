// The built dataset for prerendering: DuckDB in Node over static/data, opened once per build.
import { openBuiltDataset, type NodeConnector } from '../db/node';

let opening: Promise<NodeConnector> | null = null;

export function dataset(): Promise<NodeConnector> {
	opening ??= openBuiltDataset(process.env.JIXIAO_DATA_DIR ?? 'static/data');
	return opening;
}
