// A year change's first answer (the ranking's first rows, the bars and every self-score, in SQL) shows exactly what the year's every unit shows, on both DuckDB engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { execByUnit, overviewData, overviewFirst, years } from '../../src/lib/queries/overview';
import { run } from '../../src/lib/queries/query';
import { isPartial, shownFirst, shownOverview, withRows } from '../../src/lib/views/overview/shown';
import { sortRows } from '../../src/lib/components/table';
import type { OverviewShown } from '../../src/lib/views/overview/shown';
import { rankScoreColumn } from '../../src/lib/views/overview/shown';
import { ENGINES } from '../helpers/engines';

/** The rows in the ranking's order: a complete year's rows may come in either order (the table sorts them). */
const ranked = (v: OverviewShown): OverviewShown => ({
	...v,
	units: sortRows(v.units, rankScoreColumn, 'desc')
});

describe.each(ENGINES)('overviewFirst on $name', (engine) => {
	let db: Connector;
	let ys: number[];
	beforeAll(async () => {
		db = await engine.open();
		ys = (await run(db, years())).map((y) => y.year);
	}, 120_000);
	afterAll(() => db?.close());

	/** Every year: the first answer, and it with every row, show what every unit shows. */
	async function expectSame(keep: number, bars: number) {
		let partial = 0;
		for (const y of ys) {
			const data = await overviewData(db, y);
			const first = shownFirst(await overviewFirst(db, y, keep, bars));
			const want = shownOverview(data, keep, bars);
			expect(ranked(first), `${y}`).toEqual(ranked(want));
			// A first page is the ranking's first rows, in its order.
			if (isPartial(want)) expect(first.units, `${y}`).toEqual(want.units);
			if (isPartial(first)) partial++;
			// Then every row: the table's rows, with the bars and bins it already had.
			const all = await run(db, execByUnit(y));
			expect(withRows(first, all), `${y}`).toEqual(shownOverview(data, Infinity, bars));
		}
		// The bundled data has 35 to 41 units a year.
		if (keep < 35) expect(partial).toBe(ys.length);
		if (keep > 41) expect(partial).toBe(0);
	}

	// Small slices take the province's path (a first page, the lowest rates), large ones the
	// county's (every unit). Many units executed all their budget: 30-odd bars cut through that tie.
	it.each([
		[10, 10],
		[1, 3],
		[5, 30],
		[5, 33],
		[50, 60]
	])('with %i ranked rows and %i bars gives what every unit gives, every year', (keep, bars) =>
		expectSame(keep, bars)
	);

	it('slices the rows of the ranking and of the bars out of every row', async () => {
		const y = ys[ys.length - 1];
		const all = await run(db, execByUnit(y));
		const bars = await run(db, execByUnit(y, { bars: 5 }));
		expect(bars.length).toBe(5);
		// The five lowest rates, in the order of every row (highest rate first).
		const rated = all.filter((u) => u.exec_rate !== null);
		expect(bars).toEqual(rated.slice(-5));
		expect(await run(db, execByUnit(y, { bars: all.length }))).toEqual(all);
		expect((await run(db, execByUnit(y, { ranked: 3 }))).length).toBe(3);
		expect(() => execByUnit(y, { bars: 0 })).toThrow(RangeError);
		expect(() => execByUnit(y, { ranked: Infinity })).toThrow(RangeError);
	});

	// Last: it changes the data. Units with no rate or no self-score sort last in either order.
	it('orders units with no execution rate or no self-score as every row does', async () => {
		await db.exec(`UPDATE unit_years SET total_weight = 0 WHERE hash(unit_id) % 5 = 0`);
		await db.exec(`UPDATE unit_years SET budget_final = NULL WHERE hash(unit_id) % 7 = 1`);
		const latest = await run(db, execByUnit(ys[ys.length - 1]));
		expect(latest.some((u) => u.score_pct === null)).toBe(true);
		expect(latest.some((u) => u.exec_rate === null)).toBe(true);
		for (const [keep, bars] of [
			[3, 5],
			[10, 25],
			[50, 60]
		])
			await expectSame(keep, bars);
	});
});
