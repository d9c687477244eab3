// Test helper: builds the bundled data into a temporary folder and opens it with DuckDB in Node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildData } from '../../src/lib/build/build-data';
import { openBuiltDataset, type NodeConnector } from '../../src/lib/db/node';
import { ROOT } from './data';

export async function openBundled(): Promise<{ db: NodeConnector; dispose: () => Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'jixiao-q-'));
	const r = await buildData({
		dataDirs: [join(ROOT, 'data/sample'), join(ROOT, 'data/demo')],
		outDir: dir
	});
	if (!r.report.ok) throw new Error('bundled data failed validation');
	const db = await openBuiltDataset(dir);
	return {
		db,
		dispose: async () => {
			await db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
