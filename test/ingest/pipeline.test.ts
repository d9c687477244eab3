import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/lib/ingest/decode';
import { mapHeaders, normHeader, recogniseTable } from '../../src/lib/ingest/headers';
import { table } from '../../src/lib/schema';
import { importFiles, type InputFile } from '../../src/lib/ingest/pipeline';
import { ROOT } from '../helpers/data';

const DIR = join(ROOT, 'test/fixtures/import');
const file = (name: string): InputFile => ({
	name,
	bytes: new Uint8Array(readFileSync(join(DIR, name)))
});
const GOOD = ['单位-gbk.csv', 'evaluations-bom.csv', '指标-semicolon.csv'];
const values = (r: ReturnType<typeof importFiles>, table: 'units' | 'evaluations' | 'indicators') =>
	(r.rows.get(table) ?? []).map((x) => x.values);

describe('decodeText', () => {
	it('tells UTF-8, UTF-8 with BOM and GBK apart, and refuses empty and binary files', () => {
		expect(decodeText(new TextEncoder().encode('单位'))).toMatchObject({
			ok: true,
			encoding: 'utf-8',
			text: '单位'
		});
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({
			ok: true,
			encoding: 'utf-8-bom',
			text: 'a'
		});
		expect(decodeText(new Uint8Array([0xb5, 0xa5, 0xce, 0xbb]))).toMatchObject({
			ok: true,
			encoding: 'gb18030',
			text: '单位'
		});
		expect(decodeText(new Uint8Array())).toMatchObject({
			ok: false,
			error: { zh: '文件是空的', en: 'the file is empty' }
		});
		expect(decodeText(readFileSync(join(DIR, 'binary.csv')))).toMatchObject({
			ok: false,
			error: { en: 'the file is binary, not CSV text (a workbook needs the .xlsx extension)' }
		});
	});
});

describe('headers', () => {
	it('compares headers without spaces, full-width forms or unit notes', () => {
		expect(normHeader(' 全年预算数（万元）')).toBe('全年预算数');
		expect(normHeader('Final budget')).toBe('finalbudget');
	});

	it('recognises each table from zh labels and common variants', () => {
		expect(
			recogniseTable([
				'三级指标',
				'年度指标值',
				'实际完成值',
				'权重',
				'得分',
				'自评表编号',
				'序号',
				'一级指标'
			]).table.name
		).toBe('indicators');
		expect(recogniseTable(['单位名称', '单位编号', '数据来源性质']).table.name).toBe('units');
		const m = mapHeaders(table('evaluations'), [
			'调整后预算数',
			'预算执行数',
			'预算执行率',
			'分值',
			'得分',
			'年度'
		]);
		expect(m.columns).toEqual([
			'budget_final',
			'executed',
			'exec_rate_reported',
			'exec_weight',
			'exec_score',
			'year'
		]);
	});
});

