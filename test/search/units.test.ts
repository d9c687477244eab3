// The unit picker's matching: part of a short or full name, id, region or code, folded as search folds; exact first; capped with the count.
import { describe, expect, it } from 'vitest';
import { unitChoice, type UnitChoice } from '../../src/lib/queries/unit';
import { matchUnits } from '../../src/lib/search/units';
import type { Provenance } from '../../src/lib/schema';
import { allRows } from '../helpers/data';

const ALL: UnitChoice[] = allRows('units').map((u) =>
	unitChoice({
		unit_id: u.unit_id,
		name: u.name,
		short_name: u.short_name || null,
		region: u.region || null,
		region_code: u.region_code || null,
		sector: u.sector || null,
		provenance: u.provenance as Provenance
	})
);
const REF = '430212-jiwei';
const ids = (xs: UnitChoice[]) => xs.map((u) => u.unit_id);

describe('matchUnits', () => {
	it('finds a unit by part of its short name, its full name, its id, its region or its code', () => {
		for (const q of ['渌口', '株洲市渌口区纪律', '430212-JIWEI', '湖南省株洲市', '430212'])
			expect(ids(matchUnits(ALL, q, 10).matches), q).toEqual([REF]);
	});

	it('folds traditional characters and full width as the search does', () => {
		expect(ids(matchUnits(ALL, '渌口區', 10).matches)).toEqual([REF]);
		expect(ids(matchUnits(ALL, '４３０２１２', 10).matches)).toEqual([REF]);
	});

	it('needs every term, in any field: a city and a sector', () => {
		const city = ALL.find((u) => u.region_code?.startsWith('99'))!;
		const cityName = city.region!.slice(3, city.region!.indexOf('市') + 1);
		const want = ALL.filter((u) => u.region?.includes(cityName) && u.full.includes('纪律'));
		const got = matchUnits(ALL, `${cityName} 纪律`, 100);
		expect(got.total).toBe(want.length);
		expect(ids(got.matches).sort()).toEqual(ids(want).sort());
	});

	it('caps the list and counts every match; an empty text matches all', () => {
		const all = ALL.filter((u) => u.full.includes('纪律'));
		const got = matchUnits(ALL, '纪律', 5);
		expect(got.matches).toHaveLength(5);
		expect(got.total).toBe(all.length);
		expect(matchUnits(ALL, '  ', 3)).toEqual({ matches: ALL.slice(0, 3), total: ALL.length });
		expect(matchUnits(ALL, '没有这个单位', 3)).toEqual({ matches: [], total: 0 });
	});

	it('ranks an exact name first, then names that start with the text', () => {
		const u = ALL.find((x) => x.provenance === 'synthetic')!;
		expect(matchUnits(ALL, u.name, 10).matches[0].unit_id).toBe(u.unit_id);
		const head = u.name.slice(0, 2);
		const got = matchUnits(ALL, head, 100).matches;
		const starts = got.findIndex((x) => !x.name.startsWith(head));
		if (starts >= 0) expect(got.slice(starts).every((x) => !x.name.startsWith(head))).toBe(true);
	});
});
