import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO, generateDemo, headerOf } from '../../src/lib/demo/generate';
import { toCsv } from '../../src/lib/export/csv';
import { parseCsv } from '../../src/lib/ingest/csv';
import { DATA_TABLES, METRICS, validateDataset } from '../../src/lib/schema';
import { ROOT } from '../helpers/data';

type Tables = ReturnType<typeof generateDemo>['tables'];

function csvOf(tables: Tables) {
	return Object.fromEntries(
		(Object.keys(tables) as (keyof Tables)[]).map((name) => {
			const header = headerOf(name);
			return [
				name,
				toCsv(
					header,
					tables[name].map((r) => header.map((h) => r[h]))
				)
			];
		})
	) as Record<keyof Tables, string>;
}

describe('generateDemo', () => {
	const demo = generateDemo();
	const csv = csvOf(demo.tables);

	it('is deterministic for a seed and different for another', () => {
		expect(csvOf(generateDemo().tables)).toEqual(csv);
		expect(csvOf(generateDemo({ seed: DEFAULT_DEMO.seed + 1 }).tables).indicators).not.toEqual(
			csv.indicators
		);
	});

	it('matches the committed data/demo files (regenerate with npm run generate-demo)', () => {
		for (const name of Object.keys(csv) as (keyof Tables)[])
			expect(readFileSync(join(ROOT, 'data/demo', `${name}.csv`), 'utf8'), name).toBe(csv[name]);
	});

	it('is valid against the schema', () => {
		const report = validateDataset(
			DATA_TABLES.filter((t) => t.name in csv).map((t) => ({
				table: t,
				csv: parseCsv(csv[t.name as keyof Tables], `${t.name}.csv`)
			})),
			{ metric_dictionary: { key: new Set(METRICS.map((m) => m.key)) } }
		);
		expect(report.issues.slice(0, 5)).toEqual([]);
		expect(report.ok).toBe(true);
	});

	it('has about 40 fictional units over 2016–2025, all marked synthetic', () => {
		const { units, evaluations } = demo.tables;
		expect(units).toHaveLength(40);
		for (const u of units) {
			expect(u.provenance).toBe('synthetic');
			expect(String(u.region)).toMatch(/^虚构省/);
			expect(String(u.region_code)).toMatch(/^99/);
		}
		expect(evaluations.every((e) => e.provenance === 'synthetic')).toBe(true);
		const years = evaluations.map((e) => e.year as number);
		expect(Math.min(...years)).toBe(2016);
		expect(Math.max(...years)).toBe(2025);
	});

	it('files one department form and 2–4 project forms per unit and year', () => {
		const perUnitYear = new Map<string, { dept: number; proj: number }>();
		for (const e of demo.tables.evaluations) {
			const k = `${e.unit_id}|${e.year}`;
			const c = perUnitYear.get(k) ?? { dept: 0, proj: 0 };
			if (e.form === 'department') c.dept++;
			else c.proj++;
			perUnitYear.set(k, c);
		}
		for (const c of perUnitYear.values()) {
			expect(c.dept).toBe(1);
			expect(c.proj).toBeGreaterThanOrEqual(2);
			expect(c.proj).toBeLessThanOrEqual(4);
		}
	});

	it('has shapes an audit looks for: misses, deductions, qualitative rows, execution below 90%', () => {
		const ind = demo.tables.indicators;
		expect(ind.some((i) => i.comparator === 'qualitative')).toBe(true);
		expect(ind.some((i) => (i.score as number) < (i.weight as number))).toBe(true);
		expect(ind.some((i) => i.deviation_reason)).toBe(true);
		const low = demo.tables.evaluations.filter(
			(e) => (e.executed as number) / (e.budget_final as number) < 0.9
		);
		expect(low.length).toBeGreaterThan(0);
		const kinds = new Set(demo.planted.map((p) => p.kind));
		for (const k of [
			'full_marks_on_miss',
			'total_mismatch',
			'exec_rate_mismatch',
			'grade_mismatch',
			'funding_sum_mismatch'
		])
			expect(kinds, k).toContain(k);
	});

	it('grows discipline commissions’ case figures over the years and records detentions only from 2018', () => {
		const m = demo.tables.metrics;
		const total = (year: number) =>
			m
				.filter((r) => r.metric === 'cases_filed' && r.year === year)
				.reduce((s, r) => s + (r.value as number), 0);
		expect(total(2025)).toBeGreaterThan(total(2016));
		expect(m.some((r) => r.metric === 'detentions' && (r.year as number) < 2018)).toBe(false);
		expect(m.some((r) => r.metric === 'detentions' && r.year === 2018)).toBe(true);
	});

	it('keeps department totals consistent with their nature split unless a mismatch is planted', () => {
		const byEval = new Map(demo.tables.evaluations.map((e) => [e.eval_id, e]));
		const nature = new Map<string, number>();
		for (const f of demo.tables.funding.filter((f) => f.dimension === 'nature'))
			nature.set(
				f.eval_id as string,
				(nature.get(f.eval_id as string) ?? 0) + (f.executed as number)
			);
		for (const [id, sum] of nature)
			expect(sum, id).toBeCloseTo(byEval.get(id)!.executed as number, 1);
	});

	it('scales to a larger dataset with the same shapes', () => {
		const big = generateDemo({ units: 200 });
		expect(big.tables.units).toHaveLength(200);
		expect(big.tables.indicators.length).toBeGreaterThan(60_000);
	});
});
