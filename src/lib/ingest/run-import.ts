// The page side of an import: reads the chosen files and runs the pipeline in a Web Worker.
import type { TableName } from '../schema';
import type { ImportOptions, ImportResult } from './pipeline';
import type { WorkerRequest } from './import.worker';

/** The worker's result: table definitions travel as names. */
export type WorkerImportResult = Omit<ImportResult, 'files'> & {
	files: (Omit<ImportResult['files'][number], 'mapping'> & {
		mapping: {
			table: TableName;
			columns: (string | null)[];
			missing: string[];
			score: number;
		} | null;
	})[];
};

export interface ImportProgress {
	file: number;
	files: number;
	stage: 'read' | 'decode' | 'parse' | 'validate';
}

export async function runImport(
	files: readonly File[],
	opts: Pick<ImportOptions, 'overrides' | 'known'>,
	onProgress: (p: ImportProgress) => void
): Promise<WorkerImportResult> {
	const inputs: WorkerRequest['files'] = [];
	for (const [i, f] of files.entries()) {
		onProgress({ file: i, files: files.length, stage: 'read' });
		inputs.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
	}
	const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
	try {
		return await new Promise<WorkerImportResult>((resolve, reject) => {
			worker.onmessage = (e: MessageEvent) => {
				const m = e.data as {
					type: string;
					result?: WorkerImportResult;
					message?: string;
				} & ImportProgress;
				if (m.type === 'progress') onProgress({ file: m.file, files: m.files, stage: m.stage });
				else if (m.type === 'done') resolve(m.result!);
				else reject(new Error(m.message));
			};
			worker.onerror = (e) => reject(new Error(e.message));
			const request: WorkerRequest = {
				files: inputs,
				overrides: opts.overrides,
				known: opts.known
			};
			worker.postMessage(
				request,
				inputs.map((f) => f.bytes.buffer as ArrayBuffer)
			);
		});
	} finally {
		worker.terminate();
	}
}
