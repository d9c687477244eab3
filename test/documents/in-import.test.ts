// A document in an import: unit fields suggested from loaded units under the user's answers, held back while a required one is empty, and checked with the table files in one import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWithDocuments } from '../../src/lib/documents/in-import';
import { csvSource } from '../../src/lib/ingest/pipeline';
import { ROOT } from '../helpers/data';
import { utf8 } from '../helpers/encode';

const NAME = 'hunan-zhuzhou-lukou-jiwei-2023.txt';
const reference = {
	name: NAME,
	bytes: new Uint8Array(readFileSync(join(ROOT, 'test/fixtures', NAME)))
};
const KNOWN = [
	{
		unit_id: '430212-jiwei',
		name: '中共株洲市渌口区纪律检查委员会',
		region_code: '430212',
		sector: '纪检监察'
	}
];
const total = (r: Awaited<ReturnType<typeof importWithDocuments>>, k: 'accepted' | 'rejected') =>
	r.result.report.tables.reduce((s, t) => s + t[k], 0);

describe('importWithDocuments', () => {
	it('suggests the loaded unit the document names, and loads its rows with provenance published', async () => {
		const r = await importWithDocuments([reference], [], {}, {}, KNOWN, () => {});
		const d = r.documents[0];
		expect(d.matched?.unit_id).toBe('430212-jiwei');
		expect(d.fields).toMatchObject({ unit_id: '430212-jiwei', provenance: 'published' });
		expect(d.included).toBe(true);
		expect(total(r, 'rejected')).toBe(0);
		expect(r.result.rows.get('evaluations')?.length).toBe(3);
		expect(r.result.rows.get('trace')?.length).toBeGreaterThan(200);
		// The review lists every value taken, the report's figures with their sentence included.
		expect(d.values.length).toBe(r.result.rows.get('trace')?.length);
		expect(d.values.find((v) => v.key === '430212-jiwei|2023|staff')).toMatchObject({
			printed: '71人',
			context: '2023年底共有在职人员71人，退休人员9人。',
			place: { line: 193 }
		});
	});

	it('holds a document back while a required field is empty, and the user’s answers win', async () => {
		const stages: string[] = [];
		const held = await importWithDocuments(
			[reference],
			[],
			{},
			{ [NAME]: { unit_id: '' } },
			KNOWN,
			(_, s) => stages.push(s)
		);
		expect(stages).toEqual(['read', 'recognise']);
		expect(held.documents[0]).toMatchObject({ included: false, missing: ['unit_id'] });
		expect(held.result.rows.size).toBe(0);
		const given = await importWithDocuments(
			[reference],
			[],
			{},
			{ [NAME]: { unit_id: 'u-doc', provenance: 'synthetic' } },
			[],
			() => {}
		);
		expect(given.documents[0].fields).toEqual({
			unit_id: 'u-doc',
			provenance: 'synthetic',
			name: '中共株洲市渌口区纪律检查委员会'
		});
		expect(given.result.rows.get('units')?.[0].values.provenance).toBe('synthetic');
	});

	it('keeps a unit that a table file dropped beside it already gives, and adds the document’s forms', async () => {
		const units = csvSource({
			name: 'units.csv',
			bytes: utf8('unit_id,name,provenance\n430212-jiwei,渌口区纪委监委,published\n')
		});
		const r = await importWithDocuments(
			[reference],
			[units],
			{},
			{ [NAME]: { unit_id: '430212-jiwei' } },
			[],
			() => {}
		);
		expect(r.result.report.issues).toEqual([]);
		expect(r.result.rows.get('units')!.map((u) => u.values.name)).toEqual(['渌口区纪委监委']);
		expect(r.result.rows.get('evaluations')).toHaveLength(3);
		expect(r.result.rows.get('trace')!.some((t) => t.values.table_name === 'units')).toBe(false);
		expect(
			r.documents[0].notes.some((n) => n.message.en.includes('its unit row is kept from there'))
		).toBe(true);
	});

	it('reads the same form once when the same document is dropped twice, and says so', async () => {
		const copy = { name: 'copy-of-' + NAME, bytes: reference.bytes };
		const r = await importWithDocuments(
			[reference, copy],
			[],
			{},
			{ [NAME]: { unit_id: 'u1' }, [copy.name]: { unit_id: 'u1' } },
			[],
			() => {}
		);
		expect(r.result.report.issues).toEqual([]);
		expect(r.result.rows.get('evaluations')).toHaveLength(3);
		const said = r.documents[1].notes.filter((n) =>
			n.message.en.includes('the same form is not read twice')
		);
		expect(said).toHaveLength(3);
	});

	it('a refused row takes no other row with it, and its trace goes with it', async () => {
		// One weight made unreadable in the second project form: only that indicator is refused.
		const text = new TextDecoder()
			.decode(reference.bytes)
			.replace(
				'\t　10\n\t　10\n\t　\n\n\t\n\t\n\t质量指标',
				'\t　1e5\n\t　10\n\t　\n\n\t\n\t\n\t质量指标'
			);
		expect(text).not.toBe(new TextDecoder().decode(reference.bytes));
		const bad = { name: 'bad.txt', bytes: new TextEncoder().encode(text) };
		const r = await importWithDocuments(
			[bad],
			[],
			{},
			{ 'bad.txt': { unit_id: 'u1' } },
			[],
			() => {}
		);
		const refused = r.result.report.tables.find((t) => t.file === 'bad.txt → indicators')!;
		expect(refused).toMatchObject({ read: 27, accepted: 26, rejected: 1 });
		const keys = r.result.rows.get('indicators')!.map((i) => `${i.values.eval_id}|${i.values.seq}`);
		expect(keys).not.toContain('u1-2023-p02|1');
		expect(r.result.rows.get('trace')!.some((t) => t.values.row_key === 'u1-2023-p02|1')).toBe(
			false
		);
		expect(r.result.report.issues.filter((i) => i.rule === 'reference').length).toBeGreaterThan(0);
	});
});
