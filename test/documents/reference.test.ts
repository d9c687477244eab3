// The reference document read by the document reader gives data/sample (typed by hand) field for field; the differences left are listed with their reason.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/lib/documents/import';
import { readDocument } from '../../src/lib/documents/read';
import { DATA_TABLES } from '../../src/lib/schema';
import { ROOT, readRows } from '../helpers/data';

const FILE = 'hunan-zhuzhou-lukou-jiwei-2023.txt';
const UNIT = {
	unit_id: '430212-jiwei',
	region_code: '430212',
	sector: '纪检监察',
	provenance: 'published' as const
};

/** Every field where the reader and the hand transcription differ, and why. */
const DIFFERENCES: Record<string, string> = {
	'units/430212-jiwei/region':
		'not printed in the document; given only unit id, region code and sector',
	'evaluations/430212-jiwei-2023-dept/source':
		'the transcriber described the source in words; the reader names the file and the form',
	'evaluations/430212-jiwei-2023-p01/source': 'as above',
	'evaluations/430212-jiwei-2023-p02/source': 'as above',
	'evaluations/430212-jiwei-2023-dept/notes':
		"the transcriber's note on the Hunan template; the reader writes notes only for cut-off forms",
	'evaluations/430212-jiwei-2023-p01/notes': 'as above',
	'evaluations/430212-jiwei-2023-p02/notes': 'as above',
	'evaluations/430212-jiwei-2023-p01/problems':
		'the report prints cause and remedy in one sentence under “偏离绩效目标的原因和下一步改进措施”; the reader keeps it whole under problems, the transcriber split it',
	'evaluations/430212-jiwei-2023-p01/improvements': 'as above: the second half of that sentence',
	'indicators/430212-jiwei-2023-p01|2/comparator':
		'target “无不合格案件” is a qualitative target; the normaliser says so, the transcriber left the comparator blank',
	'indicators/430212-jiwei-2023-p02|2/comparator': 'as above',
	'metrics/430212-jiwei|2023|staff/source':
		'the heading as printed (“一、渌口区纪委监委的基本情况”); the transcriber shortened it',
	'metrics/430212-jiwei|2023|retirees/source': 'as above'
};

async function readReference() {
	const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures', FILE)));
	const read = await readDocument({ name: FILE, bytes });
	return { read, imp: importDocuments([{ read, unit: UNIT }]) };
}

describe('reading the reference document', () => {
	it('finds the three forms with their years, names and totals', async () => {
		const { read } = await readReference();
		expect(read.error).toBeNull();
		const forms = read.recognised!.forms;
		expect(
			forms.map((f) => [
				f.form,
				f.year?.value,
				f.header.project?.text ?? f.header.unit?.text,
				f.cutOff
			])
		).toEqual([
			['department', 2023, '中共株洲市渌口区纪律检查委员会', false],
			['project', 2023, '乡镇纪委工作经费', false],
			['project', 2023, '办案经费', false]
		]);
		expect(forms.map((f) => [f.total.weight?.text, f.total.score?.text])).toEqual([
			['90', '90'],
			['90', '89'],
			['90', '90']
		]);
	});

	it('reproduces data/sample field for field, except the listed differences', async () => {
		const { imp } = await readReference();
		expect(imp.result.report.ok).toBe(true);
		const found: Record<string, { want: string; got: string }> = {};
		// A document prints no trace of itself and no publisher's directions.
		for (const t of DATA_TABLES.filter((x) => x.name !== 'trace' && x.name !== 'directions')) {
			const want = readRows('data/sample', t.name);
			const got = (imp.result.rows.get(t.name) ?? []).map((r) => r.values);
			const keyOf = (r: Record<string, string | null>) => t.key.map((k) => r[k] ?? '').join('|');
			expect(got.map(keyOf).sort(), t.name).toEqual(want.map(keyOf).sort());
			const byKey = new Map(got.map((r) => [keyOf(r), r]));
			for (const w of want) {
				const g = byKey.get(keyOf(w))!;
				for (const c of t.columns) {
					const gv = g[c.name] ?? '';
					if (gv !== (w[c.name] ?? ''))
						found[`${t.name}/${keyOf(w)}/${c.name}`] = { want: w[c.name], got: gv };
				}
			}
		}
		expect(Object.keys(found).sort()).toEqual(Object.keys(DIFFERENCES).sort());
		// The differences are what the reasons say.
		expect(found['units/430212-jiwei/region'].got).toBe('');
		expect(found['evaluations/430212-jiwei-2023-p01/problems'].got).toBe(
			found['evaluations/430212-jiwei-2023-p01/problems'].want +
				'，' +
				found['evaluations/430212-jiwei-2023-p01/improvements'].want
		);
		expect(found['indicators/430212-jiwei-2023-p01|2/comparator'].got).toBe('qualitative');
	});

	it('traces every value it read to its place and printed text', async () => {
		const { imp } = await readReference();
		const trace = (imp.result.rows.get('trace') ?? []).map((r) => r.values);
		const at = (table: string, key: string, column: string) =>
			trace.find((r) => r.table_name === table && r.row_key === key && r.column_name === column);
		// A cell of the department form's indicator table: 查处问题线索数, target 300个 (line 77 of the text).
		expect(at('indicators', '430212-jiwei-2023-dept|1', 'target_text')).toMatchObject({
			printed: '300个',
			file: FILE,
			part: '1',
			row: '12',
			col: '5',
			line: '77'
		});
		// 一级 printed once over four rows: each row's trace points at the one merged cell.
		expect(at('indicators', '430212-jiwei-2023-dept|3', 'level1')).toMatchObject({
			printed: '产出指标\n(50分)',
			line: '73'
		});
		// A figure of the narrative keeps its sentence.
		expect(at('metrics', '430212-jiwei|2023|staff', 'value')).toMatchObject({
			printed: '71人',
			context: '2023年底共有在职人员71人，退休人员9人。'
		});
		// A spending line wrapped over two lines of the report (“…工资福利支” / “出1112.75万元”).
		expect(at('funding', '430212-jiwei-2023-dept|economic|工资福利支出', 'executed')).toMatchObject(
			{ printed: '1112.75万元' }
		);
		// Every accepted value of the read tables that is not empty has a trace, except the ids the user gave.
		const given = new Set([
			'eval_id',
			'unit_id',
			'year',
			'form',
			'seq',
			'dimension',
			'provenance',
			'source',
			'notes',
			'region_code',
			'sector',
			'metric'
		]);
		for (const t of DATA_TABLES.filter((x) => x.name !== 'trace')) {
			for (const r of (imp.result.rows.get(t.name) ?? []).map((x) => x.values)) {
				const key = t.key.map((k) => r[k]).join('|');
				for (const c of t.columns) {
					if (
						given.has(c.name) ||
						!r[c.name] ||
						c.name.endsWith('_text') ||
						['comparator', 'unit', 'value', 'target_value', 'actual_value'].includes(c.name)
					)
						continue;
					if (t.name === 'metrics') continue;
					expect(at(t.name, key, c.name), `${t.name} ${key} ${c.name}`).toBeTruthy();
				}
			}
		}
	});
});
