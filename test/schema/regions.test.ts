// The region hierarchy's one definition: codes nest by prefix, names are cut from the region text, the units make one tree.
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/lib/demo/generate';
import {
	ancestry,
	codePath,
	hasRegionPage,
	levelOf,
	regionPath,
	type RegionNode
} from '../../src/lib/schema/regions';
import { allRows, unitsTree } from '../helpers/data';

describe('region codes', () => {
	it('reads a level from the digits of a code', () => {
		expect(['43', '4302', '430212', '4', '43021', '4302120', 'ab'].map(levelOf)).toEqual([
			'province',
			'city',
			'county',
			null,
			null,
			null,
			null
		]);
	});

	it('nests a six-digit code by prefix; 00 closes the path at a city or a province', () => {
		expect(codePath('430212')).toEqual(['43', '4302', '430212']);
		expect(codePath('430200')).toEqual(['43', '4302']);
		expect(codePath('430000')).toEqual(['43']);
		expect(codePath('4302')).toEqual([]);
		expect(codePath(null)).toEqual([]);
	});

	it('names each level from the region text, by code where the two do not line up', () => {
		expect(regionPath('湖南省株洲市渌口区', '430212')).toEqual([
			{ code: '43', level: 'province', name: '湖南省', full: '湖南省' },
			{ code: '4302', level: 'city', name: '株洲市', full: '湖南省株洲市' },
			{ code: '430212', level: 'county', name: '渌口区', full: '湖南省株洲市渌口区' }
		]);
		expect(regionPath('湖南省株洲市', '430212').map((s) => s.name)).toEqual([
			'43',
			'4302',
			'430212'
		]);
	});
});

describe('the bundled units as a tree', () => {
	const units = allRows('units');
	const tree = unitsTree(units);

	it('holds the sample unit at 湖南省 › 株洲市 › 渌口区 and the demo under 虚构省 (99)', () => {
		expect(ancestry(tree, '430212').map((n) => n.name)).toEqual(['湖南省', '株洲市', '渌口区']);
		expect(tree.get('99')?.name).toBe('虚构省');
		expect(tree.get('99')?.units).toBe(units.filter((u) => u.region_code.startsWith('99')).length);
	});

	it('gives a region of one unit that unit, and no page of its own', () => {
		for (const n of tree.values()) {
			const under = units.filter((u) => codePath(u.region_code).includes(n.code));
			expect(n.units).toBe(under.length);
			expect(n.only).toBe(under.length === 1 ? under[0].unit_id : null);
			expect(hasRegionPage(n)).toBe(under.length > 1);
		}
	});

	it('counts every unit once at each level, children nested by prefix', () => {
		const provinces = [...tree.values()].filter((n) => n.level === 'province');
		expect(provinces.reduce((s, n) => s + n.units, 0)).toBe(units.length);
		for (const n of tree.values()) {
			for (const c of n.children) {
				const child = tree.get(c) as RegionNode;
				expect(child.parent).toBe(n.code);
				expect(c.startsWith(n.code)).toBe(true);
			}
			if (n.children.length > 0)
				expect(n.children.reduce((s, c) => s + tree.get(c)!.units, 0)).toBe(n.units);
		}
	});
});

describe('the demo generator’s region codes', () => {
	for (const units of [40, 1200]) {
		it(`gives every unit of one district one code, and codes that nest (${units} units)`, () => {
			const rows = generateDemo({ units }).tables.units;
			const byPlace = new Map<string, Set<string>>();
			const byCode = new Map<string, Set<string>>();
			for (const u of rows) {
				const region = String(u.region);
				const code = String(u.region_code);
				expect(code).toMatch(/^99\d{4}$/);
				byPlace.set(region, (byPlace.get(region) ?? new Set()).add(code));
				byCode.set(code, (byCode.get(code) ?? new Set()).add(region));
				// The path's names line up with the code's levels: 虚构省 › a city › a district.
				const path = regionPath(region, code);
				expect(path.map((s) => s.code)).toEqual([code.slice(0, 2), code.slice(0, 4), code]);
				expect(path[0].name).toBe('虚构省');
			}
			for (const codes of byPlace.values()) expect(codes.size).toBe(1);
			for (const places of byCode.values()) expect(places.size).toBe(1);
			// One city name per city code.
			const cityNames = new Map<string, Set<string>>();
			for (const u of rows) {
				const [, city] = regionPath(String(u.region), String(u.region_code));
				cityNames.set(city.code, (cityNames.get(city.code) ?? new Set()).add(city.name));
			}
			for (const names of cityNames.values()) expect(names.size).toBe(1);
			// Counties are numbered 01, 02 … in each city, without gaps.
			const perCity = new Map<string, string[]>();
			for (const code of byCode.keys())
				perCity.set(code.slice(0, 4), [...(perCity.get(code.slice(0, 4)) ?? []), code.slice(4)]);
			for (const dd of perCity.values())
				expect(dd.sort()).toEqual(dd.map((_, i) => String(i + 1).padStart(2, '0')));
		});
	}
});
