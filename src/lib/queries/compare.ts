// Queries of the compare page (对比): chosen units side by side over the years.
import type { Connector } from '../db/connector';
import { sqlString } from '../db/sql';
import type { Provenance, Row } from '../schema';
import { query, run, yearLit, type Query } from './query';

const inList = (ids: readonly string[]) => (ids.length ? ids.map(sqlString).join(', ') : "''");

export interface CompareRow {
	unit_id: string;
	short_name: string;
	provenance: Provenance;
	year: number;
	exec_rate: number | null;
	score_pct: number | null;
	budget_final: number | null;
	executed: number | null;
	metric_value: number | null;
}

/** Each chosen unit's department form per year, with one metric beside it. */
export function compareSeries(unitIds: readonly string[], metric: string): Query<CompareRow> {
	return query(`
SELECT e.unit_id, coalesce(u.short_name, u.name) AS short_name, u.provenance, e.year,
	CASE WHEN e.budget_final > 0 THEN e.executed / e.budget_final END AS exec_rate,
	CASE WHEN e.total_weight > 0 THEN e.total_score / e.total_weight * 100 END AS score_pct,
	e.budget_final, e.executed, m.value AS metric_value
FROM evaluations e JOIN units u USING (unit_id)
LEFT JOIN metrics m ON m.unit_id = e.unit_id AND m.year = e.year AND m.metric = ${sqlString(metric)}
WHERE e.form = 'department' AND e.unit_id IN (${inList(unitIds)})
ORDER BY e.unit_id, e.year`);
}

export interface HeatRow {
	unit_id: string;
	grp: string;
	weight: number | null;
	score: number | null;
	/** Share of the group's weight the unit earned (score ÷ weight), over all its forms of the year. */
	earned: number | null;
}

/** Units × level-2 indicator groups: the share of weight earned in one year. */
export function groupHeat(unitIds: readonly string[], year: number): Query<HeatRow> {
	return query(`
SELECT e.unit_id, regexp_replace(coalesce(i.level2, i.level1), '指标$', '') AS grp,
	sum(i.weight ORDER BY i.eval_id, i.seq) AS weight, sum(i.score ORDER BY i.eval_id, i.seq) AS score,
	sum(i.score ORDER BY i.eval_id, i.seq) / nullif(sum(i.weight ORDER BY i.eval_id, i.seq), 0) AS earned
FROM indicators i JOIN evaluations e USING (eval_id)
WHERE e.unit_id IN (${inList(unitIds)}) AND e.year = ${yearLit(year)}
GROUP BY ALL ORDER BY grp, e.unit_id`);
}

export type MetricOption = Pick<Row<'metric_dictionary'>, 'key' | 'zh' | 'en' | 'unit'>;

/** Metrics that any of the chosen units report. */
export function metricsOf(unitIds: readonly string[]): Query<MetricOption> {
	return query(`
SELECT DISTINCT d.key, d.zh, d.en, d.unit FROM metrics m JOIN metric_dictionary d ON d.key = m.metric
WHERE m.unit_id IN (${inList(unitIds)}) ORDER BY d.key`);
}

export interface CompareData {
	units: string[];
	metric: string;
	year: number;
	series: CompareRow[];
	heat: HeatRow[];
	metrics: MetricOption[];
}

export async function compareData(
	db: Connector,
	units: string[],
	metric: string,
	year: number
): Promise<CompareData> {
	const [series, heat, metrics] = await Promise.all([
		run(db, compareSeries(units, metric)),
		run(db, groupHeat(units, year)),
		run(db, metricsOf(units))
	]);
	return { units, metric, year, series, heat, metrics };
}
