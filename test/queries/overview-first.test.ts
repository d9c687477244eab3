// A year change's first answer (the ranking's first rows, the bars and every self-score, in SQL) shows exactly what the year's every unit shows, on both DuckDB engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { execByUnit, overviewData, overviewFirst, years } from '../../src/lib/queries/overview';
import { run } from '../../src/lib/queries/query';
import { isPartial, shownFirst, shownOverview } from '../../src/lib/views/overview/shown';
import { ENGINES } from '../helpers/engines';

describe.each(ENGINES)('overviewFirst on $name', (engine) => {
	let db: Connector;
	let ys: number[];
	beforeAll(async () => {
		db = await engine.open();
		ys = (await run(db, years())).map((y) => y.year);
	}, 120_000);
	afterAll(() => db?.close());

	// The bundled data has 41 units a year: small slices take the province's path (a first page,
	// the lowest rates), large ones the county's (every unit). Many units executed all their
	// budget: 30-odd bars cut through that tie.
	it.each([
		[10, 10],
		[1, 3],
		[5, 30],
		[5, 36],
		[50, 60]
	])(
		'with %i ranked rows and %i bars gives what every unit gives, every year',
		async (keep, bars) => {
			let partial = 0;
			for (const y of ys) {
				const full = shownOverview(await overviewData(db, y), keep, bars);
				const first = shownFirst(await overviewFirst(db, y, keep, bars));
				expect(first, `${y}`).toEqual(full);
				if (isPartial(first)) partial++;
			}
			if (keep < 41) expect(partial).toBe(ys.length);
			else expect(partial).toBe(0);
		}
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
	});
});
