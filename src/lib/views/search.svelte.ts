// The search page's state: q from the URL, the index (published or built from imported data), the grouped hits and their links.
import { base } from '$app/paths';
import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { FIELD_LABEL } from '$lib/i18n/search';
import type { SearchIndex } from '$lib/search/index';
import { pieces, type Piece } from '$lib/search/text';
import { GROUPS, type Group, type Hit, type SearchResult } from '$lib/search/types';
import { duck } from './db.svelte';
import { formHref, indicatorHref, unitHref } from './links';
import { errorMessage } from './newest';
import { fetchIndex, indexOf } from './search-index';

export { GROUPS, type Group, type Hit, type Piece };

/** Hits shown per group before "show more". */
export const SHOWN = 10;
/** Hits each "show more" adds: a common word has hundreds of thousands at a province's size. */
export const MORE = 200;

/** The index of the data shown now, kept across visits of the page (one per imported load). */
let cached: { key: string; index: Promise<SearchIndex> } | null = null;

function currentIndex(): Promise<SearchIndex> {
	const key = duck.source === 'local' ? `local:${duck.generation}` : 'bundled';
	if (cached?.key !== key) {
		const db = duck.db;
		const index = duck.source === 'local' && db ? indexOf(db) : fetchIndex(`${base}/data`);
		cached = { key, index };
		// A failed load is tried again next time.
		index.catch(() => {
			if (cached?.index === index) cached = null;
		});
	}
	return cached.index;
}

/** Where a hit leads: its unit, its form, or its indicator's row. */
export function hitHref(h: Hit): string {
	const p = h.place;
	if (!p.form) return unitHref(p.unitId);
	if (p.indicator) return indicatorHref(p.unitId, p.form.year, p.form.evalId, p.indicator.seq);
	return formHref(p.unitId, p.form.year, p.form.evalId);
}

/** The field a hit's title shows (its text is then the title, marked). */
const TITLE_FIELD: Record<Group, Hit['field'][]> = {
	units: ['name', 'short_name'],
	forms: ['project_name'],
	indicators: ['level3'],
	reasons: []
};

/** A hit as the page shows it: title, where, which field, the text in pieces with the matches marked. */
export interface ShownHit {
	key: string;
	href: string;
	/** The title as pieces (marked when the match is in the title). */
	title: Piece[];
	/** The matched text, when it is not the title. */
	text: Piece[] | null;
	/** Where the hit is: unit · year · form (for an indicator), or the unit's id. */
	where: string;
	field: (typeof FIELD_LABEL)[keyof typeof FIELD_LABEL];
	hit: Hit;
}

type FormTitle = (kind: 'department' | 'project', project: string | null) => string;
type YearText = (year: number) => string;

function shown(h: Hit, formTitle: FormTitle, yearText: YearText): ShownHit {
	const p = h.place;
	const inTitle = TITLE_FIELD[h.group].includes(h.field);
	const titleText = p.indicator
		? p.indicator.level3
		: p.form
			? formTitle(p.form.kind, p.form.project)
			: p.unitName;
	return {
		key: `${p.unitId}|${p.form?.evalId ?? ''}|${p.indicator?.seq ?? ''}|${h.field}`,
		href: hitHref(h),
		title: inTitle ? pieces(h.text, h.ranges, 120) : [{ text: titleText, mark: false }],
		text: inTitle ? null : pieces(h.text, h.ranges),
		where: p.form
			? [
					p.unitName,
					yearText(p.form.year),
					...(p.indicator ? [formTitle(p.form.kind, p.form.project)] : [])
				].join(' · ')
			: p.unitId,
		field: FIELD_LABEL[h.field],
		hit: h
	};
}

/** The search page; call during the component's initialisation. */
export function searchView(formTitle: FormTitle, yearText: YearText) {
	const state = $state({
		status: 'idle' as 'idle' | 'loading' | 'ready' | 'error',
		error: '',
		ms: 0,
		/** Hits shown per group, past the first SHOWN. */
		shown: {} as Partial<Record<Group, number>>
	});
	// Not deep state: a result can hold hundreds of thousands of hits, and they never change.
	let result = $state.raw<SearchResult | null>(null);
	const q = $derived(browser ? (page.url.searchParams.get('q') ?? '') : '');

	$effect(() => {
		const query = q;
		void duck.generation;
		void duck.source;
		state.shown = {};
		state.status = 'loading';
		state.error = '';
		let current = true;
		currentIndex()
			.then(async (index) => {
				if (!current) return;
				// The time includes reading the parts the query needs (fetched the first time).
				const t0 = performance.now();
				const found = query.trim() ? await index.search(query) : null;
				if (!current) return;
				result = found;
				state.ms = performance.now() - t0;
				performance.measure('jixiao:search:query', { start: t0, end: performance.now() });
				state.status = 'ready';
			})
			.then(undefined, (e: unknown) => {
				if (!current) return;
				state.status = 'error';
				state.error = errorMessage(e);
			});
		return () => {
			current = false;
		};
	});

	const groups = $derived(
		GROUPS.map((g) => {
			const hits = result?.groups[g] ?? [];
			const n = Math.min(hits.length, state.shown[g] ?? SHOWN);
			return {
				group: g,
				count: hits.length,
				/** How many the next "show more" adds (0: all are shown). */
				more: Math.min(MORE, hits.length - n),
				expanded: n > SHOWN,
				hits: hits.slice(0, n).map((h) => shown(h, formTitle, yearText))
			};
		})
	);

	return {
		get q() {
			return q;
		},
		get status() {
			return state.status;
		},
		get error() {
			return state.error;
		},
		get result() {
			return result;
		},
		get ms() {
			return state.ms;
		},
		get imported() {
			return duck.source === 'local';
		},
		get groups() {
			return groups;
		},
		/** Shows MORE more hits of a group. */
		more(g: Group) {
			state.shown = { ...state.shown, [g]: (state.shown[g] ?? SHOWN) + MORE };
		},
		/** Shows the first SHOWN hits of a group again. */
		fewer(g: Group) {
			state.shown = { ...state.shown, [g]: SHOWN };
		},
		/** Searches for a text (a new history entry). */
		search: (text: string) =>
			goto(text ? `?q=${encodeURIComponent(text)}` : '?', { keepFocus: true, noScroll: true })
	};
}
