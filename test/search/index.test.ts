// The search index: exact-substring hits only, found through bigrams (partial words too), grouped and marked; cut into parts that a query reads only as it needs; and the index of the bundled data, built in Node from real DuckDB.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeConnector } from '../../src/lib/db/node';
import { searchSource } from '../../src/lib/queries/search';
import type { Manifest } from '../../src/lib/db/manifest';
import { buildIndex } from '../../src/lib/search/build';
import {
	codeRecords,
	decodeRecords,
	frontCode,
	frontDecode,
	keyHash,
	partPath,
	type IndexBase,
	type SerializedIndex
} from '../../src/lib/search/format';
import { SearchIndex } from '../../src/lib/search/index';
import { fold } from '../../src/lib/search/text';
import { GROUPS, type SearchResult, type SearchSource } from '../../src/lib/search/types';
import { bundledDir, openBundled } from '../helpers/built';
import { allRows } from '../helpers/data';

const form = (
	eval_id: string,
	over: Partial<SearchSource['forms'][number]> = {}
): SearchSource['forms'][number] => ({
	eval_id,
	unit_id: 'u1',
	year: 2023,
	form: 'department',
	provenance: 'synthetic',
	project_name: null,
	exec_reason: null,
	goal_planned: null,
	goal_achieved: null,
	problems: null,
	improvements: null,
	...over
});

const SMALL: SearchSource = {
	units: [
		{ unit_id: 'u1', name: '虚构市财政局', short_name: '财政局', provenance: 'synthetic' },
		{ unit_id: 'u2', name: '虚构市教育局', short_name: null, provenance: 'published' }
	],
	forms: [
		form('u1-2023-dept', { exec_reason: '部分项目资金下半年才下达' }),
		form('u1-2023-p1', { form: 'project', project_name: '学生资助资金' }),
		form('u2-2024-dept', {
			unit_id: 'u2',
			year: 2024,
			provenance: 'published',
			goal_planned: '保障资金到位率达到100%',
			problems: '资金拨付进度偏慢，资金使用效益有待提高'
		})
	],
	indicators: [
		{
			eval_id: 'u1-2023-dept',
			seq: 1,
			level3: '资金到位率',
			target_text: '≥95%',
			deviation_reason: null
		},
		{
			eval_id: 'u1-2023-dept',
			seq: 2,
			level3: '办案数量',
			target_text: '300个',
			deviation_reason: '专项资金延期拨付'
		},
		{
			eval_id: 'u1-2023-p1',
			seq: 1,
			level3: '受助学生人数',
			target_text: '１２０人',
			deviation_reason: null
		}
	]
};

