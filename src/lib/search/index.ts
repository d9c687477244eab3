// The search index: unique texts, the records that hold them, and bigram and word postings; built once (Node or browser), searched by exact substring.
import type { Provenance } from '../schema';
import { bigrams, fold, mergeRanges, occurrences, queryTerms, words } from './text';
import {
	FIELD_RANK,
	FORM_FIELDS,
	GROUP_OF,
	GROUPS,
	INDICATOR_FIELDS,
	type Field,
	type Group,
	type Hit,
	type HitPlace,
	type SearchResult,
	type SearchSource
} from './types';

/** 2: units and forms carry their provenance (`synthetic`). */
export const INDEX_VERSION = 2;

/**
 * The index as written to search-index.json.gz (gzipped JSON): columns of text ids (-1: empty) into `texts`, and
 * postings from a bigram or a word to the ids of the texts holding it (ascending, delta-coded).
 */
export interface SerializedIndex {
	version: typeof INDEX_VERSION;
	texts: string[];
	units: {
		id: string[];
		name: number[];
		short: number[];
		/** 1 for a synthetic unit, 0 for a published one. */
		synthetic: number[];
	};
	forms: {
		id: string[];
		unit: number[];
		year: number[];
		/** 1 for a project form, 0 for a department form. */
		project: number[];
		/** 1 for a synthetic form, 0 for a published one. */
		synthetic: number[];
		/** One column per FORM_FIELDS entry. */
		fields: number[][];
	};
	indicators: {
		/** The form's row in `forms`, delta-coded (rows are sorted by form). */
		form: number[];
		seq: number[];
		/** One column per INDICATOR_FIELDS entry. */
		fields: number[][];
	};
	bigrams: Record<string, number[]>;
	words: Record<string, number[]>;
}

const synthetic = (p: Provenance): number => (p === 'synthetic' ? 1 : 0);
const provenance = (flag: number): Provenance => (flag ? 'synthetic' : 'published');

const delta = (ids: number[]) => ids.map((id, i) => (i ? id - ids[i - 1] : id));
const undelta = (ds: number[]) => {
	const out = new Array<number>(ds.length);
	let at = 0;
	for (let i = 0; i < ds.length; i++) out[i] = at += ds[i];
	return out;
};

/** Builds the index from the rows of a dataset (the same code in the data build and in the browser). */
export function buildIndex(src: SearchSource): SerializedIndex {
	const texts: string[] = [];
	const ids = new Map<string, number>();
	const textId = (s: string | null | undefined): number => {
		if (s === null || s === undefined || s.trim() === '') return -1;
		let id = ids.get(s);
		if (id === undefined) ids.set(s, (id = texts.push(s) - 1));
		return id;
	};
	const unitRow = new Map(src.units.map((u, i) => [u.unit_id, i]));
	const units = {
		id: src.units.map((u) => u.unit_id),
		name: src.units.map((u) => textId(u.name)),
		short: src.units.map((u) => textId(u.short_name)),
		synthetic: src.units.map((u) => synthetic(u.provenance))
	};
	const forms = [...src.forms].sort((a, b) => (a.eval_id < b.eval_id ? -1 : 1));
	const formRow = new Map(forms.map((f, i) => [f.eval_id, i]));
	const inds = src.indicators
		.filter((i) => formRow.has(i.eval_id))
		.map((i) => ({ ...i, row: formRow.get(i.eval_id)! }))
		.sort((a, b) => a.row - b.row || a.seq - b.seq);
	const out: SerializedIndex = {
		version: INDEX_VERSION,
		texts,
		units,
		forms: {
			id: forms.map((f) => f.eval_id),
			unit: forms.map((f) => unitRow.get(f.unit_id) ?? -1),
			year: forms.map((f) => f.year),
			project: forms.map((f) => (f.form === 'project' ? 1 : 0)),
			synthetic: forms.map((f) => synthetic(f.provenance)),
			fields: FORM_FIELDS.map((k) => forms.map((f) => textId(f[k])))
		},
		indicators: {
			form: delta(inds.map((i) => i.row)),
			seq: inds.map((i) => i.seq),
			fields: INDICATOR_FIELDS.map((k) => inds.map((i) => textId(i[k])))
		},
		bigrams: {},
		words: {}
	};
	const post = (map: Map<string, number[]>, key: string, id: number) => {
		const list = map.get(key);
		if (!list) map.set(key, [id]);
		else if (list[list.length - 1] !== id) list.push(id);
	};
	const bi = new Map<string, number[]>();
	const wd = new Map<string, number[]>();
	texts.forEach((t, id) => {
		const f = fold(t);
		for (const b of bigrams(f)) post(bi, b, id);
		for (const w of words(f)) post(wd, w, id);
	});
	for (const [k, v] of [...bi].sort()) out.bigrams[k] = delta(v);
	for (const [k, v] of [...wd].sort()) out.words[k] = delta(v);
	return out;
}

