// Queries of a unit's page (单位): the unit, its forms by year with their indicators, funding and metrics.
import type { Connector } from '../db/connector';
import { lit, query, run, yearLit, type Query } from './query';

/** Restricts a unit's forms to one year, or keeps all years. */
const inYear = (year?: number) => (year === undefined ? '' : ` AND e.year = ${yearLit(year)}`);

export interface UnitRow {
	unit_id: string;
	name: string;
	short_name: string | null;
	region: string | null;
	region_code: string | null;
	sector: string | null;
	provenance: 'published' | 'synthetic';
}

export function unitList(): Query<
	UnitRow & { forms: number; first_year: number | null; last_year: number | null }
> {
	return query(`
SELECT u.unit_id, u.name, u.short_name, u.region, u.region_code, u.sector, u.provenance,
	count(e.eval_id)::INTEGER AS forms, min(e.year)::INTEGER AS first_year, max(e.year)::INTEGER AS last_year
FROM units u LEFT JOIN evaluations e USING (unit_id)
GROUP BY ALL ORDER BY u.provenance, u.sector, u.unit_id`);
}

export function unit(unitId: string): Query<UnitRow> {
	return query(
		`SELECT unit_id, name, short_name, region, region_code, sector, provenance FROM units WHERE unit_id = ${lit(unitId)}`
	);
}

export interface EvaluationRow {
	eval_id: string;
	year: number;
	form: 'department' | 'project';
	project_name: string | null;
	budget_initial: number | null;
	budget_initial_text: string | null;
	budget_final: number | null;
	budget_final_text: string | null;
	executed: number | null;
	executed_text: string | null;
	exec_rate_reported: number | null;
	exec_rate_reported_text: string | null;
	exec_weight: number | null;
	exec_weight_text: string | null;
	exec_score: number | null;
	exec_score_text: string | null;
	total_weight: number | null;
	total_weight_text: string | null;
	total_score: number | null;
	total_score_text: string | null;
	grade_reported: string | null;
	exec_reason: string | null;
	goal_planned: string | null;
	goal_achieved: string | null;
	problems: string | null;
	improvements: string | null;
	source: string | null;
	notes: string | null;
	provenance: 'published' | 'synthetic';
}

export function unitEvaluations(unitId: string, year?: number): Query<EvaluationRow> {
	return query(`
SELECT e.* EXCLUDE (unit_id) FROM evaluations e WHERE e.unit_id = ${lit(unitId)}${inYear(year)}
ORDER BY e.year DESC, e.form, e.eval_id`);
}

export interface IndicatorRow {
	eval_id: string;
	seq: number;
	level1: string;
	level2: string | null;
	level3: string;
	comparator: string | null;
	target_text: string | null;
	target_value: number | null;
	actual_text: string | null;
	actual_value: number | null;
	unit: string | null;
	weight: number | null;
	score: number | null;
	deviation_reason: string | null;
}

export function unitIndicators(unitId: string, year?: number): Query<IndicatorRow> {
	return query(`
SELECT i.* FROM indicators i JOIN evaluations e USING (eval_id)
WHERE e.unit_id = ${lit(unitId)}${inYear(year)} ORDER BY i.eval_id, i.seq`);
}

export interface FundingRow {
	eval_id: string;
	dimension: 'source' | 'revenue' | 'nature' | 'economic';
	seq: number | null;
	item: string;
	budget_initial: number | null;
	budget_initial_text: string | null;
	budget_final: number | null;
	budget_final_text: string | null;
	executed: number | null;
	executed_text: string | null;
}

export function unitFunding(unitId: string, year?: number): Query<FundingRow> {
	return query(`
SELECT f.* FROM funding f JOIN evaluations e USING (eval_id)
WHERE e.unit_id = ${lit(unitId)}${inYear(year)} ORDER BY f.eval_id, f.seq NULLS LAST, f.dimension, f.item`);
}

export interface MetricRow {
	year: number;
	metric: string;
	zh: string;
	en: string;
	unit: string;
	value: number;
	value_text: string | null;
	source: string | null;
}

export function unitMetrics(unitId: string): Query<MetricRow> {
	return query(`
SELECT m.year, m.metric, d.zh, d.en, d.unit, m.value, m.value_text, m.source
FROM metrics m JOIN metric_dictionary d ON d.key = m.metric
WHERE m.unit_id = ${lit(unitId)} ORDER BY m.year DESC, m.metric`);
}

export interface UnitYearRow {
	year: number;
	forms: number;
	budget_final: number | null;
	executed: number | null;
	exec_rate: number | null;
	total_score: number | null;
	total_weight: number | null;
	provenance: 'published' | 'synthetic';
}

/** One line per year: the department form's budget, execution and score, and how many forms were filed. */
export function unitYears(unitId: string): Query<UnitYearRow> {
	return query(`
SELECT e.year, count(*)::INTEGER AS forms,
	any_value(e.budget_final) FILTER (WHERE e.form = 'department') AS budget_final,
	any_value(e.executed) FILTER (WHERE e.form = 'department') AS executed,
	any_value(CASE WHEN e.budget_final > 0 THEN e.executed / e.budget_final END) FILTER (WHERE e.form = 'department') AS exec_rate,
	any_value(e.total_score) FILTER (WHERE e.form = 'department') AS total_score,
	any_value(e.total_weight) FILTER (WHERE e.form = 'department') AS total_weight,
	min(e.provenance) AS provenance
FROM evaluations e WHERE e.unit_id = ${lit(unitId)}
GROUP BY e.year ORDER BY e.year DESC`);
}

export interface UnitYearData {
	year: number;
	evaluations: EvaluationRow[];
	indicators: IndicatorRow[];
	funding: FundingRow[];
}

/** Every form a unit filed in one year, with its indicators and funding rows. */
export async function unitYearData(
	db: Connector,
	unitId: string,
	year: number
): Promise<UnitYearData> {
	const [evaluations, indicators, funding] = await Promise.all([
		run(db, unitEvaluations(unitId, year)),
		run(db, unitIndicators(unitId, year)),
		run(db, unitFunding(unitId, year))
	]);
	return { year, evaluations, indicators, funding };
}
