// The queries of the analytical views against DuckDB in Node, checked against figures computed from the CSVs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { compareData, compareSeries, groupHeat } from '../../src/lib/queries/compare';
import {
	commonIndicators,
	countReasons,
	deductionsByGroup,
	indicatorsData,
	searchReasons
} from '../../src/lib/queries/indicators';
import { sqlString } from '../../src/lib/db/sql';
import { query, run } from '../../src/lib/queries/query';
import { metricTotals, yearStats } from '../../src/lib/queries/trends';
import {
	projectHistory,
	projects,
	unitProjects,
	unitSpending,
	unitYears
} from '../../src/lib/queries/unit';
import { commonYear, defaultUnits } from '../../src/lib/views/compare/defaults';
import { allRows } from '../helpers/data';
import { ENGINES } from '../helpers/engines';

const REF = '430212-jiwei';

const evals = () => allRows('evaluations');
const quantile = (xs: number[], q: number) => {
	const s = [...xs].sort((a, b) => a - b);
	const pos = (s.length - 1) * q;
	const lo = Math.floor(pos);
	return s[lo] + (s[Math.ceil(pos)] - s[lo]) * (pos - lo);
};

describe.each(ENGINES)('$name', ({ open }) => {
	let db: Connector;
	beforeAll(async () => {
		db = await open();
	}, 120_000);
	afterAll(() => db?.close());

	describe('trends', () => {
		it('gives each year’s quartiles, totals and forms below 90% as the CSVs do', async () => {
			const rows = await run(db, yearStats());
			expect(rows.map((r) => r.year)).toEqual([
				2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025
			]);
			for (const r of rows) {
				const all = evals().filter((e) => Number(e.year) === r.year);
				const dept = all.filter((e) => e.form === 'department');
				const rates = dept.map((e) => Number(e.executed) / Number(e.budget_final));
				expect(r.rate_median).toBeCloseTo(quantile(rates, 0.5), 9);
				expect(r.rate_q1).toBeCloseTo(quantile(rates, 0.25), 9);
				expect(r.score_q3).toBeCloseTo(
					quantile(
						dept.map((e) => (Number(e.total_score) / Number(e.total_weight)) * 100),
						0.75
					),
					9
				);
				expect(r.budget_final).toBeCloseTo(
					dept.reduce((s, e) => s + Number(e.budget_final), 0),
					6
				);
				expect(r.below_90).toBe(
					all.filter((e) => Number(e.executed) / Number(e.budget_final) < 0.9).length
				);
			}
		});

		it('totals case metrics by year, the reference unit included', async () => {
			const rows = await run(db, metricTotals('纪检监察'));
			const cases2023 = rows.find((r) => r.year === 2023 && r.metric === 'cases_filed')!;
			const expected = allRows('metrics').filter(
				(m) => m.year === '2023' && m.metric === 'cases_filed'
			);
			expect(cases2023.total).toBe(expected.reduce((s, m) => s + Number(m.value), 0));
			expect(cases2023.units).toBe(expected.length);
			expect(rows.some((r) => r.metric === 'detentions' && r.year < 2018)).toBe(false);
		});
	});

	describe('unit profile', () => {
		it('summarises the reference unit’s year from its department form', async () => {
			expect(await run(db, unitYears(REF))).toEqual([
				{
					year: 2023,
					forms: 3,
					form_ids: '430212-jiwei-2023-dept 430212-jiwei-2023-p01 430212-jiwei-2023-p02',
					budget_initial: 1262.27,
					budget_final: 1715.85,
					executed: 1715.85,
					exec_rate: 1,
					total_score: 90,
					total_weight: 90,
					self_pct: 100,
					// The department form out of 90: 75 + (1 − 453.58 / 1262.27) × 15 for the cost row.
					recomputed_pct: expect.closeTo(((75 + (1 - 453.58 / 1262.27) * 15) / 90) * 100, 6),
					gap_pct: expect.closeTo(((15 - (1 - 453.58 / 1262.27) * 15) / 90) * 100, 6),
					flags: 3,
					provenance: 'published'
				}
			]);
		});

		it('splits spending by economic class (executed) and nature in printed order', async () => {
			const s = await run(db, unitSpending(REF));
			expect(
				s.filter((x) => x.dimension === 'economic').map((x) => [x.item, x.amount, x.basis])
			).toEqual([
				['工资福利支出', 1112.75, 'executed'],
				['商品和服务支出', 565.98, 'executed'],
				['对个人和家庭的补助支出', 4.12, 'executed']
			]);
			expect(s.filter((x) => x.dimension === 'nature').map((x) => x.amount)).toEqual([1682.85, 33]);
		});

		it('lists project forms with their scores', async () => {
			const p = await run(db, unitProjects(REF));
			expect(p.map((x) => [x.project_name, x.budget_final, x.total_score, x.total_weight])).toEqual(
				[
					['乡镇纪委工作经费', 16, 89, 90],
					['办案经费', 17, 90, 90]
				]
			);
		});

		it('gives each project form the score its audit recomputed, beside the self-score', async () => {
			const p = await run(db, unitProjects(REF));
			const audited = await run(
				db,
				query<{ eval_id: string; recomputed_pct: number | null; gap_pct: number | null }>(
					`SELECT a.eval_id, a.recomputed_pct, a.gap_pct FROM audit_forms a JOIN evaluations e USING (eval_id) WHERE e.unit_id = ${sqlString(REF)}`
				)
			);
			for (const row of p) {
				const a = audited.find((x) => x.eval_id === row.eval_id)!;
				expect(a, row.eval_id).toBeDefined();
				expect(row.recomputed_pct).toBe(a.recomputed_pct);
				expect(row.gap_pct).toBe(a.gap_pct);
				expect(row.recomputed_pct).not.toBeNull();
			}
		});
	});

	describe('projects', () => {
		it('filters by unit, year and score as the CSVs do', async () => {
			const all = evals().filter((e) => e.form === 'project');
			const byYear = await run(db, projects({ year: 2020 }));
			expect(byYear).toHaveLength(all.filter((e) => e.year === '2020').length);
			const unitId = all[0].unit_id;
			expect(await run(db, projects({ unitId }))).toHaveLength(
				all.filter((e) => e.unit_id === unitId).length
			);
			const low = await run(db, projects({ maxScore: 95 }));
			expect(low).toHaveLength(
				all.filter((e) => (Number(e.total_score) / Number(e.total_weight)) * 100 <= 95).length
			);
			const named = await run(db, projects({ search: '办案' }));
			expect(named.every((r) => r.project_name.includes('办案'))).toBe(true);
			expect(named.some((r) => r.unit_id === REF)).toBe(true);
		});

		it('follows one project across the years', async () => {
			const p = evals().find((e) => e.form === 'project' && e.provenance === 'synthetic')!;
			const h = await run(db, projectHistory(p.unit_id, p.project_name));
			expect(h.map((r) => r.year)).toEqual(
				evals()
					.filter((e) => e.unit_id === p.unit_id && e.project_name === p.project_name)
					.map((e) => Number(e.year))
					.sort()
			);
		});

		it('matches LIKE wildcards in the search text literally', async () => {
			for (const search of ['%', '_', '\\', '办案%'])
				expect(await run(db, projects({ search })), search).toHaveLength(
					evals().filter((e) => e.form === 'project' && e.project_name.includes(search)).length
				);
			expect(await run(db, projects({ search: '%' }))).toHaveLength(0);
		});
	});

	describe('indicators', () => {
		it('counts how often each indicator appears', async () => {
			const [top] = await run(db, commonIndicators(null, 'rows'));
			const rows = allRows('indicators').filter(
				(i) => i.level3 === top.level3 && i.level2 === top.level2 && i.level1 === top.level1
			);
			expect(top.rows).toBe(rows.length);
		});

		it('finds the reference unit’s missed target (50件 planned, 47 done) and its deduction', async () => {
			const ded = await run(db, deductionsByGroup(2023));
			const qty = ded.find((d) => d.level1 === '产出指标' && d.level2 === '数量指标')!;
			const rows = allRows('indicators').filter(
				(i) => i.level2 === '数量指标' && i.eval_id.includes('-2023-')
			);
			expect(qty.deduction).toBeCloseTo(
				rows.reduce((s, i) => s + Math.max(0, Number(i.weight) - Number(i.score)), 0),
				6
			);
			const reasons = await run(db, searchReasons('结案', 2023));
			expect(reasons.find((r) => r.unit_id === REF)).toMatchObject({
				level3: '办理案件数',
				target_text: '50件',
				actual_text: '47',
				deviation_reason: '少数案件2024年结案。'
			});
		});
	});

	describe('deviation reasons: every row, any text', () => {
		const withReason = () => allRows('indicators').filter((i) => i.deviation_reason !== '');

		it('returns every matching row and counts them (no silent cut at 200)', async () => {
			const all = await run(db, searchReasons('', null));
			expect(all).toHaveLength(withReason().length);
			expect(all.length).toBeGreaterThan(200);
			const hits = withReason().filter((i) => i.deviation_reason.includes('进度'));
			expect(hits.length).toBeGreaterThan(200);
			expect(await run(db, searchReasons('进度', null))).toHaveLength(hits.length);
			expect(await run(db, countReasons('进度', null))).toEqual([{ n: hits.length }]);
			const page = await indicatorsData(db, null, '', 100);
			expect(page.reasons).toHaveLength(100);
			expect(page.reasonsTotal).toBe(withReason().length);
			expect(page.common.length).toBe(
				new Set(allRows('indicators').map((i) => `${i.level1}|${i.level2}|${i.level3}`)).size
			);
		});

		it('answers a search for NUL, control characters, quotes and LIKE wildcards, matched literally', async () => {
			for (const text of [
				'\0',
				'a\0b',
				'\u0001\u001f\u007f',
				'\n\r\t',
				"'; DROP TABLE units; --",
				'\ud800',
				'\\'
			])
				expect(await run(db, searchReasons(text, null)), JSON.stringify(text)).toEqual([]);
			// % and _ are not wildcards: "50%" finds only reasons that contain "50%".
			for (const text of ['%', '_', '50%', '进_度'])
				expect((await run(db, searchReasons(text, null))).length, JSON.stringify(text)).toBe(
					withReason().filter((i) => i.deviation_reason.includes(text)).length
				);
			// The literal is the same text, NUL included, as DuckDB reads it back.
			for (const text of ['a\0b', '\0', "x'\0'y", '\u0001é中'])
				expect(await db.query(`SELECT ${sqlString(text)} AS t`)).toEqual([{ t: text }]);
		});
	});

	describe('compare', () => {
		it('picks the published unit and two discipline commissions, and the latest year all of them have', async () => {
			const units = defaultUnits([
				{ unit_id: 'b', sector: '纪检监察', provenance: 'synthetic' },
				{ unit_id: 'x', sector: '教育', provenance: 'synthetic' },
				{ unit_id: REF, sector: '纪检监察', provenance: 'published' },
				{ unit_id: 'c', sector: '纪检监察', provenance: 'synthetic' },
				{ unit_id: 'd', sector: '纪检监察', provenance: 'synthetic' }
			]);
			expect(units).toEqual([REF, 'b', 'c']);
			const other = allRows('units').find((u) => u.provenance === 'synthetic')!.unit_id;
			expect(
				commonYear(await run(db, compareSeries([REF, other], 'cases_filed')), [REF, other])
			).toBe(2023);
		});

		it('earns each group’s share of weight over all the unit’s forms of the year', async () => {
			const heat = await run(db, groupHeat([REF], 2023));
			// 数量指标: 10/10 (department) + 14/15 (乡镇纪委工作经费) + 10/10 (办案经费).
			expect(heat.find((h) => h.grp === '数量')).toMatchObject({ weight: 35, score: 34 });
			const d = await compareData(db, [REF], 'losses_recovered', 2023);
			expect(d.series).toEqual([
				expect.objectContaining({
					year: 2023,
					exec_rate: 1,
					budget_final: 1715.85,
					metric_value: 8000
				})
			]);
			expect(d.metrics.map((m) => m.key)).toContain('losses_recovered');
		});
	});
});
