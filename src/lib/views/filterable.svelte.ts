// One filterable page's state: the filter in the URL, its answer (prerendered or from DuckDB, newest wins), busy and error.
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { onMount, untrack } from 'svelte';
import type { HeldBack } from '$lib/components/held';
import type { ArrowQueryConnector } from '$lib/db/connector';
import { NEED_ALL, type Need } from '$lib/db/parts';
import { megabytes } from '$lib/format/number';
import { bytesToLoad, dbWith, duck, startDbWhenIdle, timed } from './db.svelte';
import { loaded } from './loaded.svelte';
import { errorMessage, newestWins } from './newest';
import { withLang } from './lang-url.svelte';
import { readQuery, writeQuery, type Params, type Query } from './url';

export interface FilterableOptions<P, F, D> {
	/** Names the query's timing mark (`jixiao:query:<name>`) for the benchmark. */
	name: string;
	/** The URL's query parameters and their codecs; invalid values read as absent. */
	params: Params<P>;
	/** The filter the query takes, from the URL's values with the defaults filled in (reactive). */
	filter: (url: Query<P>) => F;
	/** Shown before any answer: the answer prerendered into the page, if `prerendered` says for which filter. */
	initial: D;
	/** Whether `initial` answers this filter on the bundled data (the page's default filter). */
	prerendered?: (filter: F) => boolean;
	/**
	 * `initial` holds only the first rows: once DuckDB is ready it is asked for all of them, at once
	 * when their partitions come to at most WHOLE_ON_READY_BYTES, else when the page calls `loadAll`.
	 */
	partial?: boolean;
	/** An answer that needs no query (say, nothing chosen), or undefined. */
	local?: (filter: F) => D | undefined;
	/** Asks DuckDB (a function of queries/). */
	query: (db: ArrowQueryConnector, filter: F) => Promise<D>;
	/**
	 * The published partitions `query` reads for this filter (its year, its units), loaded before it
	 * runs; default: everything. Must cover every row the SQL can read: the same SQL runs over all
	 * the data in Node, and over only what is loaded in the browser.
	 */
	needs?: (filter: F) => readonly Need[];
	/** Starts DuckDB when the browser is idle (default true); false for a page that asks only about imported data. */
	idleStart?: boolean;
	/** Called after an answer from DuckDB is shown (say, to scroll it into view). */
	onanswer?: (data: D) => void;
	/**
	 * For a filter whose data is held back (ASK_BYTES), the change that asks the same of one year
	 * instead, and that year; null when the filter is already of one year. Only a page that gives it
	 * (and shows `heldBack`, through Results) is held back: the views across years.
	 */
	narrow?: (filter: F) => { patch: Partial<Query<P>>; year: number } | null;
}

const NAVIGATE = { keepFocus: true, noScroll: true } as const;

/**
 * A partial prerendered answer is completed without asking when that fetches at most this (as
 * stored, beyond what is loaded). At 4,000 units every year of the audit is 12.3 MB and a year's
 * projects 1.3–1.5 MB: a visitor who reads the first rows, or picks a year, should not fetch them
 * first (a page should fetch at most 2 MB before it answers its first filter change). A county's
 * data (hundreds of units) is well under it.
 */
export const WHOLE_ON_READY_BYTES = 1.25 * 1024 * 1024;

/**
 * A filter change is answered without asking when its data fetches at most this (as stored, beyond
 * what is loaded). At 4,000 units a year's data is under it for every view, and every year's is
 * not (the audit's 12.4 MB): a filter across all years waits for the visitor to ask for it, or to
 * take the same filter in one year. A county's every year is under it.
 */
export const ASK_BYTES = 2 * 1024 * 1024;

/**
 * Construct during a component's initialisation (it registers effects). The page reads `filter`,
 * `data`, `busy`, `error`, `stale` and `heldBack` (a filter whose data is over ASK_BYTES waits for
 * `fetchHeld`), and changes the filter with `set` (a new history entry).
 */
