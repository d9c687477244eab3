import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeConnector } from '../../src/lib/db/node';
import { execByUnit, kpis, latestYear, overviewData, years } from '../../src/lib/queries/overview';
import { sqlString } from '../../src/lib/db/sql';
import { run, yearLit } from '../../src/lib/queries/query';
import {
	unit,
	unitEvaluations,
	unitFunding,
	unitIndicators,
	unitList,
	unitMetrics
} from '../../src/lib/queries/unit';
import { allRows } from '../helpers/data';
import { openBundled } from '../helpers/built';

let db: NodeConnector;
let dispose: () => Promise<void>;
const REF = '430212-jiwei';

beforeAll(async () => {
	({ db, dispose } = await openBundled());
}, 120_000);
afterAll(() => dispose?.());

/** The overview's figures computed straight from the CSV files, without SQL. */
function expectedKpis(year: number) {
	const forms = allRows('evaluations').filter((e) => Number(e.year) === year);
	const dept = forms.filter((e) => e.form === 'department');
	const sum = (xs: string[]) => xs.reduce((s, x) => s + Number(x), 0);
	const scores = dept
		.filter((e) => Number(e.total_weight) > 0)
		.map((e) => (Number(e.total_score) / Number(e.total_weight)) * 100)
		.sort((a, b) => a - b);
	const mid = scores.length / 2;
	return {
		units: new Set(forms.map((e) => e.unit_id)).size,
		forms: forms.length,
		project_forms: forms.filter((e) => e.form === 'project').length,
		synthetic_forms: forms.filter((e) => e.provenance === 'synthetic').length,
		budget_final: sum(dept.map((e) => e.budget_final)),
		executed: sum(dept.map((e) => e.executed)),
		median: scores.length % 2 ? scores[Math.floor(mid)] : (scores[mid - 1] + scores[mid]) / 2
	};
}

describe('overview queries', () => {
	it('lists the years 2016–2025 and picks the latest', async () => {
		const ys = await run(db, years());
		expect(ys.map((y) => y.year)).toEqual([
			2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025
		]);
		expect(await latestYear(db)).toBe(2025);
	});

	for (const year of [2016, 2023, 2025])
		it(`computes ${year}'s KPIs as the CSVs add up`, async () => {
			const [k] = await run(db, kpis(year));
			const e = expectedKpis(year);
			expect(k).toMatchObject({
				year,
				units: e.units,
				forms: e.forms,
				project_forms: e.project_forms,
				synthetic_forms: e.synthetic_forms
			});
			expect(k.budget_final).toBeCloseTo(e.budget_final, 6);
			expect(k.executed).toBeCloseTo(e.executed, 6);
			expect(k.exec_rate).toBeCloseTo(e.executed / e.budget_final, 9);
			expect(k.median_score_pct).toBeCloseTo(e.median, 9);
		});

	it('ranks units by recomputed execution rate, with the reference unit at 100%', async () => {
		const rows = await run(db, execByUnit(2023));
		expect(rows).toHaveLength(41);
		for (let i = 1; i < rows.length; i++)
			expect(rows[i - 1].exec_rate!).toBeGreaterThanOrEqual(rows[i].exec_rate!);
		const ref = rows.find((r) => r.unit_id === REF)!;
		expect(ref).toMatchObject({
			provenance: 'published',
			budget_final: 1715.85,
			executed: 1715.85,
			exec_rate: 1,
			total_score: 90,
			total_weight: 90,
			score_pct: 100,
			project_forms: 2
		});
	});

	it('bundles a year for the page', async () => {
		const o = await overviewData(db, 2023);
		expect(o.year).toBe(2023);
		expect(o.units.length).toBe(o.kpis.units);
	});

	it('refuses a year that is not an integer before it reaches SQL', () => {
		expect(() => yearLit(2023.5)).toThrow();
		expect(sqlString("o'brien")).toBe("'o''brien'");
	});
});

describe('unit queries', () => {
	it('lists every unit with its forms', async () => {
		const list = await run(db, unitList());
		expect(list).toHaveLength(41);
		expect(list[0]).toMatchObject({
			unit_id: REF,
			provenance: 'published',
			forms: 3,
			first_year: 2023,
			last_year: 2023
		});
	});

	it('returns the reference unit’s 2023 forms, indicators, funding and metrics as printed', async () => {
		const [u] = await run(db, unit(REF));
		expect(u.name).toBe('中共株洲市渌口区纪律检查委员会');
		const evs = await run(db, unitEvaluations(REF));
		expect(evs.map((e) => [e.form, e.project_name])).toEqual([
			['department', null],
			['project', '乡镇纪委工作经费'],
			['project', '办案经费']
		]);
		const ind = await run(db, unitIndicators(REF));
		expect(ind).toHaveLength(27);
		const p01 = ind.filter((i) => i.eval_id === `${REF}-2023-p01`);
		expect(p01[0]).toMatchObject({
			level3: '办理案件数',
			target_text: '50件',
			actual_text: '47',
			weight: 15,
			score: 14,
			deviation_reason: '少数案件2024年结案。'
		});
		expect(p01.reduce((s, i) => s + i.score!, 0)).toBe(89);
		const funding = await run(db, unitFunding(REF));
		expect(
			funding
				.filter((f) => f.dimension === 'economic')
				.map((f) => f.executed)
				.sort()
		).toEqual([1112.75, 4.12, 565.98]);
		const metrics = await run(db, unitMetrics(REF));
		const m = Object.fromEntries(metrics.map((x) => [x.metric, x.value]));
		expect(m).toMatchObject({
			clues_handled: 313,
			cases_filed: 130,
			persons_disciplined: 102,
			org_handling: 168,
			detentions: 10,
			losses_recovered: 8000,
			staff: 71,
			retirees: 9
		});
		expect(metrics.find((x) => x.metric === 'losses_recovered')).toMatchObject({
			zh: '挽回经济损失',
			unit: '万元',
			value_text: '8000余万元'
		});
	});
});
