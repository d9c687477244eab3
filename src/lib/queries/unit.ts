// Queries of a unit's page (单位): the unit, its forms by year with their indicators, funding and metrics.
import type { Connector } from '../db/connector';
import type { ColumnName, FundingDimension, Provenance, Row } from '../schema';
import { unitYearAudit, type FormAuditData } from './audit';
import { sqlString } from '../db/sql';
import { containsPattern, query, run, yearLit, type Query } from './query';
import { unitYearTrace, type TraceRow } from './trace';

/** Restricts a unit's forms to one year, or keeps all years. */
const inYear = (year?: number) => (year === undefined ? '' : ` AND e.year = ${yearLit(year)}`);

export type UnitRow = Pick<
	Row<'units'>,
	'unit_id' | 'name' | 'short_name' | 'region' | 'region_code' | 'sector' | 'provenance'
>;

/** A unit in the list of all units, with how many forms it has and over which years. */
export type UnitListRow = UnitRow & {
	forms: number;
	first_year: number | null;
	last_year: number | null;
};

export function unitList(): Query<UnitListRow> {
	return query(`
SELECT u.unit_id, u.name, u.short_name, u.region, u.region_code, u.sector, u.provenance,
	count(e.eval_id)::INTEGER AS forms, min(e.year)::INTEGER AS first_year, max(e.year)::INTEGER AS last_year
FROM units u LEFT JOIN evaluations e USING (unit_id)
GROUP BY ALL ORDER BY u.provenance, u.sector, u.unit_id`);
}

/** A unit as filters and pickers offer it: short name first, full name beside it. */
export interface UnitChoice {
	unit_id: string;
	name: string;
	full: string;
	provenance: Provenance;
	/** Where it is (a picker matches these too). */
	region?: string | null;
	region_code?: string | null;
}

export function unitChoice(u: UnitRow): UnitChoice {
	return {
		unit_id: u.unit_id,
		name: u.short_name ?? u.name,
		full: u.name,
		provenance: u.provenance,
		region: u.region,
		region_code: u.region_code
	};
}

/** Every unit, plain: for matching the name a dropped document prints to a unit already loaded. */
export function allUnits(): Query<UnitRow> {
	return query(
		`SELECT unit_id, name, short_name, region, region_code, sector, provenance FROM units ORDER BY unit_id`
	);
}

export function unit(unitId: string): Query<UnitRow> {
	return query(
		`SELECT unit_id, name, short_name, region, region_code, sector, provenance FROM units WHERE unit_id = ${sqlString(unitId)}`
	);
}

/** A form as printed: every column but the unit (the audit's figures, goals, report texts, where it came from). */
export type EvaluationRow = Omit<Row<'evaluations'>, 'unit_id'>;

export function unitEvaluations(unitId: string, year?: number): Query<EvaluationRow> {
	return query(`
SELECT e.* EXCLUDE (unit_id) FROM evaluations e WHERE e.unit_id = ${sqlString(unitId)}${inYear(year)}
ORDER BY e.year DESC, e.form, e.eval_id`);
}

/** An indicator row as printed (the audit reads the same columns). */
export type IndicatorRow = Row<'indicators'>;

export function unitIndicators(unitId: string, year?: number): Query<IndicatorRow> {
	return query(`
SELECT i.* FROM indicators i JOIN evaluations e USING (eval_id)
WHERE e.unit_id = ${sqlString(unitId)}${inYear(year)} ORDER BY i.eval_id, i.seq`);
}

/** A funding sub-row as printed (the audit reads the same columns). */
export type FundingRow = Row<'funding'>;

export function unitFunding(unitId: string, year?: number): Query<FundingRow> {
	return query(`
SELECT f.* FROM funding f JOIN evaluations e USING (eval_id)
WHERE e.unit_id = ${sqlString(unitId)}${inYear(year)} ORDER BY f.eval_id, f.seq NULLS LAST, f.dimension, f.item`);
}

