// The overview's like-for-like (同口径) year-over-year figures, checked against the CSVs added up without SQL, on both DuckDB engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { change } from '../../src/lib/format/number';
import { kpis, likeForLike, overviewData } from '../../src/lib/queries/overview';
import { run } from '../../src/lib/queries/query';
import { NodeConnector } from '../../src/lib/db/node';
import { createTableSql } from '../../src/lib/db/ddl';
import { summarySql } from '../../src/lib/queries/summary';
import { unitYears, yearTotals } from '../../src/lib/schema';
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

/** The department forms of a year and the year before, kept to the units that filed a complete one in both. */
function expected(year: number) {
	const dept = allRows('evaluations').filter((e) => e.form === 'department');
	const of = (y: number) => dept.filter((e) => Number(e.year) === y);
	// A form counts only with every figure given (budget above 0, executed, score out of a weight).
	const complete = (e: Csv) =>
		(num(e.budget_final) ?? 0) > 0 &&
		num(e.executed) !== null &&
		num(e.total_score) !== null &&
		(num(e.total_weight) ?? 0) > 0;
	const units = (y: number) => {
		const rows = of(y);
		return new Set(
			rows
				.filter((e) => rows.filter((r) => r.unit_id === e.unit_id).every(complete))
				.map((e) => e.unit_id)
		);
	};
	const before = units(year - 1);
	const now = units(year);
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

describe('a figure left blank in one year', () => {
	let db: NodeConnector;
	beforeAll(async () => {
		db = await NodeConnector.open();
		// Only the columns the summary reads, then the summary derived as after any load.
		await db.exec(`CREATE TABLE evaluations (eval_id TEXT, unit_id TEXT, year INTEGER, form TEXT,
			provenance TEXT, budget_final DOUBLE, executed DOUBLE, total_score DOUBLE, total_weight DOUBLE)`);
		await db.exec(`INSERT INTO evaluations VALUES
			('a22', 'a', 2022, 'department', 'synthetic', 100, 90, 90, 100), ('a23', 'a', 2023, 'department', 'synthetic', 110, 100, 92, 100),
			('b22', 'b', 2022, 'department', 'synthetic', 200, 180, 80, 100), ('b23', 'b', 2023, 'department', 'synthetic', 400, NULL, 85, 100),
			('c23', 'c', 2023, 'department', 'synthetic', 999, 999, 99, 100)`);
		await db.exec(`CREATE TABLE audit_forms (eval_id TEXT, recomputed_pct DOUBLE, gap_pct DOUBLE)`);
		await db.exec(`CREATE TABLE audit_flags (unit_id TEXT, year INTEGER)`);
		await db.exec(createTableSql(unitYears));
		await db.exec(createTableSql(yearTotals));
		for (const sql of summarySql()) await db.exec(sql);
	});
	afterAll(() => db?.close());

	it('drops that unit from both years of every figure, and counts the units left', async () => {
		const [row] = await run(db, likeForLike(2023));
		// Only a: b's 2023 executed is blank, c has no 2022.
		expect(row).toMatchObject({ year: 2023, units: 1, budget_final: 110, prev_budget_final: 100 });
		expect(row.executed).toBe(100);
		expect(row.prev_executed).toBe(90);
		expect(row.median_score_pct).toBeCloseTo(92, 9);
		expect(row.prev_median_score_pct).toBeCloseTo(90, 9);
	});
});
