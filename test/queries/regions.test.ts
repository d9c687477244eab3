// The region queries against the bundled data, checked against the CSVs in plain JS, on both DuckDB engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { kpis } from '../../src/lib/queries/overview';
import { run } from '../../src/lib/queries/query';
import {
	regionPage,
	regionRankCount,
	regionRanking,
	regionUnitCounts,
	regionUnits,
	regionYears,
	type RegionNames
} from '../../src/lib/queries/regions';
import { codePath, regionTree } from '../../src/lib/schema/regions';
import { childNames, loadRegion, regionCodes } from '../../src/lib/views/regions/load';
import { allRows, unitsTree } from '../helpers/data';
import { ENGINES } from '../helpers/engines';

const units = allRows('units');
const evaluations = allRows('evaluations');
const tree = unitsTree(units);
const namesOf = (code: string): RegionNames => childNames(tree, code);

/** A region's figures of a year as the CSVs add them up: the units whose code starts with it. */
function expected(code: string, year: number) {
	const ids = new Set(units.filter((u) => u.region_code.startsWith(code)).map((u) => u.unit_id));
	const forms = evaluations.filter((e) => Number(e.year) === year && ids.has(e.unit_id));
	const dept = forms.filter((e) => e.form === 'department');
	const sum = (xs: string[]) => xs.reduce((s, x) => s + Number(x), 0);
	const rated = dept.filter((e) => Number(e.budget_final) > 0 && e.executed !== '');
	const scores = dept
		.filter((e) => Number(e.total_weight) > 0)
		.map((e) => (Number(e.total_score) / Number(e.total_weight)) * 100)
		.sort((a, b) => a - b);
	const mid = scores.length / 2;
	return {
		units: new Set(forms.map((e) => e.unit_id)).size,
		forms: forms.length,
		budget_final: sum(dept.map((e) => e.budget_final)),
		executed: sum(dept.map((e) => e.executed)),
		exec_rate: sum(rated.map((e) => e.executed)) / sum(rated.map((e) => e.budget_final)),
		median:
			scores.length === 0
				? null
				: scores.length % 2
					? scores[Math.floor(mid)]
					: (scores[mid - 1] + scores[mid]) / 2
	};
}

const CITY = [...tree.values()].find((n) => n.level === 'city' && n.code.startsWith('99'))!;

