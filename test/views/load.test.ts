// The views' loaders and pivots: the unit loaders shared by the prerendered and the imported-data pages, and the metric series.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeConnector } from '../../src/lib/db/node';
import { metricSeries } from '../../src/lib/views/series';
import { loadUnitProfile, loadUnitYear } from '../../src/lib/views/unit/load';
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

describe('unit page loaders (the prerendered pages and the imported-data page use the same two)', () => {
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
		expect(p.flags).toHaveLength(p.years[0].flags);
		expect(p.metrics.find((m) => m.metric === 'cases_filed')?.value).toBe(130);
		expect(await loadUnitProfile(db, 'no-such-unit')).toBeNull();
	});

	it('loads one year’s forms (none for a year the unit did not file), and null for a unit the data lacks', async () => {
		const y = (await loadUnitYear(db, REF, 2023))!;
		expect(y.shown.evaluations).toHaveLength(3);
		expect(y.shown.indicators.every((i) => i.eval_id.startsWith(`${REF}-2023`))).toBe(true);
		expect(y.years.map((r) => r.year)).toEqual([2023]);
		expect((await loadUnitYear(db, REF, 2019))!.shown.evaluations).toEqual([]);
		expect(await loadUnitYear(db, 'no-such-unit', 2023)).toBeNull();
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
