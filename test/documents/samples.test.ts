// Three other provinces' published forms, copied from web pages in three text layouts, read with every visible field in place; cut-off rows said, not invented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/lib/documents/import';
import { readDocument } from '../../src/lib/documents/read';
import { ROOT } from '../helpers/data';

async function read(name: string) {
	const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/samples', name)));
	const r = await readDocument({ name, bytes });
	const imp = importDocuments([{ read: r, unit: { unit_id: 'u1', provenance: 'published' } }]);
	const rows = (t: string) => (imp.result.rows.get(t as 'units') ?? []).map((x) => x.values);
	const pick = (t: string, cols: string[]) => rows(t).map((r) => cols.map((c) => r[c] ?? ''));
	return { r, imp, rows, pick, notes: r.notes.map((n) => `${n.level}: ${n.message.zh}`) };
}

describe('01 Sichuan 青神县: one cell per line, each ending in a bar', () => {
	it('re-rows the stream by the form’s headings and reads the whole project form', async () => {
		const { r, imp, rows, pick, notes } = await read('01_sichuan_qingshen_fgj_gongzi.txt');
		expect(imp.result.report.ok).toBe(true);
		expect(r.recognised!.forms).toHaveLength(1);
		const [ev] = rows('evaluations');
		expect(ev).toMatchObject({
			year: '2023',
			form: 'project',
			project_name: '51000021R000000019951-工资性支出',
			budget_initial: '238.93',
			budget_final: '251.89',
			executed: '251.89',
			exec_rate_reported: '1',
			exec_rate_reported_text: '100.00%',
			exec_weight: '10',
			total_weight: '100'
		});
		expect(ev.exec_score ?? '').toBe('');
		expect(ev.total_score ?? '').toBe('');
		expect(rows('units')[0]).toMatchObject({ name: '青神县发展和改革局' });
		expect(pick('funding', ['item', 'budget_initial', 'budget_final', 'executed'])).toEqual([
			['财政资金', '238.93', '251.89', '251.89'],
			['财政专户管理资金', '0.00', '0.00', '0.00'],
			['单位资金', '0.00', '0.00', '0.00'],
			['其他资金', '', '', '']
		]);
		expect(
			pick('indicators', [
				'level1',
				'level2',
				'level3',
				'comparator',
				'target_value',
				'unit',
				'actual_text',
				'weight',
				'score'
			])
		).toEqual([
			['产出指标', '数量指标', '发放(缴纳)覆盖率', '=', '100', '%', '', '60', ''],
			['效益指标', '社会效益指标', '足额保障率(参保率)', '=', '100', '%', '', '30', '']
		]);
		// The unfilled template instructions are kept as printed and said.
		expect(notes.filter((n) => n.includes('模板的填写说明'))).toHaveLength(4);
	});
});

describe('04 Anhui 天长市: a rendered page copied as text, cells separated by spaces', () => {
	it('joins wrapped headings, places short rows by what each column holds and by the printed totals', async () => {
		const { imp, rows, pick, notes } = await read('04_anhui_tianchang_slj_shuihan.txt');
		expect(imp.result.report.ok).toBe(true);
		const [ev] = rows('evaluations');
		expect(ev).toMatchObject({
			year: '2022',
			form: 'project',
			project_name: '水旱灾害防御经费',
			budget_initial: '880',
			budget_final: '880',
			executed: '880',
			exec_weight: '10',
			exec_score: '10',
			total_weight: '100',
			total_score: '100',
			goal_planned: '完成年度防汛工作,完成中型灌区节水改造项目和农业综合水价改革项目。',
			goal_achieved: '完成年度目标。'
		});
		// "年度资金总额: 880 880 880 10 10" has no 执行率: the rate column holds only a percentage.
		expect(ev.exec_rate_reported ?? '').toBe('');
		expect(rows('units')[0]).toMatchObject({ name: '天长市水利局' });
		const ind = pick('indicators', [
			'level1',
			'level2',
			'level3',
			'target_text',
			'actual_text',
			'weight',
			'score'
		]);
		expect(ind).toHaveLength(9);
		expect(ind[0]).toEqual([
			'(50分)',
			'数量指标',
			'完成中型灌区节水改造项目数量',
			'1',
			'1',
			'10',
			'10'
		]);
		expect(ind[2]).toEqual(['(50分)', '质量指标', '工程质量合格', '', '', '10', '10']);
		expect(ind[7]).toEqual(['(30分)', '可持续影响指标', '已建工程良性运行', '', '', '10', '10']);
		expect(ind[8]).toEqual([
			'满意度指标',
			'服务对象满意度指标',
			'服务对象满意度',
			'90%',
			'100%',
			'10',
			'10'
		]);
		expect(notes.some((n) => n.includes('正好等于表上的总分 100 / 100'))).toBe(true);
		expect(notes.some((n) => n.includes('9 个指标空位'))).toBe(true);
		// The search line above the page names a form title but holds none.
		expect(notes.some((n) => n.includes('后面没有表格内容'))).toBe(true);
	});
});

describe('14 Anhui 金寨县: bar-separated rows, merged cells dropped, cut off', () => {
	it('anchors rows at the level they name and reports the cut-off row instead of inventing it', async () => {
		const { r, imp, rows, pick, notes } = await read('14_anhui_jinzhai_chagu_dept.txt');
		expect(imp.result.report.ok).toBe(true);
		expect(r.recognised!.forms[0].cutOff).toBe(true);
		const [ev] = rows('evaluations');
		expect(ev).toMatchObject({
			year: '2023',
			form: 'department',
			budget_initial: '329.77',
			budget_final: '329.77',
			executed: '338.31',
			exec_weight: '10',
			exec_rate_reported: '1.0259'
		});
		expect(ev.total_weight ?? '').toBe('');
		expect(ev.goal_planned).toMatch(/^1\.建设徽风皖韵美丽乡村;/);
		expect(ev.goal_achieved).toMatch(/^1\.启动燕子河镇龙马村/);
		expect(rows('units')[0]).toMatchObject({ name: '金寨县茶谷和美丽乡村建设服务中心' });
		const ind = pick('indicators', [
			'level1',
			'level2',
			'level3',
			'target_text',
			'actual_text',
			'weight',
			'score'
		]);
		expect(ind).toEqual([
			['产出指标', '数量指标', '开展精品示范村建设数量', '≤4', '4', '10', '10'],
			['产出指标', '数量指标', '建设美丽宜居自然村庄数量', '≥200', '202', '10', '10'],
			['产出指标', '数量指标', '完成农村户用卫生厕所改造数量', '≥2000', '3061', '10', '10'],
			['产出指标', '数量指标', '新建省级中心村数量', '≥10', '10', '10', '10'],
			['产出指标', '质量指标', '美丽宜居自然村庄验收通过率', '≥95%', '100%', '5', '5'],
			['产出指标', '质量指标', '户用卫生厕所改造验收通过率', '≥95%', '100%', '5', '5'],
			['产出指标', '时效指标', '完成美丽宜居自然村庄验收时间', '9月前', '7月', '5', '5'],
			['产出指标', '时效指标', '完成户用卫生厕所改造验收时间', '11月前', '10月', '5', '5']
		]);
		expect(notes.some((n) => n.includes('截断') && n.includes('成本指标 | 指标1:'))).toBe(true);
	});
});
