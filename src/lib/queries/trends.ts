// Queries of the trends page (趋势): all units over the years.
import type { Connector } from '../db/connector';
import { DISCIPLINE_SECTOR, type Row } from '../schema';
import { sqlString } from '../db/sql';
import { query, run, type Query } from './query';

export interface YearStatsRow {
	year: number;
	forms: number;
	department_forms: number;
	synthetic_forms: number;
	rate_q1: number | null;
	rate_median: number | null;
	rate_q3: number | null;
	score_q1: number | null;
	score_median: number | null;
	score_q3: number | null;
	budget_final: number | null;
	executed: number | null;
	/** Forms of any kind whose recomputed execution rate is below 90%. */
	below_90: number;
	below_90_department: number;
}

/** Per year: quartiles of execution rate and self-score (units' department forms), totals, forms below 90%; from the unit-year summaries. */
export function yearStats(): Query<YearStatsRow> {
	return query(`
WITH s AS (
	SELECT *, CASE WHEN budget_final > 0 THEN executed / budget_final END AS rate,
		CASE WHEN total_weight > 0 THEN total_score / total_weight * 100 END AS score
	FROM unit_years
)
SELECT year, sum(forms)::INTEGER AS forms,
	sum(department_forms)::INTEGER AS department_forms,
	sum(synthetic_forms)::INTEGER AS synthetic_forms,
	quantile_cont(rate, 0.25) FILTER (WHERE department_forms > 0) AS rate_q1,
	quantile_cont(rate, 0.5) FILTER (WHERE department_forms > 0) AS rate_median,
	quantile_cont(rate, 0.75) FILTER (WHERE department_forms > 0) AS rate_q3,
	quantile_cont(score, 0.25) FILTER (WHERE department_forms > 0) AS score_q1,
	quantile_cont(score, 0.5) FILTER (WHERE department_forms > 0) AS score_median,
	quantile_cont(score, 0.75) FILTER (WHERE department_forms > 0) AS score_q3,
	sum(budget_final ORDER BY unit_id) AS budget_final,
	sum(executed ORDER BY unit_id) AS executed,
	sum(low_exec_forms)::INTEGER AS below_90,
	sum(low_exec_department)::INTEGER AS below_90_department
FROM s GROUP BY year ORDER BY year`);
}

export interface MetricTotalRow
	extends
		Pick<Row<'metrics'>, 'year' | 'metric'>,
		Pick<Row<'metric_dictionary'>, 'zh' | 'en' | 'unit'> {
	total: number;
	units: number;
}

/** Per year and metric of a sector: the total over units and how many units reported it. */
export function metricTotals(sector: string): Query<MetricTotalRow> {
	return query(`
SELECT m.year, m.metric, d.zh, d.en, d.unit, sum(m.value ORDER BY m.unit_id) AS total, count(*)::INTEGER AS units
FROM metrics m JOIN metric_dictionary d ON d.key = m.metric
WHERE d.sector = ${sqlString(sector)}
GROUP BY ALL ORDER BY m.year, m.metric`);
}

export interface TrendsData {
	years: YearStatsRow[];
	cases: MetricTotalRow[];
}

export async function trendsData(db: Connector): Promise<TrendsData> {
	const [years, cases] = await Promise.all([
		run(db, yearStats()),
		run(db, metricTotals(DISCIPLINE_SECTOR))
	]);
	return { years, cases };
}
