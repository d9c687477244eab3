// Queries of the overview (总览): the years, the year's KPIs, and execution by unit, from the unit-year summaries (unit_years).
import type { Connector } from '../db/connector';
import type { Row } from '../schema';
import { query, run, yearLit, type Query } from './query';
import { regionUnitIds } from './region-sql';

export interface YearRow {
	year: number;
	forms: number;
}

export function years(): Query<YearRow> {
	return query(`SELECT year, forms FROM year_totals ORDER BY year`);
}

export interface KpiRow {
	year: number;
	units: number;
	forms: number;
	project_forms: number;
	synthetic_forms: number;
	published_forms: number;
	/** Sums over department forms only: project forms are part of a department's budget. */
	budget_final: number | null;
	executed: number | null;
	exec_rate: number | null;
	median_score_pct: number | null;
	/** Audit flags on the year's forms, and forms whose self-score is 5+ points (of 100) above the rules'. */
	flags: number;
	inflated_forms: number;
	/** Forms of either kind whose execution rate (executed ÷ final budget) is below 90%. */
	low_exec_forms: number;
}

/**
 * The year's KPIs, over every unit or (`region`: a 2-, 4- or 6-digit code) over the units whose
 * region code starts with it (see src/lib/schema/regions.ts).
 */
export function kpis(year: number, region?: string): Query<KpiRow> {
	const y = yearLit(year);
	const inRegion = region === undefined ? '' : ` AND unit_id IN (${regionUnitIds(region)})`;
	// From the unit-year summaries (src/lib/queries/summary.ts); sums run in unit order.
	return query(`
WITH s AS (SELECT * FROM unit_years WHERE year = ${y}${inRegion})
SELECT ${y}::INTEGER AS year,
	count(*)::INTEGER AS units,
	coalesce(sum(forms), 0)::INTEGER AS forms,
	coalesce(sum(project_forms), 0)::INTEGER AS project_forms,
	coalesce(sum(synthetic_forms), 0)::INTEGER AS synthetic_forms,
	coalesce(sum(published_forms), 0)::INTEGER AS published_forms,
	sum(budget_final ORDER BY unit_id) AS budget_final,
	sum(executed ORDER BY unit_id) AS executed,
	sum(rated_executed ORDER BY unit_id) / sum(rated_budget ORDER BY unit_id) AS exec_rate,
	median(total_score / total_weight * 100) FILTER (WHERE total_weight > 0) AS median_score_pct,
	coalesce(sum(flags), 0)::INTEGER AS flags,
	coalesce(sum(inflated_forms), 0)::INTEGER AS inflated_forms,
	coalesce(sum(low_exec_forms), 0)::INTEGER AS low_exec_forms
FROM s`);
}

/**
 * The KPIs over department forms, counted like-for-like (同口径): only the units whose department
 * form gives every figure (a final budget above 0, executed, a score) in both the year and the year before,
 * so a unit that appears, leaves or leaves a figure blank in one year moves none of them.
 */
export interface LikeForLikeRow {
	year: number;
	/** Units with a complete department form in both years. */
	units: number;
	budget_final: number | null;
	prev_budget_final: number | null;
	executed: number | null;
	prev_executed: number | null;
	exec_rate: number | null;
	prev_exec_rate: number | null;
	median_score_pct: number | null;
	prev_median_score_pct: number | null;
}

/** The year's and the year before's department-form KPIs over the same units, complete in both (同口径). */
export function likeForLike(year: number): Query<LikeForLikeRow> {
	const y = yearLit(year);
	const p = yearLit(year - 1);
	// One row per unit and year (unit_years); a unit-year whose figures are not all given drops out of both years.
	// Sums run in unit order, so both engines add the same floats in the same order.
	return query(`
WITH d AS (
	SELECT unit_id, year, budget_final, executed, total_score / total_weight * 100 AS score_pct
	FROM unit_years WHERE year IN (${p}, ${y}) AND complete = 1
),
n AS (SELECT * FROM d WHERE year = ${y}),
b AS (SELECT * FROM d WHERE year = ${p}),
c AS (SELECT unit_id, n.budget_final AS nb, b.budget_final AS bb, n.executed AS ne, b.executed AS be,
	n.score_pct AS ns, b.score_pct AS bs FROM n JOIN b USING (unit_id))
SELECT ${y}::INTEGER AS year, count(*)::INTEGER AS units,
	sum(nb ORDER BY unit_id) AS budget_final, sum(bb ORDER BY unit_id) AS prev_budget_final,
	sum(ne ORDER BY unit_id) AS executed, sum(be ORDER BY unit_id) AS prev_executed,
	sum(ne ORDER BY unit_id) / nullif(sum(nb ORDER BY unit_id), 0) AS exec_rate, sum(be ORDER BY unit_id) / nullif(sum(bb ORDER BY unit_id), 0) AS prev_exec_rate,
	median(ns) AS median_score_pct, median(bs) AS prev_median_score_pct
FROM c`);
}

/** A unit's department form of the year; recomputed_pct and gap_pct from its audit (of 100). */
export interface UnitExecRow
	extends
		Pick<Row<'units'>, 'unit_id' | 'name'>,
		Pick<
			Row<'evaluations'>,
			'provenance' | 'budget_final' | 'executed' | 'total_score' | 'total_weight'
		>,
		Pick<Row<'audit_forms'>, 'recomputed_pct' | 'gap_pct'> {
	/** Short name, else the full name. */
	short_name: string;
	/** Recomputed as executed / final budget. */
	exec_rate: number | null;
	score_pct: number | null;
	project_forms: number;
	/** Flags on any of the unit's forms of the year. */
	flags: number;
	/** The same unit's department form of the year before, if any. */
	prev_exec_rate: number | null;
	prev_score_pct: number | null;
	prev_budget_final: number | null;
}