describe('SearchIndex on a small dataset', () => {
	const index = SearchIndex.of(buildIndex(SMALL));

	it('finds a word inside longer words (资金 in 资金到位率) and in every field', async () => {
		const r = await index.search('资金');
		expect(r.mode).toBe('phrase');
		expect(r.groups.forms.map((h) => h.text)).toEqual(['学生资助资金']);
		expect(r.groups.indicators.map((h) => h.place.indicator?.seq)).toEqual([1]);
		const reasons = r.groups.reasons.map((h) => h.field).sort();
		expect(reasons).toEqual(['deviation_reason', 'exec_reason', 'goal_planned', 'problems'].sort());
		expect(r.total).toBe(6);
	});

	it('matches part of a word (到位 in 资金到位率) and a pair across word boundaries (金到)', async () => {
		expect((await index.search('到位')).groups.indicators).toHaveLength(1);
		expect((await index.search('金到')).total).toBe(2);
	});

	it('shows no false hits: every bigram present is not enough', async () => {
		// 学生资助资金 holds both bigrams of 资助资助 (资助, 助资) but not the text.
		const r = await index.search('资助资助');
		expect(r.mode).toBe('phrase');
		expect(r.total).toBe(0);
	});

	it('marks every occurrence, on the original text', async () => {
		const [p] = (await index.search('资金')).groups.reasons.filter((h) => h.field === 'problems');
		expect(p.ranges).toEqual([
			[0, 2],
			[9, 11]
		]);
		for (const [s, e] of p.ranges) expect(p.text.slice(s, e)).toBe('资金');
	});

	it('needs every word of a query of several words, in the same field', async () => {
		const r = await index.search('资金 拨付');
		expect(r.groups.reasons.map((h) => h.field).sort()).toEqual(['deviation_reason', 'problems']);
		expect((await index.search('资金 教育')).total).toBe(0);
	});

	it('falls back to the words of a typed text found nowhere as a whole', async () => {
		const r = await index.search('资金拨付延期');
		expect(r.mode).toBe('words');
		expect(r.terms.length).toBeGreaterThan(1);
		for (const g of GROUPS)
			for (const h of r.groups[g]) for (const t of r.terms) expect(fold(h.text)).toContain(t);
		expect(r.groups.reasons.map((h) => h.text)).toEqual(['专项资金延期拨付']);
	});

	it('reads traditional and full-width input as the text', async () => {
		expect((await index.search('資金')).total).toBe((await index.search('资金')).total);
		expect((await index.search('１２０')).groups.indicators).toHaveLength(1);
		expect((await index.search('120人')).groups.indicators[0].ranges).toEqual([[0, 4]]);
		expect((await index.search('ＸＹＺ')).total).toBe(0);
	});

	it('one unit once, by its best name', async () => {
		const r = await index.search('财政局');
		expect(r.groups.units).toHaveLength(1);
		expect(r.groups.units[0].place.unitId).toBe('u1');
		expect((await index.search('虚构市')).groups.units.map((h) => h.place.unitId).sort()).toEqual([
			'u1',
			'u2'
		]);
	});

	it('places each hit: a unit, a form, an indicator of a form', async () => {
		const r = await index.search('资金');
		expect(r.groups.forms[0].place).toMatchObject({
			unitId: 'u1',
			unitName: '财政局',
			form: { evalId: 'u1-2023-p1', year: 2023, kind: 'project', project: '学生资助资金' },
			indicator: null
		});
		const dev = r.groups.reasons.find((h) => h.field === 'deviation_reason')!;
		expect(dev.place.indicator).toEqual({ seq: 2, level3: '办案数量' });
		expect(dev.place.form?.evalId).toBe('u1-2023-dept');
	});

	it('carries the provenance of each hit: the unit for a unit, the form for a form and its indicators', async () => {
		const units = (await index.search('虚构市')).groups.units;
		expect(units.map((h) => [h.place.unitId, h.place.provenance]).sort()).toEqual([
			['u1', 'synthetic'],
			['u2', 'published']
		]);
		const r = await index.search('资金');
		expect(r.groups.forms[0].place.provenance).toBe('synthetic');
		expect(r.groups.indicators[0].place.provenance).toBe('synthetic');
		const byField = (f: string) => r.groups.reasons.find((h) => h.field === f)!.place;
		expect(byField('problems')).toMatchObject({ unitId: 'u2', provenance: 'published' });
		expect(byField('deviation_reason')).toMatchObject({ unitId: 'u1', provenance: 'synthetic' });
		// A synthetic form of a published unit is synthetic, and the other way round.
		const mixed = await SearchIndex.of(
			buildIndex({
				...SMALL,
				forms: SMALL.forms.map((f) => ({
					...f,
					provenance: f.provenance === 'synthetic' ? 'published' : 'synthetic'
				}))
			})
		).search('资金');
		expect(mixed.groups.forms[0].place).toMatchObject({ unitId: 'u1', provenance: 'published' });
		expect(mixed.groups.reasons.find((h) => h.field === 'problems')!.place.provenance).toBe(
			'synthetic'
		);
	});

	it('does not crash on odd input', async () => {
		for (const q of ['', ' ', '%', '_', '\\', '\u0000', '𠀀', '"', '<mark>', '率', 'a'.repeat(500)])
			await expect(index.search(q)).resolves.toBeDefined();
		expect((await index.search('')).total).toBe(0);
		expect((await index.search('率')).groups.indicators.map((h) => h.place.indicator?.seq)).toEqual(
			[1]
		);
	});

	it('survives JSON and refuses another version', async () => {
		const data = JSON.parse(JSON.stringify(buildIndex(SMALL))) as SerializedIndex;
		expect((await SearchIndex.of(data).search('资金')).total).toBe(6);
		expect(
			() =>
				new SearchIndex(
					{ ...data.base, version: (data.base.version + 1) as typeof data.base.version },
					() => Promise.reject(new Error('never read'))
				)
		).toThrow(/version/);
	});

	it('cut into many small parts, answers every query exactly as in one part each', async () => {
		const whole = buildIndex(SMALL);
		const cut = buildIndex(SMALL, 40);
		for (const k of ['b', 'w', 't', 'r'] as const) {
			expect(Object.keys(whole.parts).filter((n) => n[0] === k)).toHaveLength(1);
			expect(Object.keys(cut.parts).filter((n) => n[0] === k).length).toBeGreaterThan(1);
		}
		const one = SearchIndex.of(whole);
		const many = SearchIndex.of(cut);
		for (const q of [
			'资金',
			'到位',
			'金到',
			'资金 拨付',
			'资金拨付延期',
			'率',
			'１２０',
			'虚构市',
			'ＸＹＺ',
			''
		]) {
			expect(plain(await many.search(q))).toEqual(plain(await one.search(q)));
		}
	});
});

