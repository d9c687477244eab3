// The reference document as a government page (UTF-8 and GBK), a Word file, a form-layout workbook and a PDF printed by Chromium reads to the same canonical rows as its text version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/lib/documents/import';
import { readDocument } from '../../src/lib/documents/read';
import { DATA_TABLES } from '../../src/lib/schema';
import { ROOT } from '../helpers/data';

const UNIT = {
	unit_id: '430212-jiwei',
	region_code: '430212',
	sector: '纪检监察',
	provenance: 'published' as const
};

async function readAs(path: string) {
	const name = path.split('/').pop()!;
	const read = await readDocument({ name, bytes: new Uint8Array(readFileSync(join(ROOT, path))) });
	expect(read.error, name).toBeNull();
	const { result } = importDocuments([{ read, unit: UNIT }]);
	expect(result.report.issues, name).toEqual([]);
	return { read, result };
}

/** Every value of the data tables, by table, row key and column; `source` names the file, so it is left out. */
function values(result: Awaited<ReturnType<typeof readAs>>['result']): Map<string, string> {
	const out = new Map<string, string>();
	for (const t of DATA_TABLES.filter((x) => x.name !== 'trace'))
		for (const r of (result.rows.get(t.name) ?? []).map((x) => x.values)) {
			const key = t.key.map((k) => r[k]).join('|');
			for (const c of t.columns)
				if (c.name !== 'source') out.set(`${t.name}/${key}/${c.name}`, r[c.name] ?? '');
		}
	return out;
}

const text = readAs('test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt');

describe('the reference document in every format', () => {
	it.each(['lukou-2023.html', 'lukou-2023-gbk.html', 'lukou-2023.docx', 'lukou-2023.pdf'])(
		'%s reads to the same canonical rows as the text version',
		async (file) => {
			const want = values((await text).result);
			const got = values((await readAs(`test/fixtures/documents/${file}`)).result);
			expect([...got.entries()]).toEqual([...want.entries()]);
		},
		60_000
	);

	it('a form-layout workbook reads every value the text version read from a form; the report is not in it', async () => {
		const ref = await text;
		const want = values(ref.result);
		const got = values((await readAs('test/fixtures/documents/lukou-2023.xlsx')).result);
		// The values the text version took from the forms' cells: their trace names a table.
		const fromForms = (ref.result.rows.get('trace') ?? [])
			.map((r) => r.values)
			.filter((r) => r.part)
			.map((r) => `${r.table_name}/${r.row_key}/${r.column_name}`);
		expect(fromForms.length).toBeGreaterThan(200);
		// Columns in parentheses are printed values the tables have no column for; they stay in the trace.
		const compared = fromForms.filter((k) => !k.endsWith(')'));
		for (const k of compared) {
			expect(want.has(k), k).toBe(true);
			expect(got.get(k), k).toBe(want.get(k));
		}
		// What only the report says (its problems, spending lines and staff) is not invented.
		expect(got.get('evaluations/430212-jiwei-2023-dept/problems')).toBe('');
		expect(got.has('metrics/430212-jiwei|2023|staff/value')).toBe(false);
		expect(got.get('metrics/430212-jiwei|2023|clues_handled/value')).toBe('313');
	});

	it('traces a value of each format to its place: table, row and column, or page', async () => {
		const at = async (file: string) =>
			(await readAs(`test/fixtures/documents/${file}`)).result.rows
				.get('trace')!
				.map((r) => r.values)
				.find(
					(r) =>
						r.table_name === 'indicators' &&
						r.row_key === '430212-jiwei-2023-dept|1' &&
						r.column_name === 'target_text'
				)!;
		expect(await at('lukou-2023.html')).toMatchObject({ printed: '300个', part: '1' });
		expect(await at('lukou-2023.docx')).toMatchObject({ printed: '300个', part: '1' });
		expect(await at('lukou-2023.xlsx')).toMatchObject({ printed: '300个' });
		expect((await at('lukou-2023.pdf')).page).toMatch(/^\d+$/);
	}, 60_000);
});

describe('a form republished in traditional characters', () => {
	it('is recognised like the original, and its texts are kept as printed', async () => {
		const want = values((await text).result);
		const got = values((await readAs('test/fixtures/documents/lukou-2023-traditional.txt')).result);
		expect([...got.keys()].filter((k) => !k.startsWith('funding/')).sort()).toEqual(
			[...want.keys()].filter((k) => !k.startsWith('funding/')).sort()
		);
		// Numbers and keys agree; texts are the traditional ones the page printed.
		expect(got.get('indicators/430212-jiwei-2023-dept|1/level3')).toBe('查處問題線索數');
		expect(got.get('indicators/430212-jiwei-2023-dept|1/actual_value')).toBe('313');
		expect(got.get('metrics/430212-jiwei|2023|losses_recovered/value_text')).toBe('8000餘萬元');
		expect(got.get('units/430212-jiwei/name')).toBe('中共株洲市淥口區紀律檢查委員會');
		for (const [k, v] of want)
			if (
				!k.startsWith('funding/') &&
				/_value$|^metrics\/.*\/value$|budget_|executed$|weight$|score$/.test(k)
			)
				expect(got.get(k), k).toBe(v);
		// Funding rows keep their printed item names, so their keys are in traditional characters.
		expect(got.get('funding/430212-jiwei-2023-dept|economic|工資福利支出/executed')).toBe(
			'1112.75'
		);
	});
});