describe.each(ENGINES)('$name', ({ open }) => {
	let db: Connector;
	beforeAll(async () => {
		db = await open();
	}, 120_000);
	afterAll(() => db?.close());

	it('lists every unit with its place', async () => {
		const rows = await run(db, regionUnits());
		expect(rows.map((r) => r.unit_id).sort()).toEqual(units.map((u) => u.unit_id).sort());
		expect(regionTree(rows)).toEqual(tree);
	});

	it('counts the units of each region of a unit’s place as the tree does', async () => {
		const u = units.find((x) => x.region_code.startsWith('99'))!;
		const path = codePath(u.region_code);
		expect(path).toHaveLength(3);
		expect(await run(db, regionUnitCounts(path))).toEqual(
			path.map((code) => ({ code, units: tree.get(code)!.units }))
		);
		expect(await run(db, regionUnitCounts([]))).toEqual([]);
		expect(() => regionUnitCounts(["99' OR 1=1"])).toThrow(/not a region code/);
	});

	it('prerenders a page for each region of more than one unit; one of one unit links to it', async () => {
		const codes = await regionCodes(db);
		const one = [...tree.values()].filter((n) => n.units === 1);
		// The bundled demo puts each unit in a county of its own; its cities hold several.
		expect(one.length).toBeGreaterThan(0);
		expect(codes.sort()).toEqual(
			[...tree.values()]
				.filter((n) => n.units > 1)
				.map((n) => n.code)
				.sort()
		);
		for (const n of one) {
			expect(n.only).toBe(units.find((u) => u.region_code.startsWith(n.code))!.unit_id);
			expect(await loadRegion(db, n.code)).toBeNull();
		}
		const names = childNames(tree, CITY.code);
		expect(names.map((x) => x.only)).toEqual(CITY.children.map((c) => tree.get(c)!.only));
	});

	it('gives a region the years its units filed forms in', async () => {
		const ys = await run(db, regionYears('43'));
		expect(ys).toEqual([{ year: 2023, forms: 3 }]);
		expect((await run(db, regionYears('99'))).map((y) => y.year)).toEqual([
			2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025
		]);
	});

	for (const [code, year] of [
		['99', 2023],
		[CITY.code, 2020],
		[CITY.children[0], 2025],
		['430212', 2023]
	] as const)
		it(`computes ${code}'s KPIs of ${year} as the CSVs add up`, async () => {
			const [k] = await run(db, kpis(year, code));
			const e = expected(code, year);
			expect(k.units).toBe(e.units);
			expect(k.forms).toBe(e.forms);
			expect(k.budget_final).toBeCloseTo(e.budget_final, 6);
			expect(k.executed).toBeCloseTo(e.executed, 6);
			expect(k.exec_rate).toBeCloseTo(e.exec_rate, 9);
			expect(k.median_score_pct).toBeCloseTo(e.median!, 9);
		});

	it('ranks a province’s cities with the figures each city adds up to, and the flags of the whole', async () => {
		const year = 2024;
		const f = { year, page: 1, pageSize: 100 };
		const rows = await run(db, regionRanking('99', f, namesOf('99')));
		const cities = tree.get('99')!.children.filter((c) => expected(c, year).forms > 0);
		expect(rows.map((r) => r.key).sort()).toEqual(cities.sort());
		for (const r of rows) {
			const e = expected(r.key, year);
			expect(r.kind).toBe('region');
			expect(r.name).toBe(tree.get(r.key)!.name);
			expect(r.units).toBe(e.units);
			expect(r.forms).toBe(e.forms);
			expect(r.budget_final).toBeCloseTo(e.budget_final, 6);
			expect(r.exec_rate).toBeCloseTo(e.exec_rate, 9);
			expect(r.score_pct).toBeCloseTo(e.median!, 9);
		}
		// Best median self-score first, by default.
		const scores = rows.map((r) => r.score_pct ?? -1);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		const [k] = await run(db, kpis(year, '99'));
		expect(rows.reduce((s, r) => s + r.flags, 0)).toBe(k.flags);
		// The province's KPIs of the sample (43) and the demo (99) are the whole's.
		const [all] = await run(db, kpis(year));
		expect(k.flags).toBe(all.flags);
	});

	it('ranks a county’s units, pages them and searches them by name or id', async () => {
		const county = CITY.children[0];
		const year = 2025;
		const ids = units.filter((u) => u.region_code === county).map((u) => u.unit_id);
		const all = await run(db, regionRanking(county, { year, page: 1, pageSize: 100 }));
		expect(all.every((r) => r.kind === 'unit')).toBe(true);
		const filed = new Set(evaluations.filter((e) => e.year === String(year)).map((e) => e.unit_id));
		expect(all.map((r) => r.key).sort()).toEqual(ids.filter((id) => filed.has(id)).sort());
		expect(all.length).toBeGreaterThan(0);
		// Paging the units of the whole province one at a time gives each once, in the same order.
		const f = { year, sort: 'name' as const, dir: 'asc' as const, pageSize: 7 };
		const [{ n }] = await run(
			db,
			regionRankCount(CITY.code, { ...f, page: 1 }, namesOf(CITY.code))
		);
		const paged = [];
		for (let page = 1; (page - 1) * 7 < n; page++)
			paged.push(...(await run(db, regionRanking(CITY.code, { ...f, page }, namesOf(CITY.code)))));
		expect(paged.map((r) => r.key)).toEqual(
			(
				await run(
					db,
					regionRanking(CITY.code, { ...f, page: 1, pageSize: 1000 }, namesOf(CITY.code))
				)
			).map((r) => r.key)
		);
		expect(new Set(paged.map((r) => r.key)).size).toBe(n);
		// Search: part of a name, and a county's code.
		const one = tree.get(county)!;
		const found = await run(
			db,
			regionRanking(
				CITY.code,
				{ year, q: one.name.slice(0, 2), page: 1, pageSize: 50 },
				namesOf(CITY.code)
			)
		);
		expect(found.map((r) => r.key)).toContain(county);
		const byCode = await regionPage(
			db,
			CITY.code,
			{ year, q: county, page: 1, pageSize: 50 },
			namesOf(CITY.code)
		);
		expect(byCode.rows.map((r) => r.key)).toEqual([county]);
		expect(byCode.total).toBe(1);
		const none = await regionPage(
			db,
			CITY.code,
			{ year, q: '没有这个地方', page: 1, pageSize: 50 },
			namesOf(CITY.code)
		);
		expect([none.rows, none.total]).toEqual([[], 0]);
	});

	it('refuses a code that is not a region code before it reaches SQL', async () => {
		expect(() => kpis(2023, "43' OR 1=1 --")).toThrow(/not a region code/);
		await expect(regionPage(db, '4', { year: 2023, page: 1, pageSize: 10 })).rejects.toThrow(
			/not a region code/
		);
	});
});
