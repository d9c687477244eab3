// Queries of the overview (总览): the years, the year's KPIs, and execution by unit.
import type { Connector } from '../db/connector';
import type { Row } from '../schema';
import { query, run, yearLit, type Query } from './query';
import { regionUnitIds } from './region-sql';

export interface YearRow {
	year: number;
	forms: number;
}

export function years(): Query<YearRow> {
	return query(
		`SELECT year, count(*)::INTEGER AS forms FROM evaluations GROUP BY year ORDER BY year`
	);
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
	return query(`
WITH f AS (SELECT * FROM evaluations WHERE year = ${y}${inRegion}),
d AS (SELECT * FROM f WHERE form = 'department')
SELECT ${y}::INTEGER AS year,
	(SELECT count(DISTINCT unit_id) FROM f)::INTEGER AS units,
	(SELECT count(*) FROM f)::INTEGER AS forms,
	(SELECT count(*) FROM f WHERE form = 'project')::INTEGER AS project_forms,
	(SELECT count(*) FROM f WHERE provenance = 'synthetic')::INTEGER AS synthetic_forms,
	(SELECT count(*) FROM f WHERE provenance = 'published')::INTEGER AS published_forms,
	(SELECT sum(budget_final ORDER BY eval_id) FROM d) AS budget_final,
	(SELECT sum(executed ORDER BY eval_id) FROM d) AS executed,
	(SELECT sum(executed ORDER BY eval_id) / sum(budget_final ORDER BY eval_id) FROM d WHERE budget_final > 0 AND executed IS NOT NULL) AS exec_rate,
	(SELECT median(total_score / total_weight * 100) FROM d WHERE total_weight > 0) AS median_score_pct,
	(SELECT count(*) FROM audit_flags WHERE year = ${y}${inRegion})::INTEGER AS flags,
	(SELECT count(*) FROM audit_forms WHERE year = ${y}${inRegion} AND gap_pct >= 5)::INTEGER AS inflated_forms,
	(SELECT count(*) FROM f WHERE budget_final > 0 AND executed / budget_final < 0.9)::INTEGER AS low_exec_forms`);
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
	// One row per unit and year; a unit-year whose figures are not all given drops out of both years.
	// Sums run in unit order, so both engines add the same floats in the same order.
	return query(`
WITH d AS (
	SELECT unit_id, year, sum(budget_final ORDER BY eval_id) AS budget_final,
		sum(executed ORDER BY eval_id) AS executed,
		sum(total_score ORDER BY eval_id) / sum(total_weight ORDER BY eval_id) * 100 AS score_pct
	FROM evaluations WHERE form = 'department' AND year IN (${p}, ${y})
	GROUP BY unit_id, year
	HAVING count(budget_final) = count(*) AND sum(budget_final) > 0 AND count(executed) = count(*)
		AND count(total_score) = count(*) AND sum(total_weight) > 0
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

/** Each unit's department form of the year, highest execution rate first, with last year's figures. */
export function execByUnit(year: number): Query<UnitExecRow> {
	const y = yearLit(year);
	return query(`
SELECT u.unit_id, u.name, coalesce(u.short_name, u.name) AS short_name, e.provenance,
	e.budget_final, e.executed,
	CASE WHEN e.budget_final > 0 THEN e.executed / e.budget_final END AS exec_rate,
	e.total_score, e.total_weight,
	CASE WHEN e.total_weight > 0 THEN e.total_score / e.total_weight * 100 END AS score_pct,
	coalesce(pc.n, 0)::INTEGER AS project_forms,
	a.recomputed_pct, a.gap_pct, coalesce(fl.n, 0)::INTEGER AS flags,
	CASE WHEN l.budget_final > 0 THEN l.executed / l.budget_final END AS prev_exec_rate,
	CASE WHEN l.total_weight > 0 THEN l.total_score / l.total_weight * 100 END AS prev_score_pct,
	l.budget_final AS prev_budget_final
FROM evaluations e JOIN units u USING (unit_id)
LEFT JOIN evaluations l ON l.unit_id = e.unit_id AND l.year = e.year - 1 AND l.form = 'department'
LEFT JOIN (SELECT unit_id, count(*) AS n FROM evaluations WHERE year = ${y} AND form = 'project' GROUP BY unit_id) pc
	ON pc.unit_id = e.unit_id
LEFT JOIN audit_forms a ON a.eval_id = e.eval_id
LEFT JOIN (SELECT unit_id, count(*) AS n FROM audit_flags WHERE year = ${y} GROUP BY unit_id) fl
	ON fl.unit_id = e.unit_id
WHERE e.year = ${y} AND e.form = 'department'
ORDER BY exec_rate DESC NULLS LAST, u.unit_id`);
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

/** Everything the overview shows for one year, from any Connector. */
export async function overviewData(db: Connector, year: number): Promise<OverviewData> {
	const [ys, [k], [p], [like], units] = await Promise.all([
		run(db, years()),
		run(db, kpis(year)),
		run(db, kpis(year - 1)),
		run(db, likeForLike(year)),
		run(db, execByUnit(year))
	]);
	const prev = p.forms > 0 ? p : null;
	return { year, years: ys, kpis: k, prev, like: prev && like.units > 0 ? like : null, units };
}

/** The latest year that has forms. */
export async function latestYear(db: Connector): Promise<number> {
	const ys = await run(db, years());
	if (ys.length === 0) throw new Error('the dataset has no evaluations');
	return ys[ys.length - 1].year;
}