/** A unit's figure with its dictionary entry's labels and unit. */
export interface MetricRow
	extends
		Pick<Row<'metrics'>, 'year' | 'metric' | 'value' | 'value_text' | 'source'>,
		Pick<Row<'metric_dictionary'>, 'zh' | 'en' | 'unit'> {}

export function unitMetrics(unitId: string): Query<MetricRow> {
	return query(`
SELECT m.year, m.metric, d.zh, d.en, d.unit, m.value, m.value_text, m.source
FROM metrics m JOIN metric_dictionary d ON d.key = m.metric
WHERE m.unit_id = ${sqlString(unitId)} ORDER BY m.year DESC, m.metric`);
}

/** The department form's figures of the year; self_pct, recomputed_pct and gap_pct from its audit (on 100 points). */
export interface UnitYearRow
	extends
		Pick<
			Row<'evaluations'>,
			| 'year'
			| 'budget_initial'
			| 'budget_final'
			| 'executed'
			| 'total_score'
			| 'total_weight'
			| 'provenance'
		>,
		Pick<Row<'audit_forms'>, 'self_pct' | 'recomputed_pct' | 'gap_pct'> {
	forms: number;
	/** The year's form ids in id order, separated by spaces (an id has none): the page's anchors for them. */
	form_ids: string;
	/** executed / final budget. */
	exec_rate: number | null;
	/** Flags on any of the year's forms. */
	flags: number;
}

/** One line per year: the department form's budget, execution and score, and how many forms were filed. */
export function unitYears(unitId: string): Query<UnitYearRow> {
	return query(`
SELECT e.year, count(*)::INTEGER AS forms, string_agg(e.eval_id, ' ' ORDER BY e.eval_id) AS form_ids,
	any_value(e.budget_initial) FILTER (WHERE e.form = 'department') AS budget_initial,
	any_value(e.budget_final) FILTER (WHERE e.form = 'department') AS budget_final,
	any_value(e.executed) FILTER (WHERE e.form = 'department') AS executed,
	any_value(CASE WHEN e.budget_final > 0 THEN e.executed / e.budget_final END) FILTER (WHERE e.form = 'department') AS exec_rate,
	any_value(e.total_score) FILTER (WHERE e.form = 'department') AS total_score,
	any_value(e.total_weight) FILTER (WHERE e.form = 'department') AS total_weight,
	any_value(a.self_pct) FILTER (WHERE e.form = 'department') AS self_pct,
	any_value(a.recomputed_pct) FILTER (WHERE e.form = 'department') AS recomputed_pct,
	any_value(a.gap_pct) FILTER (WHERE e.form = 'department') AS gap_pct,
	coalesce(sum(a.flags_error + a.flags_warning + a.flags_info), 0)::INTEGER AS flags,
	min(e.provenance) AS provenance
FROM evaluations e LEFT JOIN audit_forms a USING (eval_id) WHERE e.unit_id = ${sqlString(unitId)}
GROUP BY e.year ORDER BY e.year DESC`);
}

export interface UnitYearData {
	year: number;
	evaluations: EvaluationRow[];
	indicators: IndicatorRow[];
	funding: FundingRow[];
	audit: FormAuditData;
	/** Where each value was read, for values read from a document. */
	trace: TraceRow[];
}

/** Every form a unit filed in one year, with its indicators and funding rows. */
export async function unitYearData(
	db: Connector,
	unitId: string,
	year: number
): Promise<UnitYearData> {
	const [evaluations, indicators, funding, audit, trace] = await Promise.all([
		run(db, unitEvaluations(unitId, year)),
		run(db, unitIndicators(unitId, year)),
		run(db, unitFunding(unitId, year)),
		unitYearAudit(db, unitId, year),
		run(db, unitYearTrace(unitId, year))
	]);
	return { year, evaluations, indicators, funding, audit, trace };
}

export interface SpendingRow extends Pick<Row<'funding'>, 'item'> {
	year: number;
	dimension: Extract<FundingDimension, 'nature' | 'economic'>;
	/** Executed where printed, else the final budget. */
	amount: number;
	basis: Extract<ColumnName<'funding'>, 'executed' | 'budget_final'>;
}