/** A result as plain data (a hit's place is worked out when read). */
const plain = (r: SearchResult) =>
	GROUPS.map((g) => r.groups[g].map((h) => ({ ...h, place: h.place })));

describe("the index's parts", () => {
	it('front-codes sorted ids and codes records, both back to the same', () => {
		const ids = [
			'430212-jiwei-2023-dept',
			'430212-jiwei-2023-p01',
			'430212-jiwei-2024-dept',
			'a',
			'a:b',
			'a:b:c',
			'b'
		];
		expect(frontCode(ids)[1]).toBe('18:p01');
		expect(frontDecode(frontCode(ids))).toEqual(ids);
		const lists = [[5, 9, 40], [7], [3, 4], [1000, 1001]];
		expect(decodeRecords(JSON.parse(JSON.stringify(codeRecords(lists))) as number[][])).toEqual(
			lists
		);
	});

	it('a query reads the posting parts of its keys and the text and record parts of its candidates, no others', async () => {
		const cut = buildIndex(SMALL, 40);
		const read: string[] = [];
		const index = new SearchIndex(cut.base, (name) => {
			read.push(name);
			return Promise.resolve(cut.parts[name]);
		});
		const r = await index.search('学生资助');
		expect(r.total).toBe(1);
		const n = cut.base.cuts;
		const bi = ['学生', '生资', '资助'].map((k) => `b${keyHash(k) % n.bigrams}`);
		expect(new Set(read.filter((p) => p[0] === 'b'))).toEqual(new Set(bi));
		expect(read.filter((p) => p[0] === 'w')).toEqual([`w${keyHash('学生资助') % n.words}`]);
		// One text holds all three bigrams: its text part, then its record part, and nothing else.
		expect(read.filter((p) => p[0] === 't')).toHaveLength(1);
		expect(read.filter((p) => p[0] === 'r')).toHaveLength(1);
		expect(new Set(read).size).toBe(read.length);
		// The same query again reads nothing more.
		await index.search('学生资助');
		expect(read).toHaveLength(new Set(read).size);
		// A single character has no bigram: every text part is read.
		await index.search('率');
		expect(read.filter((p) => p[0] === 't')).toHaveLength(n.texts.length);
	});
});

