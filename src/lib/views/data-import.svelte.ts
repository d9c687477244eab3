// The import page's state: chosen files, the worker's check, the user's corrections, loading and export.
import { auditInWorker } from '$lib/dataset/audit-in-worker';
import {
	loadDataset,
	type KeyConflict,
	type LoadProgress,
	type LoadSummary
} from '$lib/dataset/load';
import { runImport, type ImportProgress, type WorkerImportResult } from '$lib/dataset/run-import';
import { failureMessage, type FailureStage } from '$lib/db/worker-failure';
import { documentFormat } from '$lib/documents/formats';
import { UNIT_FIELDS, type UnitFieldName, type UnitFields } from '$lib/documents/unit-fields';
import { downloadTable, saveBlob, type TableDownload } from '$lib/export/download';
import { template } from '$lib/export/templates';
import { lang, tr } from '$lib/i18n/lang.svelte';
import type { IngestWarning } from '$lib/ingest/canonical';
import { IGNORE, type ImportOptions } from '$lib/ingest/pipeline';
import { sizeCheck, type SizeCheck } from '$lib/ingest/size';
import { loadedKeys } from '$lib/queries/load';
import { run } from '$lib/queries/query';
import { allUnits } from '$lib/queries/unit';
import type { TableDef, TableName } from '$lib/schema';
import type { PartLoader } from '$lib/db/part-loader';
import { NEED_ALL } from '$lib/db/parts';
import { dbWith, duck, startDb } from './db.svelte';
import { markExported } from './unsaved';

// What the page's markup names: the rows of its report tables, and the column a file may ignore.
export type { IngestWarning, KeyConflict, UnitFieldName };
export { IGNORE };

/** A unit field's label in the current language (a document's name, region …). */
export const fieldLabel = (n: UnitFieldName): string =>
	tr(UNIT_FIELDS.find((f) => f.name === n)!.label);

/** Downloads an empty template of a table (Chinese headers, one example row). */
export function downloadTemplate(t: TableDef, kind: TableDownload): void {
	downloadTable(kind, `jixiao-template-${t.name}`, template(t));
}

export type ImportMode = 'replace' | 'add';

/** What a table file lacks takes this unless the user picks another value for the file. */
const DEFAULTS = { provenance: 'published' };

/** Rows read, accepted and rejected over every file of a check. */
export interface ImportTotals {
	read: number;
	accepted: number;
	rejected: number;
}

/**
 * One import session on /data/. Checks can overlap (a mode change, then new files): only the newest
 * one's report counts, and loading stays disabled (busy) until it is in, so an older report is never
 * loaded by mistake.
 */
export class ImportSession {
	files: File[] = $state.raw([]);
	result = $state.raw<WorkerImportResult | null>(null);
	progress = $state.raw<ImportProgress | null>(null);
	overrides: NonNullable<ImportOptions['overrides']> = $state.raw({});
	/** The user's answers for each document's unit fields (by file name); the worker fills defaults under them. */
	unitAnswers: Record<string, Partial<UnitFields>> = $state.raw({});
	mode: ImportMode = $state('replace');
	busy = $state(false);
	failed = $state.raw<{ error: unknown; stage: FailureStage } | null>(null);
	loading = $state.raw<LoadProgress | null>(null);
	/** The chosen files' size and memory estimate; `pending` holds files waiting for the user's go-ahead. */
	size = $state.raw<SizeCheck | null>(null);
	pending = $state.raw<File[] | null>(null);
	summary = $state.raw<LoadSummary | null>(null);
	/** Files whose mapping the user opened or closed (the others follow whether they need a look). */
	opened: Record<string, boolean> = $state.raw({});
	exporting = $state(false);
	exportFailure = $state('');
	#latestCheck = 0;

	/** The failure as a sentence in the current language, or ''. */
	readonly failure = $derived(
		this.failed ? failureMessage(this.failed.error, this.failed.stage)[lang.current] : ''
	);
	readonly accepted = $derived(
		this.result ? this.result.batches.reduce((s, b) => s + b.rows, 0) : 0
	);
	/** A document still waiting for a required unit field: nothing loads until it is given. */
	readonly waiting = $derived(this.result?.documents.find((d) => !d.error && !d.included) ?? null);
	readonly totals = $derived<ImportTotals | null>(
		this.result
			? this.result.report.tables.reduce(
					(s, t) => ({
						read: s.read + t.read,
						accepted: s.accepted + t.accepted,
						rejected: s.rejected + t.rejected
					}),
					{ read: 0, accepted: 0, rejected: 0 }
				)
			: null
	);

