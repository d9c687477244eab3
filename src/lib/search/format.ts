// The search index's stored form (version 3): a base every search reads (the places and where the parts are) and parts read only when a query needs them.

/**
 * 2: units and forms carry their provenance (`synthetic`).
 * 3: split into a base and parts (postings by key, texts and their records by text id), so that a
 *    search reads only the parts its terms lead to.
 */
export const INDEX_VERSION = 3;

/**
 * What every search reads: the places a hit can be (units, forms, indicator rows) with the names a
 * hit shows, and how the parts are cut. Ids of `names` are -1 when empty.
 */
export interface IndexBase {
	version: typeof INDEX_VERSION;
	/** Unique texts (units') of all the records, and records (fields with text) in all. */
	texts: number;
	records: number;
	/** The names places show: units' full and short names, project names, indicator names. */
	names: string[];
	units: {
		id: string[];
		name: number[];
		short: number[];
		/** 1 for a synthetic unit, 0 for a published one. */
		synthetic: number[];
	};
	forms: {
		/** Front-coded (`frontCode`): they are sorted, and share most of their characters. */
		id: string[];
		unit: number[];
		year: number[];
		/** 1 for a project form, 0 for a department form. */
		project: number[];
		/** 1 for a synthetic form, 0 for a published one. */
		synthetic: number[];
		/** The project's name (an id into `names`). */
		projectName: number[];
	};
	indicators: {
		/** The form's row in `forms`, delta-coded (rows are sorted by form). */
		form: number[];
		seq: number[];
		/** The indicator's name (level3, an id into `names`). */
		level3: number[];
	};
	/** How the parts are cut. */
	cuts: {
		/** Posting parts: a key's part is its hash modulo these counts. */
		bigrams: number;
		words: number;
		/** First text id of each text part, and of each record part (ascending, the first 0). */
		texts: number[];
		records: number[];
	};
	/** Published parts: a part's name → the first 12 hex digits of its file's SHA-256 (the cache key). */
	files: Record<string, string>;
}

/** Postings: a bigram or a word → the ids of the texts holding it (ascending, delta-coded). */
export type PostingPart = Record<string, number[]>;
/** The texts of ids [cut, next cut), in order. */
export type TextPart = string[];
/**
 * For each text of ids [cut, next cut): its records, as row × 16 + field code, ascending and
 * delta-coded, the first one against the text before's first (most texts are held once, by rows
 * in the order the texts were numbered, so these are small numbers).
 */
export type RecordPart = number[][];

export interface IndexParts {
	[name: string]: PostingPart | TextPart | RecordPart;
}

/** The whole index: its base and every part (as built, and as the tests read it back). */
export interface SerializedIndex {
	base: IndexBase;
	parts: IndexParts;
}

/** Names of the parts: `b3` the fourth bigram part, `w0`, `t12`, `r5`. */
export const partName = {
	bigrams: (n: number) => `b${n}`,
	words: (n: number) => `w${n}`,
	texts: (n: number) => `t${n}`,
	records: (n: number) => `r${n}`
} as const;

/** FNV-1a over UTF-16 code units: a key's posting part, the same in Node and every browser. */
export function keyHash(key: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) {
		h ^= key.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/** The part of a sorted list of cuts (first ids) an id falls in. */
export function cutOf(cuts: number[], id: number): number {
	let lo = 0;
	let hi = cuts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (cuts[mid] <= id) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** Sorted strings front-coded: each as `<characters shared with the one before>:<the rest>`. */
export function frontCode(list: string[]): string[] {
	return list.map((s, i) => {
		const prev = i ? list[i - 1] : '';
		let n = 0;
		while (n < s.length && n < prev.length && s[n] === prev[n]) n++;
		return `${n}:${s.slice(n)}`;
	});
}

export function frontDecode(coded: string[]): string[] {
	const out = new Array<string>(coded.length);
	let prev = '';
	coded.forEach((c, i) => {
		const colon = c.indexOf(':');
		out[i] = prev = prev.slice(0, Number(c.slice(0, colon))) + c.slice(colon + 1);
	});
	return out;
}

/** A record part's lists coded (each list delta-coded, its first against the list before's first), and back. */
export function codeRecords(lists: number[][]): RecordPart {
	return lists.map((l, i) => {
		const d = delta(l);
		if (i > 0) d[0] -= lists[i - 1][0];
		return d;
	});
}

export function decodeRecords(part: RecordPart): number[][] {
	let first = 0;
	return part.map((d, i) => {
		const l = undelta(d);
		if (i > 0) {
			for (let k = 0; k < l.length; k++) l[k] += first;
		}
		first = l[0];
		return l;
	});
}

export const delta = (ids: number[]) => ids.map((id, i) => (i ? id - ids[i - 1] : id));
export const undelta = (ds: number[]) => {
	const out = new Array<number>(ds.length);
	let at = 0;
	for (let i = 0; i < ds.length; i++) out[i] = at += ds[i];
	return out;
};

/** Where the published index lies under the data folder: its base, and each part by name. */
export const SEARCH_DIR = 'search';
export const basePath = `${SEARCH_DIR}/index.json.gz`;
export const partPath = (name: string) => `${SEARCH_DIR}/${name}.json.gz`;