/** The fields by code, as occurrences pack them: units', forms', indicators'. */
const FIELD_CODES: readonly Field[] = ['name', 'short_name', ...FORM_FIELDS, ...INDICATOR_FIELDS];
const CODE = new Map(FIELD_CODES.map((f, i) => [f, i]));
/** Kind of record of a field code: 0 unit, 1 form, 2 indicator. */
const kindOf = (code: number): 0 | 1 | 2 => (code < 2 ? 0 : code < 2 + FORM_FIELDS.length ? 1 : 2);

/** An index ready to search (from `buildIndex` or its JSON). */
export class SearchIndex {
	readonly data: SerializedIndex;
	private readonly folded: string[];
	/** Per text, where it occurs: row × 16 + field code. */
	private readonly at: number[][];
	private readonly indForm: number[];
	private readonly postings = new Map<string, number[]>();

	constructor(data: SerializedIndex) {
		if (data.version !== INDEX_VERSION)
			throw new Error(`search index version ${data.version}, expected ${INDEX_VERSION}`);
		this.data = data;
		this.folded = data.texts.map(fold);
		this.at = data.texts.map(() => []);
		this.indForm = undelta(data.indicators.form);
		const column = (ids: number[], field: Field) => {
			const code = CODE.get(field)!;
			for (let row = 0; row < ids.length; row++)
				if (ids[row] >= 0) this.at[ids[row]].push(row * 16 + code);
		};
		column(data.units.name, 'name');
		column(data.units.short, 'short_name');
		FORM_FIELDS.forEach((f, c) => column(data.forms.fields[c], f));
		INDICATOR_FIELDS.forEach((f, c) => column(data.indicators.fields[c], f));
	}

	/** A posting list, decoded on first use (most keys are never asked for). */
	private list(map: 'bigrams' | 'words', key: string): number[] | undefined {
		const k = `${map[0]}${key}`;
		let l = this.postings.get(k);
		if (l === undefined && Object.hasOwn(this.data[map], key)) {
			l = undelta(this.data[map][key]);
			this.postings.set(k, l);
		}
		return l;
	}

	/** How many records (unit, form and indicator fields with text) the index holds. */
	get records(): number {
		return this.at.reduce((n, a) => n + a.length, 0);
	}

	/** Ids of the texts that might hold a folded term: every text holding all its bigrams. */
	private candidates(term: string): number[] {
		const keys = [...new Set(bigrams(term))];
		if (keys.length === 0) return this.folded.map((_, i) => i);
		const lists: number[][] = [];
		for (const k of keys) {
			const l = this.list('bigrams', k);
			if (!l) return [];
			lists.push(l);
		}
		lists.sort((a, b) => a.length - b.length);
		let out = lists[0];
		for (const l of lists.slice(1)) {
			const s = new Set(l);
			out = out.filter((id) => s.has(id));
		}
		return out;
	}

	/** Ids of the texts that hold every term exactly (candidates verified against the text). */
	private matching(terms: string[]): number[] {
		let ids: number[] | null = null;
		for (const t of [...terms].sort((a, b) => b.length - a.length)) {
			const c = this.candidates(t);
			if (ids === null) ids = c;
			else {
				const s = new Set(c);
				ids = ids.filter((id) => s.has(id));
			}
			if (ids.length === 0) return [];
		}
		return (ids ?? []).filter((id) => terms.every((t) => this.folded[id].includes(t)));
	}

