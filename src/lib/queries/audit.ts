// Queries of the audit's tables: flags with filters, counts by rule, a unit's flags, and one year's form audits.
import type { AuditFlag, AuditFormRow, AuditIndicatorRow } from '../audit';
import type { Connector } from '../db/connector';
import { sqlString } from '../db/sql';
import type { Provenance, RuleId, Severity } from '../schema';
import { query, run, yearLit, type Query } from './query';

export interface FlagFilter {
	rule?: RuleId | null;
	severity?: Severity | null;
	unitId?: string | null;
	year?: number | null;
}

/** A flag (it names its form's kind and project; null for unit-wide flags) with its unit's name and provenance. */
export interface FlagRow extends AuditFlag {
	/** Short name, else the full name. */
	short_name: string;
	provenance: Provenance;
}

const SEVERITY_ORDER = `CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

function flagWhere(f: FlagFilter): string {
	const w: string[] = [];
	if (f.rule) w.push(`f.rule = ${sqlString(f.rule)}`);
	if (f.severity) w.push(`f.severity = ${sqlString(f.severity)}`);
	if (f.unitId) w.push(`f.unit_id = ${sqlString(f.unitId)}`);
	// A year holds its forms' flags; unit-wide flags (no year) show when no year is chosen.
	if (f.year !== null && f.year !== undefined) w.push(`f.year = ${yearLit(f.year)}`);
	return w.length ? `WHERE ${w.join(' AND ')}` : '';
}

/** Flags matching the filter, most severe first, then by unit, year and position on the form. */
export function flagList(f: FlagFilter = {}, limit?: number): Query<FlagRow> {
	return query(`
SELECT f.*, coalesce(u.short_name, u.name) AS short_name, u.provenance
FROM audit_flags f JOIN units u USING (unit_id)
${flagWhere(f)}
ORDER BY ${SEVERITY_ORDER}, f.year DESC NULLS FIRST, short_name, f.eval_id, f.seq, f.rule
${limit === undefined ? '' : `LIMIT ${Math.trunc(limit)}`}`);
}

export interface FlagCountRow extends Pick<AuditFlag, 'rule' | 'severity'> {
	flags: number;
	units: number;
	forms: number;
}

/** How often each rule fired under the filter (the rule filter itself is ignored, so every rule shows). */
export function flagCounts(f: FlagFilter = {}): Query<FlagCountRow> {
	return query(`
SELECT f.rule, f.severity, count(*)::INTEGER AS flags, count(DISTINCT f.unit_id)::INTEGER AS units,
	count(DISTINCT f.eval_id)::INTEGER AS forms
FROM audit_flags f ${flagWhere({ ...f, rule: null })}
GROUP BY f.rule, f.severity ORDER BY ${SEVERITY_ORDER}, flags DESC, f.rule`);
}

export interface AuditKpiRow {
	forms: number;
	flagged_forms: number;
	errors: number;
	warnings: number;
	infos: number;
	/** Forms whose self-score is at least 5 points (of 100) above the recomputed score. */
	inflated_forms: number;
	median_gap_pct: number | null;
}

/** Flag counts follow the whole filter; form counts its unit and year. */
export function auditKpis(f: FlagFilter = {}): Query<AuditKpiRow> {
	const w: string[] = [];
	if (f.unitId) w.push(`unit_id = ${sqlString(f.unitId)}`);
	if (f.year !== null && f.year !== undefined) w.push(`year = ${yearLit(f.year)}`);
	const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
	const fw = flagWhere(f);
	return query(`
SELECT (SELECT count(*) FROM audit_forms ${where})::INTEGER AS forms,
	(SELECT count(*) FROM audit_forms ${where}${where ? ' AND' : ' WHERE'} flags_error + flags_warning + flags_info > 0)::INTEGER AS flagged_forms,
	(SELECT count(*) FROM audit_flags f ${fw}${fw ? ' AND' : ' WHERE'} f.severity = 'error')::INTEGER AS errors,
	(SELECT count(*) FROM audit_flags f ${fw}${fw ? ' AND' : ' WHERE'} f.severity = 'warning')::INTEGER AS warnings,
	(SELECT count(*) FROM audit_flags f ${fw}${fw ? ' AND' : ' WHERE'} f.severity = 'info')::INTEGER AS infos,
	(SELECT count(*) FROM audit_forms ${where}${where ? ' AND' : ' WHERE'} gap_pct >= 5)::INTEGER AS inflated_forms,
	(SELECT median(gap_pct) FROM audit_forms ${where}) AS median_gap_pct`);
}

/** Years that have flags or forms, for the year filter. */
export function auditYears(): Query<{ year: number }> {
	return query(`SELECT DISTINCT year FROM audit_forms ORDER BY year`);
}

export interface AuditPageData {
	filter: FlagFilter;
	kpis: AuditKpiRow;
	counts: FlagCountRow[];
	rows: FlagRow[];
	/** Flags matching the filter; `rows` may hold fewer (the prerendered page carries the first ones). */
	total: number;
}

export async function auditPageData(
	db: Connector,
	filter: FlagFilter,
	limit?: number
): Promise<AuditPageData> {
	const [[kpis], counts, rows, [n]] = await Promise.all([
		run(db, auditKpis(filter)),
		run(db, flagCounts(filter)),
		run(db, flagList(filter, limit)),
		run(
			db,
			query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM audit_flags f ${flagWhere(filter)}`)
		)
	]);
	return { filter, kpis, counts, rows, total: n.n };
}

/** A unit's flags over all its years. */
export function unitFlags(unitId: string): Query<FlagRow> {
	return flagList({ unitId });
}

/** The columns of an indicator's status that name its form: a form's own audit has them already. */
export const FORM_OF_INDICATOR = ['unit_id', 'year', 'form', 'project_name', 'provenance'] as const;

/** An indicator's status beside its form (a unit page carries it for every row of the latest year). */
export type IndicatorStatusRow = Omit<AuditIndicatorRow, (typeof FORM_OF_INDICATOR)[number]>;

export interface FormAuditData {
	forms: AuditFormRow[];
	indicators: IndicatorStatusRow[];
	flags: AuditFlag[];
}

/** The audit of a unit's forms of one year: recomputed scores, indicator status, flags. */
export async function unitYearAudit(
	db: Connector,
	unitId: string,
	year: number
): Promise<FormAuditData> {
	const u = sqlString(unitId);
	const y = yearLit(year);
	const [forms, indicators, flags] = await Promise.all([
		run(db, query<AuditFormRow>(`SELECT * FROM audit_forms WHERE unit_id = ${u} AND year = ${y}`)),
		run(
			db,
			query<IndicatorStatusRow>(
				`SELECT * EXCLUDE (${FORM_OF_INDICATOR.join(', ')}) FROM audit_indicators
				WHERE unit_id = ${u} AND year = ${y} ORDER BY eval_id, seq`
			)
		),
		run(
			db,
			query<AuditFlag>(
				`SELECT * FROM audit_flags f WHERE f.unit_id = ${u} AND f.year = ${y} ORDER BY f.eval_id, f.seq NULLS FIRST, f.rule`
			)
		)
	]);
	return { forms, indicators, flags };
}
