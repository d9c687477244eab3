// Web Worker: runs the import pipeline off the main thread, so the page stays responsive on large files.
import type { ImportOptions, InputFile } from './pipeline';
import { importAnyFiles } from './sources';

export interface WorkerRequest {
	files: InputFile[];
	overrides?: ImportOptions['overrides'];
	known?: ImportOptions['known'];
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
	try {
		const result = await importAnyFiles(e.data.files, {
			overrides: e.data.overrides,
			known: e.data.known,
			onProgress: (p) => self.postMessage({ type: 'progress', ...p })
		});
		// Table definitions hold RegExps and are rebuilt on the page from their names.
		const files = result.files.map((f) => ({
			...f,
			mapping: f.mapping ? { ...f.mapping, table: f.mapping.table.name } : null
		}));
		self.postMessage({ type: 'done', result: { ...result, files } });
	} catch (err) {
		self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
	}
};
