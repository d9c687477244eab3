// Web Worker: reads the files and runs the import pipeline off the main thread, then builds the Arrow batches DuckDB loads, so the page only receives the report and transferred bytes.
import { isMemoryError } from '../db/worker-failure';
import type { DocumentReview } from '../documents/in-import';
import type { KnownUnit, UnitFields } from '../documents/unit-fields';
import { toBatches, transferList, type TableBatches } from '../ingest/batches';
import {
	importSources,
	type ImportOptions,
	type ImportResult,
	type InputFile
} from '../ingest/pipeline';
import type { TableName } from '../schema';
import { splitFiles } from './split-files';

export interface WorkerRequest {
	/** The chosen files themselves: the worker reads them, so their bytes never sit on the page's heap. */
	files: File[];
	overrides?: ImportOptions['overrides'];
	known?: ImportOptions['known'];
	defaults?: ImportOptions['defaults'];
	/** The user's answers for each document (by file name): unit id, region code, sector, provenance … */
	units?: Record<string, Partial<UnitFields>>;
	/** Units already loaded, so a document printing one's name suggests its fields. */
	knownUnits?: KnownUnit[];
}

export type ImportStage =
	'read' | 'decode' | 'parse' | 'validate' | 'prepare' | 'document' | 'recognise';

/** What the page keeps of an import: the report, and the accepted rows as Arrow batches (no row objects). */
export type WorkerResult = Omit<ImportResult, 'files' | 'rows' | 'canonical'> & {
	files: (Omit<ImportResult['files'][number], 'mapping'> & {
		mapping: {
			table: TableName;
			columns: (string | null)[];
			missing: string[];
			score: number;
		} | null;
	})[];
	batches: TableBatches[];
	/** Each document dropped, as read: its forms, notes, and the unit fields its rows were given. */
	documents: DocumentReview[];
	/** ms spent in the worker: reading and checking, then building the batches. */
	ms: { check: number; batches: number };
};

export type WorkerMessage =
	| {
			type: 'progress';
			file: number;
			files: number;
			stage: ImportStage;
			/** The document being read (document and recognise stages). */
			name?: string;
	  }
	| { type: 'done'; result: WorkerResult }
	| { type: 'error'; memory: boolean; message: string };

const post = (m: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(m, { transfer });

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
	try {
		const t0 = performance.now();
		const inputs: InputFile[] = [];
		for (const [i, f] of e.data.files.entries()) {
			post({ type: 'progress', file: i, files: e.data.files.length, stage: 'read' });
			inputs.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
		}
		const opts: ImportOptions = {
			overrides: e.data.overrides,
			known: e.data.known,
			defaults: e.data.defaults,
			onProgress: (p) => post({ type: 'progress', ...p })
		};
		const split = await splitFiles(inputs);
		inputs.length = 0;
		let result: ImportResult | null;
		let documents: DocumentReview[] = [];
		if (split.documents.length) {
			// The readers load only when a document is dropped.
			const { importWithDocuments } = await import('../documents/in-import');
			const docs = split.documents;
			({ result, documents } = await importWithDocuments(
				docs,
				split.sources,
				opts,
				e.data.units ?? {},
				e.data.knownUnits ?? [],
				(i, stage) =>
					post({
						type: 'progress',
						file: i,
						files: docs.length,
						stage: stage === 'read' ? 'document' : 'recognise',
						name: docs[i].name
					})
			));
		} else result = importSources(split.sources, opts);
		const t1 = performance.now();
		post({
			type: 'progress',
			file: e.data.files.length,
			files: e.data.files.length,
			stage: 'prepare'
		});
		const batches = toBatches(result.rows);
		// Table definitions hold RegExps and are rebuilt on the page from their names.
		const files = result.files.map((f) => ({
			...f,
			mapping: f.mapping ? { ...f.mapping, table: f.mapping.table.name } : null
		}));
		const { report, warnings } = result;
		result = null;
		post(
			{
				type: 'done',
				result: {
					files,
					report,
					warnings,
					batches,
					documents,
					ms: { check: t1 - t0, batches: performance.now() - t1 }
				}
			},
			transferList(batches)
		);
	} catch (err) {
		post({
			type: 'error',
			memory: isMemoryError(err),
			message: err instanceof Error ? err.message : String(err)
		});
	}
};