/** The department form's spending split by economic class and by nature (basic vs project), per year. */
export function unitSpending(unitId: string): Query<SpendingRow> {
	return query(`
SELECT e.year, f.dimension, f.item, coalesce(f.executed, f.budget_final) AS amount,
	CASE WHEN f.executed IS NOT NULL THEN 'executed' ELSE 'budget_final' END AS basis
FROM funding f JOIN evaluations e USING (eval_id)
WHERE e.unit_id = ${sqlString(unitId)} AND e.form = 'department' AND f.dimension IN ('economic', 'nature')
	AND coalesce(f.executed, f.budget_final) IS NOT NULL
ORDER BY e.year, f.dimension, f.seq NULLS LAST, f.item`);
}

/** A project form's figures; recomputed_pct and gap_pct from its audit (of 100), null when it has none. */
export interface ProjectRow
	extends
		Pick<
			Row<'evaluations'>,
			| 'eval_id'
			| 'unit_id'
			| 'year'
			| 'budget_final'
			| 'executed'
			| 'total_score'
			| 'total_weight'
			| 'provenance'
			| 'source'
		>,
		Pick<Row<'audit_forms'>, 'recomputed_pct' | 'gap_pct'> {
	/** Short name, else the full name. */
	short_name: string;
	/** Always printed on a project form. */
	project_name: string;
	exec_rate: number | null;
	score_pct: number | null;
}

const PROJECT_SELECT = `
SELECT e.eval_id, e.unit_id, coalesce(u.short_name, u.name) AS short_name, e.year, e.project_name,
	e.budget_final, e.executed,
	CASE WHEN e.budget_final > 0 THEN e.executed / e.budget_final END AS exec_rate,
	e.total_score, e.total_weight,
	CASE WHEN e.total_weight > 0 THEN e.total_score / e.total_weight * 100 END AS score_pct,
	a.recomputed_pct, a.gap_pct, e.provenance, e.source
FROM evaluations e JOIN units u USING (unit_id) LEFT JOIN audit_forms a ON a.eval_id = e.eval_id`;

/** A unit's project forms over the years. */
export function unitProjects(unitId: string): Query<ProjectRow> {
	return query(`${PROJECT_SELECT}
WHERE e.form = 'project' AND e.unit_id = ${sqlString(unitId)} ORDER BY e.year DESC, e.project_name`);
}

export interface ProjectFilter {
	unitId?: string | null;
	year?: number | null;
	minScore?: number | null;
	maxScore?: number | null;
	search?: string | null;
}

/** Every project form matching the filter. */
export function projects(f: ProjectFilter = {}): Query<ProjectRow> {
	const where = ["e.form = 'project'"];
	if (f.unitId) where.push(`e.unit_id = ${sqlString(f.unitId)}`);
	if (f.year !== null && f.year !== undefined) where.push(`e.year = ${yearLit(f.year)}`);
	if (f.minScore !== null && f.minScore !== undefined && Number.isFinite(f.minScore))
		where.push(`e.total_score / nullif(e.total_weight, 0) * 100 >= ${Number(f.minScore)}`);
	if (f.maxScore !== null && f.maxScore !== undefined && Number.isFinite(f.maxScore))
		where.push(`e.total_score / nullif(e.total_weight, 0) * 100 <= ${Number(f.maxScore)}`);
	if (f.search) where.push(`e.project_name ILIKE ${containsPattern(f.search)}`);
	return query(`${PROJECT_SELECT}
WHERE ${where.join(' AND ')} ORDER BY e.year DESC, short_name, e.project_name`);
}

/** The same project (unit and name) across the years. */
export function projectHistory(unitId: string, projectName: string): Query<ProjectRow> {
	return query(`${PROJECT_SELECT}
WHERE e.form = 'project' AND e.unit_id = ${sqlString(unitId)} AND e.project_name = ${sqlString(projectName)} ORDER BY e.year`);
}
