// The views' loaders and pivots: the unit loaders shared by the prerendered and the imported-data pages, and the metric series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeConnector } from '../../src/lib/db/node';
import { metricSeries } from '../../src/lib/views/series';
import { FLAGS_SHOWN, loadUnitProfile, loadUnitYear } from '../../src/lib/views/unit/load';
import { openBundled } from '../helpers/built';
import { allRows } from '../helpers/data';

let db: NodeConnector;
let dispose: () => Promise<void>;
const REF = '430212-jiwei';
beforeAll(async () => {
	({ db, dispose } = await openBundled());
}, 120_000);
afterAll(() => dispose?.());

const evals = () => allRows('evaluations');

describe('unit page loaders (the prerendered page, the browser’s other years and the imported-data page use the same two)', () => {
	it('loads a profile with its latest year’s forms, and null for a unit the data lacks', async () => {
		const p = (await loadUnitProfile(db, REF))!;
		expect(p.unit.unit_id).toBe(REF);
		expect(p.years.map((y) => y.year)).toEqual([2023]);
		expect(p.shown?.year).toBe(2023);
		expect(p.shown?.evaluations.map((e) => e.eval_id).sort()).toEqual(
			evals()
				.filter((e) => e.unit_id === REF)
				.map((e) => e.eval_id)
				.sort()
		);
		expect(p.flagCount).toBe(p.years[0].flags);
		expect(p.flags).toHaveLength(Math.min(p.flagCount, FLAGS_SHOWN));
		expect(p.metrics.find((m) => m.metric === 'cases_filed')?.value).toBe(130);
		expect(await loadUnitProfile(db, 'no-such-unit')).toBeNull();
	});

	it('loads one year’s forms (none for a year the unit did not file or a unit the data lacks): the prerendered year and any other, asked for in the browser', async () => {
		const y = await loadUnitYear(db, REF, 2023);
		expect(y.year).toBe(2023);
		expect(y.evaluations).toHaveLength(3);
		expect(y.indicators.every((i) => i.eval_id.startsWith(`${REF}-2023`))).toBe(true);
		// The unit's page prerenders exactly what the browser asks for its latest year.
		expect((await loadUnitProfile(db, REF))!.shown).toEqual(y);
		expect((await loadUnitYear(db, REF, 2019)).evaluations).toEqual([]);
		expect((await loadUnitYear(db, 'no-such-unit', 2023)).evaluations).toEqual([]);
		// An older year of a demo unit: its forms as the CSV has them.
		const demo = evals().find((e) => e.unit_id !== REF && e.year === '2019')!.unit_id;
		const old = await loadUnitYear(db, demo, 2019);
		expect(old.evaluations.map((e) => e.eval_id).sort()).toEqual(
			evals()
				.filter((e) => e.unit_id === demo && e.year === '2019')
				.map((e) => e.eval_id)
				.sort()
		);
		expect(old.indicators.length).toBe(
			allRows('indicators').filter((i) => old.evaluations.some((e) => e.eval_id === i.eval_id))
				.length
		);
	});
});

describe('metric series', () => {
	it('gives one series per key, named by its rows (the key when none has it), a value or null per year', () => {
		const rows = [
			{ year: 2022, metric: 'a', zh: '甲', en: 'A', total: 3 },
			{ year: 2024, metric: 'a', zh: '甲', en: 'A', total: 5 }
		];
		expect(metricSeries(rows, ['a', 'b'], [2022, 2023, 2024], (r) => r.total)).toEqual([
			{ name: { zh: '甲', en: 'A' }, data: [3, null, 5] },
			{ name: 'b', data: [null, null, null] }
		]);
	});
});