/** Which of the year's units `execByUnit` returns. */
export type UnitSlice =
	/** Every unit, highest execution rate first. */
	| { all: true }
	/** The ranking's first `n`: self-score (of 100) highest first, then as `all`. */
	| { ranked: number }
	/** The chart's bars, highest rate first: every unit when there are at most `n`, else the `n` lowest rates. */
	| { bars: number };

const ALL_UNITS: UnitSlice = { all: true };
const EXEC_ORDER = 'exec_rate DESC NULLS LAST, unit_id';

/** Each unit's department form of the year, with last year's figures: every unit, or a slice of them. */
export function execByUnit(year: number, slice: UnitSlice = ALL_UNITS): Query<UnitExecRow> {
	const y = yearLit(year);
	const n = 'ranked' in slice ? slice.ranked : 'bars' in slice ? slice.bars : 1;
	if (!Number.isInteger(n) || n < 1) throw new RangeError(`a slice of ${n} units`);
	const rows = `
SELECT u.unit_id, u.name, coalesce(u.short_name, u.name) AS short_name, s.provenance,
	s.budget_final, s.executed,
	CASE WHEN s.budget_final > 0 THEN s.executed / s.budget_final END AS exec_rate,
	s.total_score, s.total_weight,
	CASE WHEN s.total_weight > 0 THEN s.total_score / s.total_weight * 100 END AS score_pct,
	s.project_forms, s.recomputed_pct, s.gap_pct, s.flags,
	CASE WHEN l.budget_final > 0 THEN l.executed / l.budget_final END AS prev_exec_rate,
	CASE WHEN l.total_weight > 0 THEN l.total_score / l.total_weight * 100 END AS prev_score_pct,
	l.budget_final AS prev_budget_final
FROM unit_years s JOIN units u USING (unit_id)
LEFT JOIN unit_years l ON l.unit_id = s.unit_id AND l.year = s.year - 1 AND l.department_forms > 0
WHERE s.year = ${y} AND s.department_forms > 0`;
	if ('ranked' in slice)
		return query(`SELECT * FROM (${rows}) r
ORDER BY score_pct DESC NULLS LAST, ${EXEC_ORDER} LIMIT ${n}`);
	if ('bars' in slice) {
		// The lowest rates are the last rated rows of the `all` order.
		return query(`WITH r AS (${rows})
SELECT * FROM r WHERE (SELECT count(*) FROM r) <= ${n} OR r.unit_id IN (
	SELECT unit_id FROM r WHERE exec_rate IS NOT NULL ORDER BY exec_rate ASC, unit_id DESC LIMIT ${n})
ORDER BY ${EXEC_ORDER}`);
	}
	return query(`${rows}
ORDER BY ${EXEC_ORDER}`);
}

/** The self-score (of 100) of each unit's department form of the year, for the score bins. */
export function unitScores(year: number): Query<{ score_pct: number | null }> {
	return query(`
SELECT CASE WHEN total_weight > 0 THEN total_score / total_weight * 100 END AS score_pct
FROM unit_years WHERE year = ${yearLit(year)} AND department_forms > 0 ORDER BY unit_id`);
}

export interface OverviewData {
	year: number;
	years: YearRow[];
	kpis: KpiRow;
	/** The year before's KPIs, when the data has that year. */
	prev: KpiRow | null;
	/** The department-form KPIs over the units present in both years, when the data has the year before. */
	like: LikeForLikeRow | null;
	units: UnitExecRow[];
}

/** The year's KPIs beside the year before's, without its units. */
type YearHead = Omit<OverviewData, 'units'>;

async function yearHead(db: Connector, year: number): Promise<YearHead> {
	const [ys, [k], [p], [like]] = await Promise.all([
		run(db, years()),
		run(db, kpis(year)),
		run(db, kpis(year - 1)),
		run(db, likeForLike(year))
	]);
	const prev = p.forms > 0 ? p : null;
	return { year, years: ys, kpis: k, prev, like: prev && like.units > 0 ? like : null };
}

/** Everything the overview shows for one year, from any Connector. */
export async function overviewData(db: Connector, year: number): Promise<OverviewData> {
	const [head, units] = await Promise.all([yearHead(db, year), run(db, execByUnit(year))]);
	return { ...head, units };
}

/** The overview of a year without every unit's row: what a year change shows first at any size. */
export interface OverviewFirst extends YearHead {
	/** The ranking's first `keep` rows. */
	ranked: UnitExecRow[];
	/** The chart's bars (`execByUnit`'s `bars` slice). */
	bars: UnitExecRow[];
	/** Every unit's self-score (of 100), for the bins; its length is the number of units. */
	scores: (number | null)[];
}

/** The first answer to a year: its KPIs, the ranking's first `keep` rows, the bars and every self-score. */
export async function overviewFirst(
	db: Connector,
	year: number,
	keep: number,
	bars: number
): Promise<OverviewFirst> {
	const [head, ranked, barRows, scores] = await Promise.all([
		yearHead(db, year),
		run(db, execByUnit(year, { ranked: keep })),
		run(db, execByUnit(year, { bars })),
		run(db, unitScores(year))
	]);
	return { ...head, ranked, bars: barRows, scores: scores.map((s) => s.score_pct) };
}

/** The latest year that has forms. */
export async function latestYear(db: Connector): Promise<number> {
	const ys = await run(db, years());
	if (ys.length === 0) throw new Error('the dataset has no evaluations');
	return ys[ys.length - 1].year;
}
