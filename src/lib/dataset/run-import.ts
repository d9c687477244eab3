// The page side of an import: hands the chosen files to a Web Worker that reads and checks them; a worker that fails or dies becomes a WorkerFailure.
import { WorkerFailure } from '../db/worker-failure';
import type { ImportStage, WorkerMessage, WorkerRequest, WorkerResult } from './import.worker';

/** The worker's result: the report, table definitions as names, accepted rows as Arrow batches. */
export type WorkerImportResult = WorkerResult;

export interface ImportProgress {
	file: number;
	files: number;
	stage: ImportStage;
	/** The document being read. */
	name?: string;
}

/** What the worker is asked besides the files: the user's corrections, defaults and documents' unit fields. */
export type ImportRequestOptions = Omit<WorkerRequest, 'files'>;

export async function runImport(
	files: readonly File[],
	opts: ImportRequestOptions,
	onProgress: (p: ImportProgress) => void
): Promise<WorkerImportResult> {
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	try {
		return await new Promise<WorkerImportResult>((resolve, reject) => {
			worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
				const m = e.data;
				if (m.type === 'progress')
					onProgress({ file: m.file, files: m.files, stage: m.stage, name: m.name });
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
			const request: WorkerRequest = { ...opts, files: [...files] };
			worker.postMessage(request);
		});
	} finally {
		worker.terminate();
	}
}
