// The region hierarchy, one definition: province → city → county by administrative code prefix, names cut from the region text.
import type { Row } from './rows';

export type RegionLevel = 'province' | 'city' | 'county';

/** The levels, top down, and the digits of the code that name each (430212: 43 湖南省, 4302 株洲市, 430212 渌口区). */
export const REGION_LEVELS: readonly { level: RegionLevel; digits: number }[] = [
	{ level: 'province', digits: 2 },
	{ level: 'city', digits: 4 },
	{ level: 'county', digits: 6 }
];

/** The last characters of an administrative level's name (自治区, 自治州, 地区 end in 区 and 州). */
const SUFFIX = new Set([...'省市州盟县区旗']);

/**
 * A region's levels, cut after a level suffix that ends a segment: a segment has two or more
 * characters and its suffix is not followed by another suffix character (`杭州市` is one level:
 * its 州 is followed by 市). Null when the region does not end in a level.
 */
export function levelCuts(r: string): string[] | null {
	const chars = [...r];
	const cuts: string[] = [];
	let start = 0;
	for (let i = 0; i < chars.length; i++) {
		if (!SUFFIX.has(chars[i]) || i - start < 1 || SUFFIX.has(chars[i + 1] ?? '')) continue;
		cuts.push(chars.slice(0, i + 1).join(''));
		start = i + 1;
	}
	return start === chars.length ? cuts : null;
}

/**
 * Every level of a region (`湖南省`, `湖南省株洲市`, `湖南省株洲市渌口区`), cut only after a whole level:
 * `浙江省杭州市` offers `浙江省` and itself, never `浙江省杭州`. A region that does not end in a level
 * is offered whole only.
 */
export function regionLevels(regions: readonly (string | null)[]): string[] {
	const out = new Set<string>();
	for (const r of regions) {
		if (!r) continue;
		out.add(r);
		for (const c of levelCuts(r) ?? []) out.add(c);
	}
	return [...out].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** A region code as the hierarchy reads it: 2, 4 or 6 digits. */
export function isRegionCode(code: string): boolean {
	return /^\d{2}$|^\d{4}$|^\d{6}$/.test(code);
}

/** The level a region code (2, 4 or 6 digits) names, or null. */
export function levelOf(code: string): RegionLevel | null {
	if (!isRegionCode(code)) return null;
	return REGION_LEVELS.find((l) => l.digits === code.length)!.level;
}

/** The level below, or null under a county (its children are units). */
export function childLevel(level: RegionLevel): RegionLevel | null {
	const i = REGION_LEVELS.findIndex((l) => l.level === level);
	return REGION_LEVELS[i + 1]?.level ?? null;
}

/**
 * The region codes a unit's 6-digit code belongs to, top down: 430212 → 43, 4302, 430212. A code
 * that ends in 00 or 0000 names a city or a province itself (430200: a unit of 株洲市, in no county).
 * Anything but six digits belongs to no region.
 */
export function codePath(code: string | null): string[] {
	if (!code || !/^\d{6}$/.test(code) || code.startsWith('00')) return [];
	const out = [code.slice(0, 2)];
	if (code.slice(2, 4) !== '00') out.push(code.slice(0, 4));
	if (code.slice(2, 4) !== '00' && code.slice(4, 6) !== '00') out.push(code);
	return out;
}

/** One level of a unit's place: its code, its name (`株洲市`) and the region text down to it (`湖南省株洲市`). */
export interface RegionStep {
	code: string;
	level: RegionLevel;
	name: string;
	full: string;
}

/**
 * A unit's place as levels: codes by prefix, names from the region text cut at level suffixes.
 * When the text's levels do not line up with the code's, a level is named by its code.
 */
export function regionPath(region: string | null, code: string | null): RegionStep[] {
	const codes = codePath(code);
	const cuts = region ? levelCuts(region) : null;
	const named = cuts !== null && cuts.length === codes.length;
	return codes.map((c, i) => {
		const full = named ? cuts[i] : c;
		const name = named ? (i === 0 ? full : full.slice(cuts[i - 1].length)) : c;
		return { code: c, level: levelOf(c)!, name, full };
	});
}

/** A region of the hierarchy, with the units under it. */
export interface RegionNode extends RegionStep {
	parent: string | null;
	/** Its child regions' codes, in code order. */
	children: string[];
	/** Units anywhere under it. */
	units: number;
	/** The unit's id when it holds one unit only (then it has no page of its own: see hasRegionPage), else null. */
	only: string | null;
}

/**
 * Whether a region has a page of its own: when it holds more than one unit. A region of one unit
 * would repeat that unit's page, so its links lead to the unit (a generated province has thousands
 * of one-unit counties; a real county holds dozens of units).
 */
export function hasRegionPage(n: Pick<RegionNode, 'units'>): boolean {
	return n.units > 1;
}

/** The units' regions as a tree: every province, city and county some unit's code names, by code. */
export function regionTree(
	units: readonly Pick<Row<'units'>, 'unit_id' | 'region' | 'region_code'>[]
): Map<string, RegionNode> {
	const nodes = new Map<string, RegionNode>();
	for (const u of units) {
		const path = regionPath(u.region, u.region_code);
		path.forEach((step, i) => {
			let n = nodes.get(step.code);
			if (!n) {
				n = {
					...step,
					parent: i > 0 ? path[i - 1].code : null,
					children: [],
					units: 0,
					only: null
				};
				nodes.set(step.code, n);
				if (i > 0) nodes.get(path[i - 1].code)!.children.push(step.code);
			} else if (n.name === n.code && step.name !== step.code) {
				// A later unit names a level the first one could not.
				Object.assign(n, { name: step.name, full: step.full });
			}
			n.units++;
			n.only = n.units === 1 ? u.unit_id : null;
		});
	}
	for (const n of nodes.values()) n.children.sort();
	return new Map([...nodes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A region's path from its province down to it, in the tree. */
export function ancestry(tree: ReadonlyMap<string, RegionNode>, code: string): RegionNode[] {
	const out: RegionNode[] = [];
	for (let n = tree.get(code); n; n = n.parent ? tree.get(n.parent) : undefined) out.unshift(n);
	return out;
}
