// The overview at any size: the prerendered page carries the ranking's first page, the chart the lowest rates past 60 units, and the score bins count every unit.
import { describe, expect, it } from 'vitest';
import type { OverviewData, UnitExecRow } from '../../src/lib/queries/overview';
import { sortRows } from '../../src/lib/components/table';
import {
	isPartial,
	MAX_BARS,
	rankScoreColumn,
	shownOverview
} from '../../src/lib/views/overview/shown';

/** `n` units, highest execution rate first as the query orders them; every seventh has no rate. */
function data(n: number): OverviewData {
	const units = Array.from({ length: n }, (_, i) => ({
		unit_id: `u${String(i).padStart(5, '0')}`,
		name: `单位${i}`,
		short_name: `单位${i}`,
		exec_rate: i % 7 === 6 ? null : 1 - i / (2 * n),
		score_pct: i % 5 === 4 ? null : 60 + ((i * 37) % 40)
	})) as unknown as UnitExecRow[];
	units.sort((a, b) => (b.exec_rate ?? -1) - (a.exec_rate ?? -1));
	return { year: 2023, years: [], kpis: {} as OverviewData['kpis'], prev: null, like: null, units };
}

describe('shownOverview', () => {
	it('keeps everything of a county-sized year: every unit a bar and a row', () => {
		const d = data(41);
		const v = shownOverview(d, 50);
		expect(v.units).toBe(d.units);
		expect(v.bars).toBe(d.units);
		expect(v.unitsTotal).toBe(41);
		expect(isPartial(v)).toBe(false);
	});

	it('at province size carries the ranking’s first 50 rows by self-score, and bars for the lowest rates only', () => {
		const d = data(4000);
		const v = shownOverview(d, 50);
		expect(v.unitsTotal).toBe(4000);
		expect(isPartial(v)).toBe(true);
		// The table's own order (ties keep the query's order), so the page's rows are its first rows.
		expect(v.units).toEqual(sortRows(d.units, rankScoreColumn, 'desc').slice(0, 50));
		expect(v.units.map((u) => u.score_pct)).toEqual(
			d.units
				.map((u) => u.score_pct)
				.filter((x) => x !== null)
				.sort((a, b) => b! - a!)
				.slice(0, 50)
		);
		expect(v.bars.length).toBe(MAX_BARS);
		const rated = d.units.filter((u) => u.exec_rate !== null).map((u) => u.exec_rate!);
		expect(v.bars.map((u) => u.exec_rate)).toEqual(rated.slice(-MAX_BARS));
		// The bins count every unit with a score, not only the rows carried.
		expect(v.bins.reduce((s, b) => s + b.forms, 0)).toBe(v.scored);
		expect(v.scored).toBe(d.units.filter((u) => u.score_pct !== null).length);
	});

	it('in the browser, with no limit, shows every row again', () => {
		const v = shownOverview(data(4000));
		expect(v.units.length).toBe(4000);
		expect(isPartial(v)).toBe(false);
	});
});
