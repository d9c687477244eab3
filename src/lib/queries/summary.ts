// The summaries' SQL: the derived tables of src/lib/schema/summary-tables.ts, rebuilt from the forms and their audit after every load (Node's build and the browser's import alike).
import { deleteAllSql } from '../db/load';
import { SUMMARY_TABLES } from '../schema';

/** Fills unit_years from evaluations, audit_forms and audit_flags; sums run in eval_id order, so any engine adds the same floats. */
const UNIT_YEARS_SQL = `
INSERT INTO unit_years BY NAME
WITH e AS (
	SELECT e.*, CASE WHEN e.budget_final > 0 THEN e.executed / e.budget_final END AS rate,
		a.recomputed_pct, a.gap_pct
	FROM evaluations e LEFT JOIN audit_forms a USING (eval_id)
),
f AS (
	SELECT unit_id, year, count(*)::INTEGER AS forms,
		count(*) FILTER (WHERE form = 'department')::INTEGER AS department_forms,
		count(*) FILTER (WHERE form = 'project')::INTEGER AS project_forms,
		count(*) FILTER (WHERE provenance = 'synthetic')::INTEGER AS synthetic_forms,
		count(*) FILTER (WHERE provenance = 'published')::INTEGER AS published_forms,
		count(*) FILTER (WHERE rate < 0.9)::INTEGER AS low_exec_forms,
		count(*) FILTER (WHERE rate < 0.9 AND form = 'department')::INTEGER AS low_exec_department,
		count(*) FILTER (WHERE gap_pct >= 5)::INTEGER AS inflated_forms,
		-- Synthetic when any department form is (a sum with a synthetic part is never shown as published).
		CASE WHEN bool_or(provenance = 'synthetic') FILTER (WHERE form = 'department') THEN 'synthetic'
			ELSE min(provenance) FILTER (WHERE form = 'department') END AS provenance,
		sum(budget_final ORDER BY eval_id) FILTER (WHERE form = 'department') AS budget_final,
		sum(executed ORDER BY eval_id) FILTER (WHERE form = 'department') AS executed,
		sum(budget_final ORDER BY eval_id) FILTER (WHERE form = 'department' AND budget_final > 0 AND executed IS NOT NULL) AS rated_budget,
		sum(executed ORDER BY eval_id) FILTER (WHERE form = 'department' AND budget_final > 0 AND executed IS NOT NULL) AS rated_executed,
		sum(total_score ORDER BY eval_id) FILTER (WHERE form = 'department') AS total_score,
		sum(total_weight ORDER BY eval_id) FILTER (WHERE form = 'department') AS total_weight,
		CASE WHEN count(*) FILTER (WHERE form = 'department') > 0
			AND count(budget_final) FILTER (WHERE form = 'department') = count(*) FILTER (WHERE form = 'department')
			AND count(executed) FILTER (WHERE form = 'department') = count(*) FILTER (WHERE form = 'department')
			AND count(total_score) FILTER (WHERE form = 'department') = count(*) FILTER (WHERE form = 'department')
			AND sum(budget_final) FILTER (WHERE form = 'department') > 0
			AND sum(total_weight) FILTER (WHERE form = 'department') > 0 THEN 1 ELSE 0 END AS complete,
		-- The audit's score is one form's: given only when the unit filed one department form that year.
		CASE WHEN count(*) FILTER (WHERE form = 'department') = 1
			THEN min(recomputed_pct) FILTER (WHERE form = 'department') END AS recomputed_pct,
		CASE WHEN count(*) FILTER (WHERE form = 'department') = 1
			THEN min(gap_pct) FILTER (WHERE form = 'department') END AS gap_pct
	FROM e GROUP BY unit_id, year
),
fl AS (SELECT unit_id, year, count(*)::INTEGER AS flags FROM audit_flags WHERE year IS NOT NULL GROUP BY unit_id, year)
SELECT f.unit_id, f.year, f.forms, f.department_forms, f.project_forms, f.synthetic_forms,
	f.published_forms, f.low_exec_forms, f.low_exec_department, coalesce(fl.flags, 0)::INTEGER AS flags,
	f.inflated_forms, f.provenance, f.budget_final, f.executed, f.rated_budget,
	f.rated_executed, f.total_score, f.total_weight, f.complete, f.recomputed_pct, f.gap_pct
FROM f LEFT JOIN fl USING (unit_id, year)
ORDER BY f.unit_id, f.year`;

/** Fills year_totals from unit_years. */
const YEAR_TOTALS_SQL = `
INSERT INTO year_totals BY NAME
SELECT year, sum(forms)::INTEGER AS forms, count(*)::INTEGER AS units FROM unit_years GROUP BY year ORDER BY year`;

/** The statements that rebuild every summary table from what the database holds, in order. */
export function summarySql(): string[] {
	return [...SUMMARY_TABLES.map((t) => deleteAllSql(t.name)), UNIT_YEARS_SQL, YEAR_TOTALS_SQL];
}
