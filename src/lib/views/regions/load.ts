// What the region pages prerender: the tree of the units' places, and a region's KPIs and first page of its ranking for its latest year.
import type { Connector } from '../../db/connector';
import { run } from '../../queries/query';
import {
	regionPage,
	regionUnits,
	regionYears,
	type RegionNames,
	type RegionPageData
} from '../../queries/regions';
import { ancestry, hasRegionPage, regionTree, type RegionNode } from '../../schema/regions';
import { DEFAULT_PAGE_SIZE } from './sizes';

/** The tree, asked once per database (every region page of a build needs it). */
const trees = new WeakMap<Connector, Promise<Map<string, RegionNode>>>();

/** The units' places as a tree, by code. */
export function loadRegionTree(db: Connector): Promise<Map<string, RegionNode>> {
	let t = trees.get(db);
	if (!t) {
		t = run(db, regionUnits()).then(regionTree);
		trees.set(db, t);
	}
	return t;
}

/** The list of regions: every province with its cities (counties are listed on their city's page). */
export interface RegionsIndex {
	provinces: { node: RegionNode; cities: RegionNode[] }[];
}

export async function loadRegionsIndex(db: Connector): Promise<RegionsIndex> {
	const tree = await loadRegionTree(db);
	const provinces = [...tree.values()]
		.filter((n) => n.level === 'province')
		.map((node) => ({ node, cities: node.children.map((c) => tree.get(c)!) }));
	return { provinces };
}

/** Every region code with a page: provinces, cities and counties of more than one unit. */
export async function regionCodes(db: Connector): Promise<string[]> {
	return [...(await loadRegionTree(db)).values()].filter(hasRegionPage).map((n) => n.code);
}

/** A region page's prerendered data. */
export interface RegionPrerendered {
	/** The region and those above it, province first. */
	path: RegionNode[];
	/** Its children's names (the ranking's SQL joins them). */
	names: RegionNames;
	/** The years its units filed forms in, oldest first. */
	years: number[];
	/** The latest year's KPIs and the first page of the ranking in the default order; null without forms. */
	page: RegionPageData | null;
}

/** The names the ranking joins: the region's child regions. */
export function childNames(tree: ReadonlyMap<string, RegionNode>, code: string): RegionNames {
	return (tree.get(code)?.children ?? []).map((c) => {
		const n = tree.get(c)!;
		return { code: n.code, name: n.name, full: n.full, only: n.only };
	});
}

export async function loadRegion(db: Connector, code: string): Promise<RegionPrerendered | null> {
	const tree = await loadRegionTree(db);
	const node = tree.get(code);
	if (!node || !hasRegionPage(node)) return null;
	const years = (await run(db, regionYears(code))).map((y) => y.year);
	const names = childNames(tree, code);
	if (years.length === 0) return { path: ancestry(tree, code), names, years, page: null };
	const page = await regionPage(
		db,
		code,
		{ year: years[years.length - 1], page: 1, pageSize: DEFAULT_PAGE_SIZE },
		names
	);
	return { path: ancestry(tree, code), names, years, page };
}
