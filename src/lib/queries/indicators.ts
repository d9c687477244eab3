// Queries of the indicators page (指标): common and most-missed indicators, deductions by group, reasons.
import type { Connector } from '../db/connector';
import type { Provenance } from '../schema';
import { containsPattern, query, run, yearLit, type Query } from './query';

/**
 * Indicator rows with their form's unit and year and whether the actual misses the target, as the
 * audit judged it (src/lib/audit: the comparator printed, read from the target, or inferred from the
 * group); null when either side is not a number or the row is qualitative. The audit's row of each
 * indicator names its form, so this reads no forms (the audit runs with every load: every
 * indicator has its row).
 */
export const INDICATOR_STATUS = `
SELECT i.*, a.unit_id, a.year, a.form, a.project_name, a.provenance,
	coalesce(u.short_name, u.name) AS short_name,
	CASE a.status WHEN 'missed' THEN true WHEN 'met' THEN false END AS missed,
	i.weight - i.score AS deduction
FROM indicators i JOIN audit_indicators a USING (eval_id, seq) JOIN units u ON u.unit_id = a.unit_id`;

const yearWhere = (year: number | null) => (year === null ? '' : `WHERE year = ${yearLit(year)}`);

export interface CommonIndicatorRow {
	level1: string | null;
	level2: string | null;
	level3: string;
	rows: number;
	units: number;
	measurable: number;
	missed: number;
	miss_rate: number | null;
	deducted: number;
	avg_weight: number | null;
}

/**
 * Every level-3 indicator by how often it appears; `orderBy` 'missed' ranks those with at least 5
 * measurable rows by miss rate instead. All of them: the views show the first and say how many.
 */
export function commonIndicators(
	year: number | null,
	orderBy: 'rows' | 'missed'
): Query<CommonIndicatorRow> {
	return query(`
WITH s AS (${INDICATOR_STATUS})
SELECT level1, level2, level3, count(*)::INTEGER AS rows, count(DISTINCT unit_id)::INTEGER AS units,
	count(missed)::INTEGER AS measurable, count(*) FILTER (WHERE missed)::INTEGER AS missed,
	count(*) FILTER (WHERE missed) / nullif(count(missed), 0) AS miss_rate,
	count(*) FILTER (WHERE deduction > 0)::INTEGER AS deducted,
	avg(weight ORDER BY eval_id, seq) AS avg_weight
FROM s ${yearWhere(year)}
GROUP BY level1, level2, level3
${orderBy === 'missed' ? 'HAVING count(missed) >= 5' : ''}
ORDER BY ${orderBy === 'missed' ? 'miss_rate DESC, missed DESC' : 'rows DESC'}, level3, level1, level2`);
}

export interface DeductionRow {
	level1: string | null;
	level2: string | null;
	rows: number;
	weight: number | null;
	deduction: number | null;
	deducted_rows: number;
	/** Share of the group's weight that was deducted. */
	share: number | null;
}

/** Deductions by indicator group; sums add in key order, so any engine and any load order give the same floats. */
export function deductionsByGroup(year: number | null): Query<DeductionRow> {
	return query(`
WITH s AS (${INDICATOR_STATUS})
SELECT level1, level2, count(*)::INTEGER AS rows, sum(weight ORDER BY eval_id, seq) AS weight,
	sum(greatest(deduction, 0) ORDER BY eval_id, seq) AS deduction,
	count(*) FILTER (WHERE deduction > 0)::INTEGER AS deducted_rows,
	sum(greatest(deduction, 0) ORDER BY eval_id, seq) / nullif(sum(weight ORDER BY eval_id, seq), 0) AS share
FROM s ${yearWhere(year)}
GROUP BY level1, level2 ORDER BY deduction DESC NULLS LAST, level1, level2`);
}

export interface ReasonRow {
	eval_id: string;
	seq: number;
	unit_id: string;
	short_name: string;
	year: number;
	project_name: string | null;
	level3: string;
	target_text: string | null;
	actual_text: string | null;
	weight: number | null;
	score: number | null;
	deviation_reason: string;
	provenance: Provenance;
}

function reasonWhere(text: string, year: number | null): string {
	const conds = ['deviation_reason IS NOT NULL'];
	// The text exactly as typed, matched literally: % _ \ and control characters (NUL too) included.
	if (text) conds.push(`deviation_reason ILIKE ${containsPattern(text)}`);
	if (year !== null) conds.push(`year = ${yearLit(year)}`);
	return conds.join(' AND ');
}

/**
 * Indicator rows whose deviation reason contains the text (all rows with a reason when empty);
 * `limit` only for a prerendered page, which says how many there are (`countReasons`).
 */
export function searchReasons(text: string, year: number | null, limit?: number): Query<ReasonRow> {
	return query(`
WITH s AS (${INDICATOR_STATUS})
SELECT eval_id, seq, unit_id, short_name, year, project_name, level3, target_text, actual_text, weight, score,
	deviation_reason, provenance
FROM s WHERE ${reasonWhere(text, year)}
ORDER BY year DESC, short_name, eval_id, seq${limit === undefined ? '' : ` LIMIT ${Math.trunc(limit)}`}`);
}

export function countReasons(text: string, year: number | null): Query<{ n: number }> {
	return query(`
WITH s AS (${INDICATOR_STATUS})
SELECT count(*)::INTEGER AS n FROM s WHERE ${reasonWhere(text, year)}`);
}

export interface IndicatorsData {
	year: number | null;
	/** The search text the reasons answer ('' for all). */
	search: string;
	common: CommonIndicatorRow[];
	missed: CommonIndicatorRow[];
	deductions: DeductionRow[];
	reasons: ReasonRow[];
	/** Rows matching the search; `reasons` holds fewer only on the prerendered page. */
	reasonsTotal: number;
}

export async function indicatorsData(
	db: Connector,
	year: number | null,
	search = '',
	reasonLimit?: number
): Promise<IndicatorsData> {
	const [common, missed, deductions, reasons, [n]] = await Promise.all([
		run(db, commonIndicators(year, 'rows')),
		run(db, commonIndicators(year, 'missed')),
		run(db, deductionsByGroup(year)),
		run(db, searchReasons(search, year, reasonLimit)),
		run(db, countReasons(search, year))
	]);
	return { year, search, common, missed, deductions, reasons, reasonsTotal: n.n };
}