describe('the index of the bundled data (DuckDB in Node)', () => {
	let db: NodeConnector;
	let dispose: () => Promise<void>;
	let index: SearchIndex;
	beforeAll(async () => {
		({ db, dispose } = await openBundled());
		index = SearchIndex.of(buildIndex(await searchSource(db)));
	});
	afterAll(() => dispose());

	it('is the index the data build wrote: its base as the manifest names it, each part as its base names it', async () => {
		const dir = bundledDir();
		const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
		const read = (path: string) => gunzipSync(readFileSync(join(dir, path)));
		const base = JSON.parse(read(manifest.search.path).toString('utf8')) as IndexBase;
		const expected = buildIndex(await searchSource(db));
		const { files, ...rest } = base;
		expect({ ...rest, files: {} }).toEqual(expected.base);
		expect(Object.keys(files).sort()).toEqual(Object.keys(expected.parts).sort());
		let bytes = 0;
		for (const [name, hash] of Object.entries(files)) {
			const stored = readFileSync(join(dir, partPath(name)));
			bytes += stored.length;
			expect(createHash('sha256').update(stored).digest('hex').slice(0, 12)).toBe(hash);
			expect(JSON.parse(gunzipSync(stored).toString('utf8'))).toEqual(expected.parts[name]);
		}
		expect(manifest.search).toMatchObject({
			parts: Object.keys(files).length,
			partBytes: bytes,
			texts: expected.base.texts,
			records: expected.base.records
		});
	});

	it('finds exactly the form-level execution reasons that contain 资金, as the CSVs count them', async () => {
		const expected = allRows('evaluations').filter((e) => (e.exec_reason ?? '').includes('资金'));
		const hits = (await index.search('资金')).groups.reasons.filter(
			(h) => h.field === 'exec_reason'
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(hits.map((h) => h.place.form?.evalId).sort()).toEqual(
			expected.map((e) => e.eval_id).sort()
		);
	});

	it('finds every indicator whose deviation reason or name contains a text, as the CSVs count them', async () => {
		const rows = allRows('indicators');
		for (const q of ['资金', '延期', '率']) {
			const r = await index.search(q);
			const dev = r.groups.reasons.filter((h) => h.field === 'deviation_reason').length;
			expect(dev).toBe(rows.filter((i) => (i.deviation_reason ?? '').includes(q)).length);
			const named = new Set(
				rows
					.filter((i) => i.level3.includes(q) || (i.target_text ?? '').includes(q))
					.map((i) => `${i.eval_id}|${i.seq}`)
			);
			expect(r.groups.indicators.length).toBe(named.size);
		}
	});

	it('every hit of many queries truly holds the query, at the marked places', async () => {
		for (const q of ['资金', '纪委', '办案经费', '到位', '率', '%', '渌口', '工作 完成', '合成']) {
			const r = await index.search(q);
			for (const g of GROUPS)
				for (const h of r.groups[g]) {
					for (const t of r.terms) expect(fold(h.text)).toContain(t);
					expect(h.ranges.length).toBeGreaterThan(0);
					const f = fold(h.text);
					// A marked range begins with a term and ends with one (touching matches merge).
					for (const [s, e] of h.ranges) {
						expect(r.terms.some((t) => f.startsWith(t, s))).toBe(true);
						expect(r.terms.some((t) => f.slice(0, e).endsWith(t))).toBe(true);
					}
				}
		}
	});

	it('a one-word query: every hit holds it as typed, marked exactly there, and every holder is a hit', async () => {
		// Checked without the code under test: its own small fold (width and case only: the
		// queries are simplified Chinese), plain includes and slices of the stored text.
		const tiny = (s: string) =>
			[...s]
				.map((c) =>
					(c.normalize('NFKC').length === c.length ? c.normalize('NFKC') : c).toLowerCase()
				)
				.join('');
		const holders = (q: string) =>
			new Set(
				allRows('indicators')
					.filter((i) => tiny(i.deviation_reason ?? '').includes(q))
					.map((i) => `${i.eval_id}|${i.seq}`)
			);
		for (const q of ['资金', '纪委', '办案经费', '监委', '率', '%', '渌口', '合成']) {
			const r = await index.search(q);
			expect(r.mode).toBe('phrase');
			expect(r.total).toBeGreaterThan(0);
			for (const g of GROUPS)
				for (const h of r.groups[g]) {
					const text = tiny(h.text);
					expect(text.includes(q)).toBe(true);
					// The marks cover exactly the places the query occurs (touching ones merged).
					let marked = 0;
					for (const [s, e] of h.ranges) {
						const piece = tiny(h.text.slice(s, e));
						expect(piece.length % q.length).toBe(0);
						expect(piece).toBe(q.repeat(piece.length / q.length));
						marked += piece.length / q.length;
					}
					expect(marked).toBe(text.split(q).length - 1);
				}
			// And no holder is missed (deviation reasons, read from the CSVs).
			const dev = r.groups.reasons.filter((h) => h.field === 'deviation_reason');
			expect(new Set(dev.map((h) => `${h.place.form!.evalId}|${h.place.indicator!.seq}`))).toEqual(
				holders(q)
			);
		}
	});

	it('each hit carries the provenance of its unit or form, as the CSVs give it', async () => {
		const unitProv = new Map(allRows('units').map((u) => [u.unit_id, u.provenance]));
		const formProv = new Map(allRows('evaluations').map((e) => [e.eval_id, e.provenance]));
		const seen = new Set<string>();
		for (const q of ['渌口', '纪委', '资金', '合成']) {
			const r = await index.search(q);
			for (const g of GROUPS)
				for (const h of r.groups[g]) {
					const p = h.place;
					expect(p.provenance).toBe(p.form ? formProv.get(p.form.evalId) : unitProv.get(p.unitId));
					seen.add(p.provenance);
				}
		}
		expect([...seen].sort()).toEqual(['published', 'synthetic']);
	});
});