	private place(kind: 0 | 1 | 2, row: number): HitPlace {
		const d = this.data;
		const unit = (row: number) => {
			const id = d.units.id[row] ?? '';
			const name = d.texts[d.units.short[row]] ?? d.texts[d.units.name[row]] ?? id;
			return { unitId: id, unitName: name };
		};
		if (kind === 0)
			return {
				...unit(row),
				provenance: provenance(d.units.synthetic[row]),
				form: null,
				indicator: null
			};
		const formRow = kind === 1 ? row : this.indForm[row];
		const form = {
			evalId: d.forms.id[formRow],
			year: d.forms.year[formRow],
			kind: d.forms.project[formRow] ? ('project' as const) : ('department' as const),
			project: d.texts[d.forms.fields[0][formRow]] ?? null
		};
		const indicator =
			kind === 2
				? { seq: d.indicators.seq[row], level3: d.texts[d.indicators.fields[0][row]] ?? '' }
				: null;
		return {
			...unit(d.forms.unit[formRow]),
			provenance: provenance(d.forms.synthetic[formRow]),
			form,
			indicator
		};
	}

	/**
	 * Every record field holding all the query's terms, exactly (after folding case, width and
	 * traditional characters), grouped and ranked. When the typed text is found nowhere and
	 * Intl.Segmenter cuts it into several words, those words are searched instead (mode 'words').
	 */
	search(query: string): SearchResult {
		let terms = queryTerms(query);
		let mode: SearchResult['mode'] = 'phrase';
		let ids = terms.length ? this.matching(terms) : [];
		if (ids.length === 0 && terms.length === 1) {
			const ws = [...new Set(words(terms[0]))];
			if (ws.length > 1) {
				terms = ws;
				mode = 'words';
				ids = this.matching(terms);
			}
		}
		const wordSets = terms.map((t) => new Set(this.list('words', t)));
		const found = Object.fromEntries(GROUPS.map((g) => [g, [] as Found[]])) as Record<
			Group,
			Found[]
		>;
		const d = this.data;
		const unitRank = this.unitRank();
		for (const id of ids) {
			const f = this.folded[id];
			const ranges = mergeRanges(terms.flatMap((t) => occurrences(f, t)));
			const whole = wordSets.every((s) => s.has(id));
			for (const packed of this.at[id]) {
				const code = packed % 16;
				const field = FIELD_CODES[code];
				const kind = kindOf(code);
				const row = Math.floor(packed / 16);
				const formRow = kind === 0 ? -1 : kind === 1 ? row : this.indForm[row];
				const unitRow = kind === 0 ? row : d.forms.unit[formRow];
				found[GROUP_OF[field]].push({
					id,
					field,
					kind,
					row,
					ranges,
					whole,
					// Whole-word matches first, then names before long texts, shorter texts, later
					// years, the unit (in Chinese collation), the form, the order on the form.
					rank: [
						whole ? 0 : 1,
						FIELD_RANK[field],
						d.texts[id].length,
						formRow < 0 ? 0 : -d.forms.year[formRow],
						unitRank[unitRow] ?? 0,
						formRow,
						kind === 2 ? d.indicators.seq[row] : 0
					]
				});
			}
		}
		const groups = {} as Record<Group, Hit[]>;
		for (const g of GROUPS) {
			// One hit per place, its best field: a unit whose full and short names both match is one
			// unit, an indicator whose name and target both match one indicator; each reason is its own.
			const seen = new Set<string>();
			groups[g] = found[g]
				.sort(byRank)
				.filter((x) => {
					const key = g === 'reasons' ? `${x.row}|${x.field}` : `${x.row}`;
					if (seen.has(key)) return false;
					seen.add(key);
					return true;
				})
				.map((x) => ({
					group: g,
					field: x.field,
					text: d.texts[x.id],
					ranges: x.ranges,
					whole: x.whole,
					place: this.place(x.kind, x.row)
				}));
		}
		const total = GROUPS.reduce((n, g) => n + groups[g].length, 0);
		return { query, terms, mode, groups, total };
	}

	private unitOrder: number[] | null = null;

	/** Each unit's place when the units are sorted by their shown name in Chinese collation (once). */
	private unitRank(): number[] {
		if (!this.unitOrder) {
			const collator = new Intl.Collator('zh');
			const d = this.data;
			const names = d.units.id.map((_, row) => this.place(0, row).unitName);
			const order = names.map((_, i) => i).sort((a, b) => collator.compare(names[a], names[b]));
			this.unitOrder = new Array<number>(names.length);
			order.forEach((row, rank) => (this.unitOrder![row] = rank));
		}
		return this.unitOrder;
	}
}

/** A text of a record that matched, before it is placed. */
interface Found {
	id: number;
	field: Field;
	kind: 0 | 1 | 2;
	row: number;
	ranges: [number, number][];
	whole: boolean;
	rank: number[];
}

function byRank(a: Found, b: Found): number {
	for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
	return 0;
}
