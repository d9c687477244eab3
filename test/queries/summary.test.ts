// The unit-year summaries (unit_years) hold what the forms and their audit add up to, checked against the CSVs without SQL, and against a unit that files two department forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableSql } from '../../src/lib/db/ddl';
import { NodeConnector } from '../../src/lib/db/node';
import { run, query } from '../../src/lib/queries/query';
import { summarySql } from '../../src/lib/queries/summary';
import { unitYears, yearTotals, type Row } from '../../src/lib/schema';
import { openBundled } from '../helpers/built';
import { allRows } from '../helpers/data';

type UnitYear = Row<'unit_years'>;
const num = (s: string) => (s === '' ? null : Number(s));

describe('unit_years of the bundled data', () => {
	let db: NodeConnector;
	let dispose: () => Promise<void>;
	let rows: UnitYear[];
	beforeAll(async () => {
		({ db, dispose } = await openBundled());
		rows = await run(db, query<UnitYear>('SELECT * FROM unit_years ORDER BY unit_id, year'));
	}, 120_000);
	afterAll(() => dispose?.());

	it('has one row per unit and year with forms, counting them by kind and provenance', () => {
		const evals = allRows('evaluations');
		const keys = new Set(evals.map((e) => `${e.unit_id}|${e.year}`));
		expect(rows.length).toBe(keys.size);
		for (const r of rows) {
			const mine = evals.filter((e) => e.unit_id === r.unit_id && Number(e.year) === r.year);
			const dept = mine.filter((e) => e.form === 'department');
			expect(r.forms).toBe(mine.length);
			expect(r.department_forms).toBe(dept.length);
			expect(r.project_forms).toBe(mine.length - dept.length);
			expect(r.synthetic_forms).toBe(mine.filter((e) => e.provenance === 'synthetic').length);
			expect(r.published_forms).toBe(mine.filter((e) => e.provenance === 'published').length);
			const rate = (e: Record<string, string>) =>
				(num(e.budget_final) ?? 0) > 0 ? num(e.executed)! / num(e.budget_final)! : null;
			const low = (e: Record<string, string>) =>
				rate(e) !== null && num(e.executed) !== null && rate(e)! < 0.9;
			expect(r.low_exec_forms).toBe(mine.filter(low).length);
			expect(r.low_exec_department).toBe(dept.filter(low).length);
			if (dept.length === 1) {
				const d = dept[0];
				expect(r.provenance).toBe(d.provenance);
				expect(r.budget_final).toBe(num(d.budget_final));
				expect(r.executed).toBe(num(d.executed));
				expect(r.total_score).toBe(num(d.total_score));
				expect(r.total_weight).toBe(num(d.total_weight));
			}
		}
	});

	it('totals each year’s forms and units in year_totals, as the CSVs count them', async () => {
		const evals = allRows('evaluations');
		const got = await run(db, query<Row<'year_totals'>>('SELECT * FROM year_totals ORDER BY year'));
		const years = [...new Set(evals.map((e) => Number(e.year)))].sort((a, b) => a - b);
		expect(got).toEqual(
			years.map((year) => {
				const mine = evals.filter((e) => Number(e.year) === year);
				return { year, forms: mine.length, units: new Set(mine.map((e) => e.unit_id)).size };
			})
		);
	});

	it('counts every flag of a year once, and the audit’s inflated forms', async () => {
		const [a] = await run(
			db,
			query<{ flags: number; inflated: number }>(`SELECT
	(SELECT count(*) FROM audit_flags WHERE year IS NOT NULL)::INTEGER AS flags,
	(SELECT count(*) FROM audit_forms WHERE gap_pct >= 5)::INTEGER AS inflated`)
		);
		expect(a.flags).toBeGreaterThan(0);
		expect(rows.reduce((s, r) => s + r.flags, 0)).toBe(a.flags);
		expect(rows.reduce((s, r) => s + r.inflated_forms, 0)).toBe(a.inflated);
	});
});

describe('a unit-year with two department forms, and one with only a project form', () => {
	let db: NodeConnector;
	let rows: UnitYear[];
	beforeAll(async () => {
		db = await NodeConnector.open();
		await db.exec(`CREATE TABLE evaluations (eval_id TEXT, unit_id TEXT, year INTEGER, form TEXT,
			provenance TEXT, budget_final DOUBLE, executed DOUBLE, total_score DOUBLE, total_weight DOUBLE)`);
		await db.exec(`INSERT INTO evaluations VALUES
			('a2', 'a', 2023, 'department', 'synthetic', 200, 150, 80, 100),
			('a1', 'a', 2023, 'department', 'published', 100, 95, 90, 100),
			('a3', 'a', 2023, 'project', 'published', 0, 5, NULL, NULL),
			('b1', 'b', 2023, 'project', 'synthetic', 50, NULL, 8, 10)`);
		await db.exec(`CREATE TABLE audit_forms (eval_id TEXT, recomputed_pct DOUBLE, gap_pct DOUBLE)`);
		await db.exec(
			`INSERT INTO audit_forms VALUES ('a1', 85, 5), ('a2', 70, 10), ('a3', NULL, NULL)`
		);
		await db.exec(`CREATE TABLE audit_flags (unit_id TEXT, year INTEGER)`);
		await db.exec(`INSERT INTO audit_flags VALUES ('a', 2023), ('a', 2023), ('a', NULL)`);
		await db.exec(createTableSql(unitYears));
		await db.exec(createTableSql(yearTotals));
		for (const sql of summarySql()) await db.exec(sql);
		rows = await run(db, query<UnitYear>('SELECT * FROM unit_years ORDER BY unit_id'));
	});
	afterAll(() => db?.close());

	it('sums the department forms, labels the sum synthetic when any part is, and gives no single audit score', () => {
		expect(rows[0]).toMatchObject({
			unit_id: 'a',
			forms: 3,
			department_forms: 2,
			project_forms: 1,
			published_forms: 2,
			synthetic_forms: 1,
			provenance: 'synthetic',
			budget_final: 300,
			executed: 245,
			rated_budget: 300,
			rated_executed: 245,
			total_score: 170,
			total_weight: 200,
			complete: 1,
			recomputed_pct: null,
			gap_pct: null,
			flags: 2,
			inflated_forms: 2,
			low_exec_department: 1,
			low_exec_forms: 1
		});
	});

	it('keeps a unit-year of project forms only, with no department figures', () => {
		expect(rows[1]).toMatchObject({
			unit_id: 'b',
			forms: 1,
			department_forms: 0,
			project_forms: 1,
			provenance: null,
			budget_final: null,
			executed: null,
			complete: 0,
			flags: 0
		});
	});
});
