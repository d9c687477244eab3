// The forms grid (表格总览): every form, department and project, filtered, sorted and paged in SQL.
import type { Connector } from '../db/connector';
import { sqlString } from '../db/sql';
import type { FormKind, Row, RuleId } from '../schema';
import { query, run, yearLit, type Query } from './query';

/** Execution-rate bands (rate = executed ÷ final budget): below 80%, below 90%, 80–90%, 90–100%, 100% and over, none. */
export const RATE_BANDS = ['lt80', 'lt90', '80-90', '90-100', 'gte100', 'none'] as const;
export type RateBand = (typeof RATE_BANDS)[number];

/** The columns the grid sorts by (each a SQL expression below). */
export const FORM_SORTS = [
	'year',
	'unit',
	'region',
	'sector',
	'form',
	'project',
	'budget_initial',
	'budget_final',
	'executed',
	'exec_rate',
	'reason',
	'self_pct',
	'recomputed_pct',
	'gap_pct',
	'grade_reported',
	'flags_error',
	'flags_warning',
	'flags_info'
] as const;
export type FormSort = (typeof FORM_SORTS)[number];
export type SortDir = 'asc' | 'desc';

/**
 * The rule filter: one audit rule (the forms it flagged), or `any` (a form with at least one flag).
 * A unit-wide rule flags no form, so it matches none, as the audit counts it (the URL does not offer it).
 */
export type FormRule = RuleId | 'any';

export interface FormFilter {
	yearFrom?: number | null;
	yearTo?: number | null;
	unitId?: string | null;
	/** A region or the start of one (`湖南省` holds `湖南省株洲市渌口区`). */
	region?: string | null;
	sector?: string | null;
	form?: FormKind | null;
	rate?: RateBand | null;
	rule?: FormRule | null;
	/** Self-score minus recomputed score (of 100) at least this. */
	gapMin?: number | null;
	/** Null: the default order (latest year, unit, department form first, project). */
	sort?: FormSort | null;
	dir?: SortDir | null;
}

export interface FormPage {
	/** 1-based. */
	page: number;
	pageSize: number;
}

/** One form: its unit, its printed figures and texts, and its audit (scores of 100, flags by severity). */
export interface FormRow
	extends
		Pick<
			Row<'evaluations'>,
			| 'eval_id'
			| 'unit_id'
			| 'year'
			| 'form'
			| 'project_name'
			| 'budget_initial'
			| 'budget_initial_text'
			| 'budget_final'
			| 'budget_final_text'
			| 'executed'
			| 'executed_text'
			| 'exec_rate_reported'
			| 'exec_rate_reported_text'
			| 'total_score'
			| 'total_score_text'
			| 'total_weight'
			| 'exec_reason'
			| 'grade_reported'
			| 'provenance'
		>,
		Pick<Row<'units'>, 'region' | 'sector'>,
		Pick<Row<'audit_forms'>, 'self_pct' | 'recomputed_pct' | 'gap_pct'> {
	/** Short name, else the full name. */
	short_name: string;
	/** Recomputed: executed ÷ final budget (null without a positive budget). */
	exec_rate: number | null;
	flags_error: number;
	flags_warning: number;
	flags_info: number;
}

const RATE = `CASE WHEN e.budget_final > 0 THEN e.executed / e.budget_final END`;
const FLAGS = `coalesce(a.flags_error, 0) + coalesce(a.flags_warning, 0) + coalesce(a.flags_info, 0)`;

const SORT_SQL: Record<FormSort, string> = {
	year: 'e.year',
	unit: 'short_name',
	region: 'u.region',
	sector: 'u.sector',
	form: `CASE e.form WHEN 'department' THEN 0 ELSE 1 END`,
	project: 'e.project_name',
	budget_initial: 'e.budget_initial',
	budget_final: 'e.budget_final',
	executed: 'e.executed',
	exec_rate: 'exec_rate',
	reason: 'e.exec_reason',
	self_pct: 'a.self_pct',
	recomputed_pct: 'a.recomputed_pct',
	gap_pct: 'a.gap_pct',
	grade_reported: `CASE e.grade_reported WHEN '优' THEN 0 WHEN '良' THEN 1 WHEN '中' THEN 2 WHEN '差' THEN 3 END`,
	flags_error: 'flags_error',
	flags_warning: 'flags_warning',
	flags_info: 'flags_info'
};

