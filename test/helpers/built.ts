// Test helper: opens the bundled data, built once per run by the global setup, with DuckDB in Node.
import { inject } from 'vitest';
import { openBuiltDataset, type NodeConnector } from '../../src/lib/db/node';

/** The folder the global setup built data/sample + data/demo into (read it, never write it). */
export function bundledDir(): string {
	return inject('bundledDir');
}

export async function openBundled(): Promise<{ db: NodeConnector; dispose: () => Promise<void> }> {
	const db = await openBuiltDataset(bundledDir());
	return { db, dispose: () => db.close() };
}
