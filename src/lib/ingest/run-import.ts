// The page side of an import: hands the chosen files to a Web Worker that reads and checks them; a worker that fails or dies becomes a WorkerFailure.
import { WorkerFailure } from '../db/worker-failure';
import type { WorkerMessage, WorkerRequest, WorkerResult } from './import.worker';
import type { ImportOptions } from './pipeline';

/** The worker's result: the report, table definitions as names, accepted rows as Arrow batches. */
export type WorkerImportResult = WorkerResult;

export interface ImportProgress {
	file: number;
	files: number;
	stage: 'read' | 'decode' | 'parse' | 'validate' | 'prepare';
}

export async function runImport(
	files: readonly File[],
	opts: Pick<ImportOptions, 'overrides' | 'known'>,
	onProgress: (p: ImportProgress) => void
): Promise<WorkerImportResult> {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	try {
		return await new Promise<WorkerImportResult>((resolve, reject) => {
			worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
				const m = e.data;
				if (m.type === 'progress') onProgress({ file: m.file, files: m.files, stage: m.stage });
				else if (m.type === 'done') resolve(m.result);
				else reject(new WorkerFailure('check', m.memory ? 'memory' : 'error', m.message));
			};
			// A worker that runs out of heap is stopped by the browser: it reports here, if at all.
			worker.onerror = (e) => {
				e.preventDefault();
				reject(new WorkerFailure('check', 'crash', e.message));
			};
			worker.onmessageerror = () =>
				reject(new WorkerFailure('check', 'crash', 'the result could not be received'));
			const request: WorkerRequest = {
				files: [...files],
				overrides: opts.overrides,
				known: opts.known
			};
			worker.postMessage(request);
		});
	} finally {
		worker.terminate();
	}
}
