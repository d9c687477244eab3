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
		expect(given.documents[0].fields).toEqual({ unit_id: 'u-doc', provenance: 'synthetic' });
		expect(given.result.rows.get('units')?.[0].values.provenance).toBe('synthetic');
	});

	it('checks the document’s keys together with a table file dropped beside it', async () => {
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
		const dup = r.result.report.issues.filter((i) => i.rule === 'duplicate-key');
		expect(dup.map((i) => i.file)).toEqual([`${NAME} → units`]);
	});
});
