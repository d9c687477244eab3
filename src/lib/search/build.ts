// Builds the search index (version 3) from a dataset's rows, in the data build and in the browser alike: unique texts, their records, bigram and word postings, cut into parts.
import type { Provenance } from '../schema';
import {
	codeRecords,
	delta,
	frontCode,
	INDEX_VERSION,
	keyHash,
	partName,
	type IndexBase,
	type IndexParts,
	type PostingPart,
	type SerializedIndex
} from './format';
import { bigrams, fold, words } from './text';
import { FIELD_CODES, FORM_FIELDS, INDICATOR_FIELDS, type SearchSource } from './types';

/**
 * The size a part aims at, in bytes of JSON before gzip (a part may be larger: one text's records are
 * never split). About 30–50 KB gzipped: a query reads a few of them, and a province's index is
 * some hundred files.
 */
export const PART_JSON_BYTES = 160_000;

const synthetic = (p: Provenance): number => (p === 'synthetic' ? 1 : 0);

/** Bytes of a number list as JSON. */
const jsonBytes = (xs: number[]) => xs.reduce((n, x) => n + String(x).length + 1, 1);

/** First ids of parts of about `target` bytes, given each id's bytes. */
function cuts(sizes: number[], target: number): number[] {
	const out = [0];
	let filled = 0;
	sizes.forEach((s, id) => {
		if (filled > 0 && filled + s > target) {
			out.push(id);
			filled = 0;
		}
		filled += s;
	});
	return out;
}

/** Postings of a map cut into `n` parts by key hash, keys sorted within a part. */
function postingParts(map: Map<string, number[]>, target: number): PostingPart[] {
	let total = 0;
	const coded = new Map<string, number[]>();
	for (const [k, v] of map) {
		const d = delta(v);
		coded.set(k, d);
		total += k.length * 3 + 4 + jsonBytes(d);
	}
	const n = Math.max(1, Math.ceil(total / target));
	const parts: PostingPart[] = Array.from({ length: n }, () => ({}));
	for (const k of [...coded.keys()].sort()) parts[keyHash(k) % n][k] = coded.get(k)!;
	return parts;
}

/** Builds the index from the rows of a dataset; `target` is the parts' size (PART_JSON_BYTES). */
export function buildIndex(src: SearchSource, target = PART_JSON_BYTES): SerializedIndex {
	// Texts are numbered field by field (units', then each form field's, then each indicator
	// field's), so a part of consecutive ids holds texts of one or two fields.
	const texts: string[] = [];
	const at: number[][] = [];
	const ids = new Map<string, number>();
	const record = (s: string | null | undefined, row: number, code: number) => {
		if (s === null || s === undefined || s.trim() === '') return;
		let id = ids.get(s);
		if (id === undefined) {
			ids.set(s, (id = texts.push(s) - 1));
			at.push([]);
		}
		at[id].push(row * 16 + code);
	};
	const names: string[] = [];
	const nameIds = new Map<string, number>();
	const nameId = (s: string | null | undefined): number => {
		if (s === null || s === undefined || s.trim() === '') return -1;
		let id = nameIds.get(s);
		if (id === undefined) nameIds.set(s, (id = names.push(s) - 1));
		return id;
	};
	const code = (f: string) => FIELD_CODES.indexOf(f as (typeof FIELD_CODES)[number]);

	const unitRow = new Map(src.units.map((u, i) => [u.unit_id, i]));
	src.units.forEach((u, row) => record(u.name, row, code('name')));
	src.units.forEach((u, row) => record(u.short_name, row, code('short_name')));
	const forms = [...src.forms].sort((a, b) => (a.eval_id < b.eval_id ? -1 : 1));
	const formRow = new Map(forms.map((f, i) => [f.eval_id, i]));
	for (const k of FORM_FIELDS) forms.forEach((f, row) => record(f[k], row, code(k)));
	const inds = src.indicators
		.filter((i) => formRow.has(i.eval_id))
		.map((i) => ({ ...i, row: formRow.get(i.eval_id)! }))
		.sort((a, b) => a.row - b.row || a.seq - b.seq);
	for (const k of INDICATOR_FIELDS) inds.forEach((ind, row) => record(ind[k], row, code(k)));

	for (const list of at) list.sort((a, b) => a - b);
	const bi = new Map<string, number[]>();
	const wd = new Map<string, number[]>();
	const post = (map: Map<string, number[]>, key: string, id: number) => {
		const list = map.get(key);
		if (!list) map.set(key, [id]);
		else if (list[list.length - 1] !== id) list.push(id);
	};
	texts.forEach((t, id) => {
		const f = fold(t);
		for (const b of bigrams(f)) post(bi, b, id);
		for (const w of words(f)) post(wd, w, id);
	});

	const textCuts = cuts(
		texts.map((t) => t.length * 3 + 3),
		target
	);
	const recordCuts = cuts(codeRecords(at).map(jsonBytes), target);
	const parts: IndexParts = {};
	const slices = <T>(list: T[], cs: number[], name: (n: number) => string) =>
		cs.forEach((from, n) => (parts[name(n)] = list.slice(from, cs[n + 1] ?? list.length) as never));
	slices(texts, textCuts, partName.texts);
	recordCuts.forEach(
		(from, n) =>
			(parts[partName.records(n)] = codeRecords(at.slice(from, recordCuts[n + 1] ?? at.length)))
	);
	const biParts = postingParts(bi, target);
	const wdParts = postingParts(wd, target);
	biParts.forEach((p, n) => (parts[partName.bigrams(n)] = p));
	wdParts.forEach((p, n) => (parts[partName.words(n)] = p));

	const base: IndexBase = {
		version: INDEX_VERSION,
		texts: texts.length,
		records: at.reduce((n, a) => n + a.length, 0),
		names,
		units: {
			id: src.units.map((u) => u.unit_id),
			name: src.units.map((u) => nameId(u.name)),
			short: src.units.map((u) => nameId(u.short_name)),
			synthetic: src.units.map((u) => synthetic(u.provenance))
		},
		forms: {
			id: frontCode(forms.map((f) => f.eval_id)),
			unit: forms.map((f) => unitRow.get(f.unit_id) ?? -1),
			year: forms.map((f) => f.year),
			project: forms.map((f) => (f.form === 'project' ? 1 : 0)),
			synthetic: forms.map((f) => synthetic(f.provenance)),
			projectName: forms.map((f) => nameId(f.project_name))
		},
		indicators: {
			form: delta(inds.map((i) => i.row)),
			seq: inds.map((i) => i.seq),
			level3: inds.map((i) => nameId(i.level3))
		},
		cuts: {
			bigrams: biParts.length,
			words: wdParts.length,
			texts: textCuts,
			records: recordCuts
		},
		files: {}
	};
	return { base, parts };
}