const BAND_SQL: Record<RateBand, string> = {
	lt80: `${RATE} < 0.8`,
	lt90: `${RATE} < 0.9`,
	'80-90': `${RATE} >= 0.8 AND ${RATE} < 0.9`,
	'90-100': `${RATE} >= 0.9 AND ${RATE} < 1`,
	gte100: `${RATE} >= 1`,
	none: `${RATE} IS NULL`
};

const given = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

/** The WHERE clause of a filter (over evaluations e, units u, audit_forms a). */
function formWhere(f: FormFilter): string {
	const w: string[] = [];
	if (given(f.yearFrom)) w.push(`e.year >= ${yearLit(f.yearFrom)}`);
	if (given(f.yearTo)) w.push(`e.year <= ${yearLit(f.yearTo)}`);
	if (f.unitId) w.push(`e.unit_id = ${sqlString(f.unitId)}`);
	if (f.region) w.push(`starts_with(u.region, ${sqlString(f.region)})`);
	if (f.sector) w.push(`u.sector = ${sqlString(f.sector)}`);
	if (f.form) w.push(`e.form = ${sqlString(f.form)}`);
	if (f.rate) w.push(`(${BAND_SQL[f.rate]})`);
	if (f.rule === 'any') w.push(`${FLAGS} > 0`);
	else if (f.rule) w.push(`list_contains(string_split(a.rules, ' '), ${sqlString(f.rule)})`);
	if (given(f.gapMin) && Number.isFinite(f.gapMin)) w.push(`a.gap_pct >= ${Number(f.gapMin)}`);
	return w.length ? `WHERE ${w.join(' AND ')}` : '';
}

const FROM = `FROM evaluations e JOIN units u USING (unit_id) LEFT JOIN audit_forms a ON a.eval_id = e.eval_id`;

/** The order: the chosen column (nulls last), then the form's id, so every page is the same each time. */
function formOrder(f: FormFilter): string {
	if (!f.sort)
		return `e.year DESC, short_name, ${SORT_SQL.form}, e.project_name NULLS FIRST, e.eval_id`;
	const dir = f.dir === 'desc' ? 'DESC' : 'ASC';
	return `${SORT_SQL[f.sort]} ${dir} NULLS LAST, e.eval_id`;
}

/** Forms matching the filter in its order; one page of them when `page` is given, else all. */
export function formList(f: FormFilter = {}, page?: FormPage): Query<FormRow> {
	const size = page ? Math.min(Math.max(1, Math.trunc(page.pageSize) || 1), 10_000) : 0;
	// A page far past the end still prints as digits (String(1e21) is `1e+21`, which DuckDB refuses).
	const n = page ? Math.min(Math.max(1, Math.trunc(page.page) || 1), Number.MAX_SAFE_INTEGER) : 1;
	const offset = Math.min((n - 1) * size, Number.MAX_SAFE_INTEGER);
	return query(`
SELECT e.eval_id, e.unit_id, e.year, e.form, e.project_name,
	coalesce(u.short_name, u.name) AS short_name, u.region, u.sector, e.provenance,
	e.budget_initial, e.budget_initial_text, e.budget_final, e.budget_final_text,
	e.executed, e.executed_text, ${RATE} AS exec_rate, e.exec_rate_reported, e.exec_rate_reported_text,
	e.exec_reason, e.total_score, e.total_score_text, e.total_weight, e.grade_reported,
	a.self_pct, a.recomputed_pct, a.gap_pct,
	coalesce(a.flags_error, 0)::INTEGER AS flags_error,
	coalesce(a.flags_warning, 0)::INTEGER AS flags_warning,
	coalesce(a.flags_info, 0)::INTEGER AS flags_info
${FROM}
${formWhere(f)}
ORDER BY ${formOrder(f)}${page ? `\nLIMIT ${size} OFFSET ${offset}` : ''}`);
}

/** How many forms match the filter. */
export function formCount(f: FormFilter = {}): Query<{ n: number }> {
	return query(`SELECT count(*)::INTEGER AS n ${FROM} ${formWhere(f)}`);
}

export interface FormsPageData {
	rows: FormRow[];
	/** Forms matching the filter, over every page. */
	total: number;
}

/** One page of the grid and the count over all pages. */
export async function formsPage(
	db: Connector,
	filter: FormFilter,
	page: FormPage
): Promise<FormsPageData> {
	const [rows, [n]] = await Promise.all([
		run(db, formList(filter, page)),
		run(db, formCount(filter))
	]);
	return { rows, total: n.n };
}

/** Every form matching the filter, in its order (the grid's export). */
export function formsAll(db: Connector, filter: FormFilter): Promise<FormRow[]> {
	return run(db, formList(filter));
}