export class FilterablePage<P, F, D> {
	/** The URL's values (null: absent or invalid); all null on the prerendered page. */
	readonly url: Query<P>;
	/** The filter the shown answer is for, or is being fetched for. */
	readonly filter: F;
	/** The answer shown. */
	data: D;
	/** A query is running. */
	busy = $state(false);
	/** The last query failed: its message (empty when it did not). */
	error = $state('');
	/** `data` is still `initial`. */
	private initialShown = $state(true);
	/** The filter (by value) that `data` answers. */
	#answers = $state('');
	/** The whole of a partial prerendered answer is wanted: asked for (`loadAll`), or cheap enough. */
	#whole = $state(false);
	/** Bytes the whole of a partial prerendered answer would fetch, when more than WHOLE_ON_READY_BYTES (else 0). */
	#large = $state(0);
	/** The filter (by value) held back because its data is over ASK_BYTES, and that size. */
	#held = $state<{ key: string; bytes: number } | null>(null);
	/** The filter (by value) whose data the visitor asked for (`fetchHeld`, `loadAll`), however large. */
	#asked = $state('');
	readonly #opts: FilterableOptions<P, F, D>;

	constructor(opts: FilterableOptions<P, F, D>) {
		this.#opts = opts;
		this.data = $state.raw(opts.initial);
		this.url = $derived(readQuery(opts.params, browser ? page.url.searchParams : null));
		this.filter = $derived(opts.filter(this.url));
		// The filter by value: a new history entry with the same filter (another parameter) asks nothing.
		const key = $derived(JSON.stringify(this.filter));
		const newest = newestWins();

		if (opts.idleStart !== false) onMount(startDbWhenIdle);
		$effect(() => loaded.track());
		$effect(() => {
			void key;
			void duck.generation;
			const asked = this.#asked === key;
			const bundled = duck.source === 'bundled';
			const f = untrack(() => this.filter);
			const local = opts.local?.(f);
			const prerendered = bundled && (opts.prerendered?.(f) ?? false);
			// A partial prerendered answer is replaced by the whole one once DuckDB is ready and the
			// whole one is wanted.
			if (local !== undefined || (prerendered && !(opts.partial && duck.db && this.#whole))) {
				newest.reset();
				this.data = local ?? opts.initial;
				this.initialShown = local === undefined;
				this.busy = false;
				this.error = '';
				this.#answers = key;
				if (local === undefined && opts.partial && duck.db) this.#weighWhole(f);
				return;
			}
			this.busy = true;
			this.error = '';
			const needs = opts.needs?.(f) ?? [NEED_ALL];
			void newest.run(
				async (): Promise<{ held: number } | { data: D }> => {
					// Data over ASK_BYTES waits for the visitor to ask for it (a user's own data is all loaded: 0).
					const bytes = asked || !opts.narrow ? 0 : await bytesToLoad(needs);
					if (bytes > ASK_BYTES) return { held: bytes };
					const { db } = await dbWith(needs);
					return { data: await timed(opts.name, () => opts.query(db, f)) };
				},
				(r) => {
					this.busy = false;
					if ('held' in r) {
						this.#held = { key: JSON.stringify(f), bytes: r.held };
						return;
					}
					const d = r.data;
					this.#held = null;
					this.data = d;
					this.initialShown = false;
					this.#answers = JSON.stringify(f);
					opts.onanswer?.(d);
				},
				(e) => {
					this.busy = false;
					this.error = errorMessage(e);
				}
			);
		});
	}

	/** Wants the whole answer at once if its partitions are small enough; else `loadAll` will. */
	#weighWhole(f: F): void {
		bytesToLoad(this.#opts.needs?.(f) ?? [NEED_ALL]).then(
			(n) => {
				if (n <= WHOLE_ON_READY_BYTES) this.#whole = true;
				else this.#large = n;
			},
			// DuckDB did not start: its status says so, and the prerendered rows stay.
			() => {}
		);
	}

	/**
	 * The prerendered first rows are shown, and the rest wait for `loadAll`: they would fetch more
	 * than WHOLE_ON_READY_BYTES (every year of a province's data).
	 */
	get wholeOnDemand(): boolean {
		return (
			this.#large > 0 &&
			!this.#whole &&
			this.initialShown &&
			!this.busy &&
			duck.source === 'bundled'
		);
	}

	/** What `loadAll` fetches ("12.4 MB"), while `wholeOnDemand`. */
	get wholeSize(): string {
		return megabytes(this.#large);
	}

	/** Loads the whole answer the prerendered first rows belong to. */
	loadAll(): void {
		this.#asked = JSON.stringify(this.filter);
		this.#whole = true;
	}

	/**
	 * The filter in the URL is not answered: its data would fetch more than ASK_BYTES. The page
	 * says how much, and offers `fetchHeld` or the same filter in one year.
	 */
	get heldBack(): HeldBack | null {
		const held = this.#held;
		if (!held || held.key !== JSON.stringify(this.filter) || this.busy) return null;
		const n = this.#opts.narrow?.(this.filter) ?? null;
		return {
			size: megabytes(held.bytes),
			narrow: n && { href: this.link(n.patch), year: n.year }
		};
	}

	/** Fetches the held-back filter's data and answers it (a later filter is weighed again: most then fetch nothing). */
	fetchHeld(): void {
		this.#asked = JSON.stringify(this.filter);
	}

	/**
	 * The prerendered answer is shown for a filter it does not answer: a filtered link opened
	 * before the database is ready (show that the filter is being applied, not the wrong figures).
	 */
	get stale(): boolean {
		return this.initialShown && !(this.#opts.prerendered?.(this.filter) ?? false);
	}

	/** `data` answers an earlier filter: the one in the URL is held back (see `heldBack`). */
	get held(): boolean {
		return this.heldBack !== null;
	}

	/**
	 * `data` may be shown as the answer: it answers the filter (or the one before, while a newer
	 * query runs). False while stale and after a failed query: figures of another filter are not
	 * shown as if they answered this one.
	 */
	get valid(): boolean {
		return !this.stale && !this.held && this.error === '';
	}

	/**
	 * `data` answers exactly the filter in the URL, and no query runs: an older answer shown while
	 * a newer one loads is not it (a test or a script waits for this before reading figures).
	 */
	get answered(): boolean {
		return this.valid && !this.busy && this.#answers === JSON.stringify(this.filter);
	}

	/** Some parameter is set in the URL. */
	get filtered(): boolean {
		return Object.values(this.url).some((v) => v !== null);
	}

	/** The query string of the current URL with `patch` applied (null clears a parameter), in the chosen language. */
	link(patch: Partial<Query<P>> = {}): string {
		return withLang(writeQuery(this.#opts.params, { ...this.url, ...patch }));
	}

	/** The query string of exactly these values (the others cleared), in the chosen language. */
	only(values: Partial<Query<P>>): string {
		return withLang(writeQuery(this.#opts.params, values));
	}

	/** Changes the filter: a new history entry, focus and scroll kept. */
	set(patch: Partial<Query<P>>): Promise<void> {
		return goto(this.link(patch), NAVIGATE);
	}

	/**
	 * Sets one parameter from a control's text, read by its codec ('' or an invalid text clears
	 * it), with other changes in `patch`.
	 */
	choose<K extends keyof P>(key: K, raw: string, patch: Partial<Query<P>> = {}): Promise<void> {
		const value = raw === '' ? null : this.#opts.params[key].parse(raw);
		return this.set({ ...patch, [key]: value } as Partial<Query<P>>);
	}

	/** Clears every parameter. */
	clear(): Promise<void> {
		return goto(withLang('?'), NAVIGATE);
	}
}

/** A filterable page (see FilterablePage); call during a component's initialisation. */
export function filterable<P, F, D>(opts: FilterableOptions<P, F, D>): FilterablePage<P, F, D> {
	return new FilterablePage(opts);
}