	/** Reads and validates the chosen files in the worker, with the user's corrections so far. */
	async check(keepFailure = false): Promise<void> {
		if (this.files.length === 0) return;
		const id = ++this.#latestCheck;
		this.busy = true;
		if (!keepFailure) this.failed = null;
		this.summary = null;
		try {
			const known =
				this.mode === 'add' ? await loadedKeys((await dbWith([NEED_ALL])).db) : undefined;
			// A document's unit is suggested from the units loaded now (matched by the name it prints).
			const knownUnits = this.files.some((f) => documentFormat(f.name))
				? await run((await startDb()).db, allUnits())
				: [];
			const t0 = performance.now();
			const request = {
				overrides: this.overrides,
				known,
				defaults: DEFAULTS,
				units: this.unitAnswers,
				knownUnits
			};
			const r = await runImport(this.files, request, (p) => {
				if (id === this.#latestCheck) this.progress = p;
			});
			// For the benchmark: the check as the page saw it, with the worker's own split.
			performance.measure('jixiao:import:check', {
				start: t0,
				end: performance.now(),
				detail: r.ms
			});
			if (id === this.#latestCheck) this.result = r;
		} catch (e) {
			if (id === this.#latestCheck) {
				this.failed = { error: e, stage: 'check' };
				this.result = null;
			}
		} finally {
			if (id === this.#latestCheck) {
				this.busy = false;
				this.progress = null;
			}
		}
	}

	/** Files picked or dropped: checked at once, or after the user agrees when they are large. */
	choose(list: FileList | null): void {
		if (!list || list.length === 0) return;
		const chosen = [...list];
		this.size = sizeCheck(chosen);
		this.failed = null;
		this.pending = null;
		// Large files ask first, and files too large to check in a browser tab are refused: nothing is
		// read, and the report of earlier files goes (its load button would load those, not these).
		if (this.size.level === 'refuse' || this.size.level === 'ask') {
			this.#latestCheck++;
			this.busy = false;
			this.progress = null;
			this.result = null;
			this.files = [];
			if (this.size.level === 'ask') this.pending = chosen;
			return;
		}
		this.start(chosen);
	}

	start(chosen: File[]): void {
		this.pending = null;
		this.files = chosen;
		this.overrides = {};
		this.unitAnswers = {};
		this.opened = {};
		void this.check();
	}

	cancelPending(): void {
		this.pending = null;
		this.size = null;
	}

	setMode(mode: ImportMode): void {
		this.mode = mode;
		void this.check();
	}

	setUnitField(file: string, name: UnitFieldName, value: string): void {
		this.unitAnswers = {
			...this.unitAnswers,
			[file]: { ...this.unitAnswers[file], [name]: value }
		};
		void this.check();
	}

	setDefault(file: string, column: string, value: string): void {
		const o = this.overrides[file];
		this.overrides = {
			...this.overrides,
			[file]: { ...o, defaults: { ...o?.defaults, [column]: value } }
		};
		void this.check();
	}

	setTable(file: string, table: TableName): void {
		this.overrides = { ...this.overrides, [file]: { table } };
		void this.check();
	}

	setColumn(file: string, index: number, column: string): void {
		const f = this.result?.files.find((x) => x.name === file);
		if (!f?.mapping) return;
		const columns = [...(this.overrides[file]?.columns ?? f.mapping.columns)];
		columns[index] = column === '' ? null : column;
		this.overrides = { ...this.overrides, [file]: { table: f.mapping.table, columns } };
		void this.check();
	}

	setOpened(file: string, open: boolean): void {
		this.opened = { ...this.opened, [file]: open };
	}

	/** Loads the accepted rows into DuckDB-WASM and audits the whole dataset in a worker. */
	async load(): Promise<void> {
		if (!this.result) return;
		this.busy = true;
		this.failed = null;
		this.loading = { stage: 'load', table: null, done: 0, rows: this.accepted };
		let recheck = false;
		let frozen: PartLoader | null = null;
		try {
			// Joining the published data needs all of it; either way no more of it may load afterwards.
			const { db, parts } = await dbWith(this.mode === 'add' ? [NEED_ALL] : []);
			frozen = parts;
			await parts.freeze();
			const t0 = performance.now();
			const summary = await loadDataset(db, this.result.batches, this.mode, {
				onProgress: (p) => (this.loading = p),
				audit: auditInWorker
			});
			this.summary = summary;
			performance.measure('jixiao:import:load', {
				start: t0,
				end: performance.now(),
				detail: { audit: summary.audit.ms }
			});
			duck.holdsPublished = duck.holdsPublished && this.mode === 'add';
			duck.source = 'local';
			duck.generation++;
		} catch (e) {
			// Rolled back: the published data is as it was, and loads on demand again.
			if (duck.source === 'bundled') frozen?.thaw();
			this.failed = { error: e, stage: 'load' };
			// DuckDB took (detached) the batches it was given: check the files again for a retry.
			this.result = null;
			recheck = true;
		} finally {
			this.busy = false;
			this.loading = null;
		}
		// After the load's own busy ends, so the page stays busy while the files are checked again.
		if (recheck) void this.check(true);
	}

	/** Downloads the dataset now in DuckDB as a ZIP of canonical CSV and Parquet, one pair per table. */
	async exportZip(): Promise<void> {
		this.exporting = true;
		this.exportFailure = '';
		try {
			const { db } = await dbWith([NEED_ALL]);
			const { exportDataset } = await import('$lib/export/dataset');
			const bytes = await exportDataset(db);
			saveBlob(
				new Blob([bytes as BlobPart], { type: 'application/zip' }),
				`jixiao-dataset-${duck.source === 'local' ? 'local' : 'published'}.zip`
			);
			markExported();
		} catch (e) {
			this.exportFailure = e instanceof Error ? e.message : String(e);
		} finally {
			this.exporting = false;
		}
	}
}
