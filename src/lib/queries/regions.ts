// Queries of the region level (地区): the units' places, a region's years, KPIs and the ranking of its children, paged.
import type { Connector } from '../db/connector';
import { sqlString } from '../db/sql';
import { childLevel, levelOf, REGION_LEVELS, type Row } from '../schema';
import { kpis, type KpiRow, type YearRow } from './overview';
import { containsPattern, query, run, yearLit, type Query } from './query';
import { regionLit, regionUnitIds } from './region-sql';

/** A unit's place, for the hierarchy (src/lib/schema/regions.ts builds the tree from these). */
export type RegionUnitRow = Pick<
	Row<'units'>,
	'unit_id' | 'name' | 'short_name' | 'region' | 'region_code' | 'provenance'
>;

/** Every unit with a region code, in code order. */
export function regionUnits(): Query<RegionUnitRow> {
	return query(`
SELECT unit_id, name, short_name, region, region_code, provenance FROM units
WHERE region_code IS NOT NULL ORDER BY region_code, unit_id`);
}

/** How many units a region holds, as the tree counts them (a unit's page links a region of more than one). */
export interface RegionUnitsRow {
	code: string;
	units: number;
}

/** How many units each of these region codes (a unit's path: codePath) holds: the units regionUnitIds names. */
export function regionUnitCounts(codes: readonly string[]): Query<RegionUnitsRow> {
	if (codes.length === 0) return query(`SELECT NULL::VARCHAR AS code, 0 AS units WHERE false`);
	return query(
		codes
			.map(
				(c) =>
					`SELECT ${regionLit(c)} AS code, (SELECT count(*) FROM (${regionUnitIds(c)}))::INTEGER AS units`
			)
			.join('\nUNION ALL\n') + '\nORDER BY code'
	);
}

/** The years in which some unit under the region filed a form. */
export function regionYears(code: string): Query<YearRow> {
	return query(`
SELECT year, sum(forms)::INTEGER AS forms FROM unit_years
WHERE unit_id IN (${regionUnitIds(code)}) GROUP BY year ORDER BY year`);
}

/** A child of a region in its ranking: a region one level down, or a unit placed at the region itself (or under a county). */
export interface RegionRankRow extends Pick<
	Row<'evaluations'>,
	'provenance' | 'budget_final' | 'executed'
> {
	/** The child region's code, or the unit's id. */
	key: string;
	kind: 'region' | 'unit';
	/** The region's name (`株洲市`) or the unit's short name. */
	name: string;
	/** The region text down to it, or the unit's full name. */
	long_name: string;
	/** Units with a form in the year. */
	units: number;
	forms: number;
	/** Over department forms: executed ÷ final budget, and the median self-score (of 100). */
	exec_rate: number | null;
	score_pct: number | null;
	flags: number;
}

export const REGION_SORTS = [
	'name',
	'units',
	'forms',
	'budget_final',
	'executed',
	'exec_rate',
	'score_pct',
	'flags'
] as const;
export type RegionSort = (typeof REGION_SORTS)[number];

/** Which children, in which order, which page. */
export interface RegionRankFilter {
	year: number;
	/** Part of a name, full name or code/id (case aside). */
	q?: string | null;
	sort?: RegionSort | null;
	dir?: 'asc' | 'desc' | null;
	page: number;
	pageSize: number;
}

/**
 * The children's names by code (the tree's; SQL cannot cut a region text at level suffixes), and
 * the unit of a child that holds only one (its row links to the unit: it has no page).
 */
export type RegionNames = readonly {
	code: string;
	name: string;
	full: string;
	only: string | null;
}[];

