// The overview's like-for-like (同口径) year-over-year figures, checked against the CSVs added up without SQL, on both DuckDB engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { change } from '../../src/lib/format/number';
import { kpis, likeForLike, overviewData } from '../../src/lib/queries/overview';
import { run } from '../../src/lib/queries/query';
import { allRows } from '../helpers/data';
import { ENGINES } from '../helpers/engines';

type Csv = Record<string, string>;
const num = (s: string) => (s === '' ? null : Number(s));
const sum = (rows: Csv[], k: string) => rows.reduce((s, r) => s + (num(r[k]) ?? 0), 0);
const rate = (rows: Csv[]) => {
	const ok = rows.filter((r) => (num(r.budget_final) ?? 0) > 0 && num(r.executed) !== null);
	return sum(ok, 'executed') / sum(ok, 'budget_final');
};
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length / 2;
	return s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
};
const medianScore = (rows: Csv[]) =>
	median(
		rows
			.filter((r) => (num(r.total_weight) ?? 0) > 0)
			.map((r) => (Number(r.total_score) / Number(r.total_weight)) * 100)
	);

/** The department forms of a year and the year before, kept to the units that filed one in both. */
function expected(year: number) {
	const dept = allRows('evaluations').filter((e) => e.form === 'department');
	const of = (y: number) => dept.filter((e) => Number(e.year) === y);
	const before = new Set(of(year - 1).map((e) => e.unit_id));
	const now = new Set(of(year).map((e) => e.unit_id));
	const both = new Set([...now].filter((u) => before.has(u)));
	const n = of(year).filter((e) => both.has(e.unit_id));
	const p = of(year - 1).filter((e) => both.has(e.unit_id));
	return {
		units: both.size,
		budget_final: sum(n, 'budget_final'),
		prev_budget_final: sum(p, 'budget_final'),
		executed: sum(n, 'executed'),
		prev_executed: sum(p, 'executed'),
		exec_rate: rate(n),
		prev_exec_rate: rate(p),
		median_score_pct: medianScore(n),
		prev_median_score_pct: medianScore(p)
	};
}

describe.each(ENGINES)('$name', ({ open }) => {
	let db: Connector;
	beforeAll(async () => {
		db = await open();
	}, 120_000);
	afterAll(() => db?.close());

	for (const year of [2017, 2023, 2025])
		it(`counts ${year} against ${year - 1} over the units present in both, as the CSVs add up`, async () => {
			const [row] = await run(db, likeForLike(year));
			const e = expected(year);
			expect(row.year).toBe(year);
			expect(row.units).toBe(e.units);
			for (const k of Object.keys(e) as (keyof typeof e)[])
				if (k !== 'units') expect(row[k], k).toBeCloseTo(e[k], 9);
		});

	it('gives 2023’s budget +5.8% like-for-like over 40 units, beside +6.9% over all units', async () => {
		const [like] = await run(db, likeForLike(2023));
		const [now] = await run(db, kpis(2023));
		const [before] = await run(db, kpis(2022));
		// 渌口区纪委监委 first appears in 2023: in the all-units sum, not in the like-for-like one.
		expect(now.units).toBe(41);
		expect(like.units).toBe(40);
		expect(change(like.budget_final, like.prev_budget_final)! * 100).toBeCloseTo(5.8, 1);
		expect(change(now.budget_final, before.budget_final)! * 100).toBeCloseTo(6.9, 1);
	});

	it('bundles it with the year, and none for the first year', async () => {
		expect((await overviewData(db, 2023)).like?.units).toBe(40);
		expect((await overviewData(db, 2016)).like).toBeNull();
	});
});