describe('importFiles', () => {
	const r = importFiles(GOOD.map(file));

	it('reads a GBK CSV, a UTF-8 BOM CSV and a semicolon CSV with Chinese headers', () => {
		expect(r.files.map((f) => [f.name, f.table, f.encoding, f.delimiter])).toEqual([
			['单位-gbk.csv', 'units', 'gb18030', ','],
			['evaluations-bom.csv', 'evaluations', 'utf-8-bom', ','],
			['指标-semicolon.csv', 'indicators', 'utf-8', ';']
		]);
		expect(r.report.issues).toEqual([]);
		for (const t of r.report.tables) expect(t.read).toBe(t.accepted + t.rejected);
		expect(values(r, 'units')[0]).toMatchObject({
			unit_id: '430212-jiwei',
			name: '中共株洲市渌口区纪律检查委员会',
			provenance: 'published'
		});
	});

	it('parses printed values and keeps the printed text beside each number', () => {
		const [dept, p02] = values(r, 'evaluations');
		expect(dept).toMatchObject({
			form: 'department',
			budget_initial: '1262.27',
			budget_initial_text: '1262.27万',
			exec_rate_reported: '1',
			exec_rate_reported_text: '100%',
			exec_weight: '90',
			exec_weight_text: '90分'
		});
		expect(p02).toMatchObject({
			form: 'project',
			project_name: '办案经费',
			exec_rate_reported: '1',
			exec_rate_reported_text: '100.00%'
		});
		const ind = values(r, 'indicators');
		expect(ind[0]).toMatchObject({
			target_text: '300个',
			target_value: '300',
			actual_text: '313个',
			actual_value: '313',
			unit: '个'
		});
		expect(ind[1]).toMatchObject({
			target_text: '定性',
			target_value: null,
			comparator: 'qualitative'
		});
		expect(ind[2]).toMatchObject({
			target_text: '96%以上',
			target_value: '96',
			comparator: '≥',
			unit: '%',
			actual_value: '96'
		});
		expect(ind[3]).toMatchObject({
			target_text: '17',
			target_value: '17',
			actual_text: '255.6万',
			actual_value: '255.6'
		});
	});

	it('gives each bad input a clear message, and counts add up', () => {
		const bad = importFiles(
			[
				'empty.csv',
				'binary.csv',
				'units-missing-name.csv',
				'evaluations-bad.csv',
				'单位-gbk.csv'
			].map(file)
		);
		const found = bad.report.issues.map((i) => [i.file, i.line, i.column, i.rule, i.message.en]);
		expect(found).toContainEqual(['empty.csv', null, null, 'file', 'the file is empty']);
		expect(found).toContainEqual([
			'binary.csv',
			null,
			null,
			'file',
			'the file is binary, not CSV text (a workbook needs the .xlsx extension)'
		]);
		expect(found).toContainEqual([
			'units-missing-name.csv',
			1,
			'name',
			'missing-column',
			'required column name (单位名称) is missing'
		]);
		expect(found).toContainEqual([
			'evaluations-bad.csv',
			2,
			'budget_final',
			'decimal',
			'budget_final must be a plain number (digits and one dot)'
		]);
		expect(found).toContainEqual([
			'evaluations-bad.csv',
			4,
			'eval_id',
			'duplicate-key',
			'duplicate key eval_id: evaluations-bad.csv:3 has the same'
		]);
		const t = bad.report.tables.find((x) => x.file === 'evaluations-bad.csv')!;
		expect(t).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
		for (const x of bad.report.tables) expect(x.read).toBe(x.accepted + x.rejected);
	});

	it('reads a directions file with Chinese headers; refuses a bad comparator and two that clash, with line and column', () => {
		const d = importFiles([file('指标方向.csv')], { defaults: { provenance: 'published' } });
		expect(d.files.map((f) => [f.name, f.table])).toEqual([['指标方向.csv', 'directions']]);
		expect(d.files[0].mapping?.columns).toEqual([
			'level3',
			'level2',
			'unit_id',
			'year',
			'comparator',
			'note'
		]);
		expect(d.report.issues.map((i) => [i.line, i.column, i.rule, i.value])).toEqual([
			[3, 'comparator', 'allowed-values', 'qualitative'],
			[4, 'comparator', 'conflict', '≥'],
			[5, 'comparator', 'conflict', '≤']
		]);
		expect(d.report.issues[2].message.zh).toContain('指标方向.csv:4 (≥)');
		expect(d.report.tables).toEqual([
			{ table: 'directions', file: '指标方向.csv', read: 4, accepted: 1, rejected: 3 }
		]);
		// ">=" is read as ≥; the row takes the provenance chosen for the file.
		expect((d.rows.get('directions') ?? []).map((x) => x.values)).toEqual([
			{
				level3: '工作投入成本',
				level2: '成本指标',
				unit_id: null,
				year: null,
				comparator: '≥',
				note: '测试：发布方认为投入越多保障越足',
				provenance: 'published'
			}
		]);
	});

	it('never alters an accepted value that was already canonical', () => {
		const units = readFileSync(join(ROOT, 'data/sample/units.csv'));
		const evals = readFileSync(join(ROOT, 'data/sample/evaluations.csv'));
		const res = importFiles([
			{ name: 'units.csv', bytes: new Uint8Array(units) },
			{ name: 'evaluations.csv', bytes: new Uint8Array(evals) }
		]);
		expect(res.report.issues).toEqual([]);
		const dept = values(res, 'evaluations')[0];
		expect(dept).toMatchObject({
			budget_final: '1715.85',
			exec_weight_text: '90分',
			total_score: '90'
		});
	});
});