/** The ranked children of a region in a year, every column, before order and paging. */
function rankedSql(code: string, f: RegionRankFilter, names: RegionNames): string {
	const y = yearLit(f.year);
	const level = levelOf(code);
	if (!level) throw new Error(`not a region code: ${code}`);
	const below = childLevel(level);
	const n = REGION_LEVELS.find((l) => l.level === below)?.digits ?? 0;
	// A unit whose code stops at this region (430200 under 4302), or any unit under a county, is a child itself.
	const key =
		below === null
			? 'unit_id'
			: `CASE WHEN substr(region_code, ${n - 1}, 2) = '00' THEN unit_id ELSE substr(region_code, 1, ${n}) END`;
	const kind =
		below === null
			? `'unit'`
			: `CASE WHEN substr(region_code, ${n - 1}, 2) = '00' THEN 'unit' ELSE 'region' END`;
	const values =
		names.length === 0
			? `SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS name, NULL::VARCHAR AS long_name WHERE false`
			: `SELECT * FROM (VALUES ${names
					.map((x) => `(${sqlString(x.code)}, ${sqlString(x.name)}, ${sqlString(x.full)})`)
					.join(', ')}) v(code, name, long_name)`;
	const q = f.q?.trim();
	const search = q
		? `WHERE name ILIKE ${containsPattern(q)} OR long_name ILIKE ${containsPattern(q)} OR key ILIKE ${containsPattern(q)}`
		: '';
	return `
WITH u AS (
	SELECT unit_id, coalesce(short_name, name) AS short_name, name, provenance,
		${key} AS key, ${kind} AS kind
	FROM units WHERE unit_id IN (${regionUnitIds(code)})
),
s AS (SELECT s.*, u.key FROM unit_years s JOIN u USING (unit_id) WHERE s.year = ${y}),
nm AS (${values}),
c AS (
	SELECT u.key, any_value(u.kind) AS kind,
		CASE WHEN any_value(u.kind) = 'unit' THEN any_value(u.short_name) ELSE coalesce(any_value(nm.name), u.key) END AS name,
		CASE WHEN any_value(u.kind) = 'unit' THEN any_value(u.name) ELSE coalesce(any_value(nm.long_name), u.key) END AS long_name,
		min(u.provenance) AS provenance
	FROM u LEFT JOIN nm ON nm.code = u.key GROUP BY u.key
),
d AS (
	SELECT key, count(*)::INTEGER AS units, sum(forms)::INTEGER AS forms,
		sum(budget_final ORDER BY unit_id) AS budget_final,
		sum(executed ORDER BY unit_id) AS executed,
		sum(rated_executed ORDER BY unit_id) / nullif(sum(rated_budget ORDER BY unit_id), 0) AS exec_rate,
		median(total_score / total_weight * 100) FILTER (WHERE total_weight > 0) AS score_pct,
		sum(flags)::INTEGER AS flags
	FROM s GROUP BY key
),
r AS (
	SELECT c.key, c.kind, c.name, c.long_name, c.provenance, d.units, d.forms, d.budget_final, d.executed,
		d.exec_rate, d.score_pct, d.flags
	FROM d JOIN c USING (key)
)
SELECT * FROM r ${search}`;
}

/** One page of a region's children in a year (those with forms that year), best self-score first by default. */
export function regionRanking(
	code: string,
	f: RegionRankFilter,
	names: RegionNames = []
): Query<RegionRankRow> {
	const sort: RegionSort = f.sort ?? 'score_pct';
	const dir = f.sort ? (f.dir ?? 'asc') : 'desc';
	const size = Math.max(1, Math.floor(f.pageSize));
	const offset = (Math.max(1, Math.floor(f.page)) - 1) * size;
	const by = sort;
	return query(`
SELECT * FROM (${rankedSql(code, f, names)})
ORDER BY ${by} ${dir === 'desc' ? 'DESC' : 'ASC'} NULLS LAST, key
LIMIT ${size} OFFSET ${offset}`);
}

/** How many children the ranking has (after the search). */
export function regionRankCount(
	code: string,
	f: RegionRankFilter,
	names: RegionNames = []
): Query<{ n: number }> {
	return query(`SELECT count(*)::INTEGER AS n FROM (${rankedSql(code, f, names)})`);
}

/** What a region page shows for a year: its KPIs and one page of its children. */
export interface RegionPageData {
	code: string;
	year: number;
	kpis: KpiRow;
	rows: RegionRankRow[];
	total: number;
}

/** A region's KPIs and one page of its ranking, from any Connector. */
export async function regionPage(
	db: Connector,
	code: string,
	f: RegionRankFilter,
	names: RegionNames = []
): Promise<RegionPageData> {
	regionLit(code);
	const [[k], rows, [count]] = await Promise.all([
		run(db, kpis(f.year, code)),
		run(db, regionRanking(code, f, names)),
		run(db, regionRankCount(code, f, names))
	]);
	return { code, year: f.year, kpis: k, rows, total: count.n };
}
