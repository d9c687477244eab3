// Loads the site's partitions into DuckDB on demand: each file once, overlapping rows once, and knows what it holds.
import type { LoadableConnector } from './connector';
import { dropTableSql, inTransaction, insertByNameSql, insertNewStagedSql, stageOf } from './load';
import { quoteIdent } from './sql';
import { unitPartPath, unpackStreams, type Need, type PartsManifest } from './parts';

/** Fetches a file of the data folder by its path; null when the host has no such file (HTTP 404). */
export type PartFetch = (path: string) => Promise<Uint8Array | null>;

/**
 * Inflates a gzip file; a file the host already inflated (Content-Encoding: gzip) is returned as it
 * is. The browser's own inflater where it has one (Firefox 113, Safari 16.4 and later), else fflate's.
 */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
	// fflate only where it is needed: no bytes for the browsers that have their own.
	if (typeof DecompressionStream === 'undefined') return (await import('fflate')).gunzipSync(bytes);
	const stream = new Blob([bytes as BlobPart])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class PartLoader {
	/** Files loaded or loading, by path. */
	readonly #files = new Map<string, Promise<void>>();
	/** Inserts run one at a time: they share staging tables and must see each other's rows. */
	#queue: Promise<unknown> = Promise.resolve();
	/** Bytes fetched (as stored, before inflating), for the benchmark. */
	fetched = 0;
	/** Set once a user's own data is loaded: published rows must not join it any more. */
	#frozen = false;
	/** Resolves at the next thaw: loads asked for while frozen wait for it. */
	#thawed: Promise<void> = Promise.resolve();
	#thaw: () => void = () => {};
	/** Unit files and year files whose inserts have begun: rows of one kind can only repeat rows of the other. */
	readonly #begun = { unit: 0, year: 0 };

	constructor(
		private readonly manifest: PartsManifest,
		private readonly db: LoadableConnector,
		private readonly fetchFile: PartFetch
	) {}

	/** The base tables (units, the metric dictionary, directions): every page needs them. */
	loadBase(): Promise<void> {
		return this.#load(this.manifest.base.path, true);
	}

	/** Loads what the needs name and is not loaded yet; resolves when all of it is in DuckDB. */
	async ensure(needs: readonly Need[]): Promise<void> {
		// While a user's data loads, published partitions wait: after it the views ask it instead
		// (and drop this answer); if it fails, the loader thaws and these loads go on.
		while (this.#frozen) await this.#thawed;
		const paths = new Set(needs.flatMap((n) => this.pathsOf(n)));
		await Promise.all([...paths].map((p) => this.#load(p, !p.startsWith(this.manifest.unitDir))));
	}

	/**
	 * Loads nothing more from now on, once the inserts under way are in: a user's data is about to
	 * replace or join what is loaded (join: `ensure([NEED_ALL])` first).
	 */
	async freeze(): Promise<void> {
		if (!this.#frozen) this.#thawed = new Promise((resolve) => (this.#thaw = resolve));
		this.#frozen = true;
		// Inserts already queued finish; files still on their way find it frozen and wait.
		await this.#queue;
	}

	/** Loads again after `freeze`: the user's data did not load (its transaction was rolled back). */
	thaw(): void {
		this.#frozen = false;
		this.#thaw();
	}

	/** Whether every row of every table is loaded (or loading). */
	get complete(): boolean {
		return this.#yearPaths(null).every((p) => this.#files.has(p));
	}

	/**
	 * Bytes (as stored) the needs would fetch that are not loaded or loading: a year's files by the
	 * manifest, a unit's file by the units' average (the manifest does not list each).
	 */
	missingBytes(needs: readonly Need[]): number {
		const m = this.manifest;
		const sizes = new Map<string, number>([[m.base.path, m.base.bytes]]);
		for (const y of m.years) for (const f of Object.values(y.tables)) sizes.set(f!.path, f!.bytes);
		const unitAverage = m.units > 0 ? m.unitBytes.total / m.units : 0;
		const paths = new Set(needs.flatMap((n) => this.pathsOf(n)));
		let bytes = 0;
		for (const p of paths) if (!this.#files.has(p)) bytes += sizes.get(p) ?? unitAverage;
		return bytes;
	}

	/** The files a need reads (loaded ones included). */
	pathsOf(need: Need): string[] {
		if ('all' in need) return this.#yearPaths(null);
		if ('unit' in need)
			// Everything asked already: wait for those files (some may still be loading) instead.
			return this.complete
				? this.#yearPaths(null)
				: [unitPartPath(this.manifest.unitDir, need.unit)];
		if (need.year === 'all') return this.#yearPaths(need.tables, need.from, need.to);
		const entry = this.manifest.years.find((y) => y.year === need.year);
		// A year the data does not have holds no rows: nothing to load.
		return entry ? need.tables.flatMap((t) => (entry.tables[t] ? [entry.tables[t].path] : [])) : [];
	}

	/**
	 * Every year file of the given tables (null: of every partitioned table); with `from` or `to`,
	 * of the years from or to them only (no file of no year).
	 */
	#yearPaths(tables: readonly string[] | null, from?: number | null, to?: number | null): string[] {
		const bounded = (from ?? null) !== null || (to ?? null) !== null;
		const within = (y: number | null) =>
			!bounded || (y !== null && y >= (from ?? -Infinity) && y <= (to ?? Infinity));
		return this.manifest.years.flatMap((y) =>
			Object.entries(within(y.year) ? y.tables : {})
				.filter(([t]) => tables === null || tables.includes(t))
				.map(([, f]) => f!.path)
		);
	}

	#load(path: string, required: boolean): Promise<void> {
		let done = this.#files.get(path);
		if (!done) {
			done = this.#fetchAndInsert(path, required);
			this.#files.set(path, done);
			// A failed load can be tried again (a network error is not a fact about the data).
			done.catch(() => this.#files.delete(path));
		}
		return done;
	}

	async #fetchAndInsert(path: string, required: boolean): Promise<void> {
		const stored = await this.fetchFile(`${path}?v=${this.manifest.version}`);
		if (stored === null) {
			// Every unit of the units table has a file: a missing one is a unit the data does not hold.
			if (required) throw new Error(`${path}: HTTP 404`);
			return;
		}
		this.fetched += stored.length;
		const streams = unpackStreams(await gunzip(stored));
		/** False when frozen meanwhile: nothing inserted. */
		const insert = async (): Promise<boolean> => {
			if (this.#frozen && path !== this.manifest.base.path) return false;
			// Year files never share a row, nor do unit files: only a file of the other kind can
			// already hold some of these rows, and only then is each row's key looked up first.
			// (The base tables are small, and looked up always.)
			const base = path === this.manifest.base.path;
			const kind = path.startsWith(this.manifest.unitDir) ? 'unit' : 'year';
			const overlaps = base || this.#begun[kind === 'unit' ? 'year' : 'unit'] > 0;
			if (!base) this.#begun[kind]++;
			// One transaction per file: a file that fails part-way leaves nothing (its staging
			// tables included), so a retry starts clean.
			await inTransaction(this.db, async () => {
				for (const s of streams) {
					if (s.rows === 0) continue;
					// A copy of its own: duckdb-wasm transfers (detaches) the whole buffer a view is on.
					await this.db.createFromArrow(stageOf(s.table), s.bytes.slice());
					await this.db.exec(
						overlaps
							? insertNewStagedSql(s.table)
							: insertByNameSql(s.table, quoteIdent(stageOf(s.table)))
					);
					await this.db.exec(dropTableSql(stageOf(s.table)));
				}
			});
			return true;
		};
		const run = this.#queue.then(insert, insert);
		this.#queue = run.catch(() => {});
		if (await run) return;
		// Frozen while this file was on its way: not loaded; once thawed it is loaded after all.
		this.#files.delete(path);
		await this.#thawed;
		await this.#load(path, required);
	}
}
