// What each view's query reads of the published partitions for a filter, loaded before it runs; test/views/needs.test.ts runs each query over only these and over everything.
import { needAllYears, needUnit, needYear, needYearRange, type Need } from '$lib/db/parts';
import type { FlagFilter } from '$lib/queries/audit';
import type { FormFilter } from '$lib/queries/forms';
import type { ProjectFilter } from '$lib/queries/unit';
import type { TableName } from '$lib/schema';

/** The forms and their recomputed scores (with each form's flag counts): the grid and the projects. */
const FORMS: TableName[] = ['evaluations', 'audit_forms'];

/** These tables in each year from `from` to `to` (an open end: every year before or after; both: every year). */
function yearsOf(
	from: number | null | undefined,
	to: number | null | undefined,
	tables: TableName[]
): Need[] {
	const open = (y: number | null | undefined) => y === null || y === undefined;
	if (open(from) && open(to)) return [needAllYears(...tables)];
	if (open(from) || open(to)) return [needYearRange(from ?? null, to ?? null, ...tables)];
	const out: Need[] = [];
	for (let y = from!; y <= to!; y++) out.push(needYear(y, ...tables));
	return out;
}

/**
 * The overview of a year: the unit-year summaries of the year and the year before (the KPIs and
 * their changes); one small row per unit-year, never the forms. The year list is in the base.
 */
export const overviewNeeds = (year: number): Need[] => [
	needYear(year, 'unit_years'),
	needYear(year - 1, 'unit_years')
];

/** A region's KPIs and ranking in a year: the year's unit-year summaries (of every unit: the region is a prefix of their codes). */
export const regionNeeds = (year: number): Need[] => [needYear(year, 'unit_years')];

/** A unit's page (profile, a year's forms, its audit): every row of the unit. */
export const unitNeeds = (unitId: string): Need[] => [needUnit(unitId)];

/** The audit's tables: the forms' recomputed scores and the flags, which name their forms themselves. */
const AUDIT: TableName[] = ['audit_forms', 'audit_flags'];

/**
 * The audit's flags and counts (never the forms, nor the indicators' status): one unit's, one year's,
 * or all. A year's answer has no unit-wide flags (they have no year), so it reads none.
 */
export function auditNeeds(f: FlagFilter): Need[] {
	if (f.unitId) return [needUnit(f.unitId)];
	if (f.year !== null && f.year !== undefined) return [needYear(f.year, ...AUDIT)];
	return [needAllYears(...AUDIT)];
}

/**
 * The forms grid: the forms of one unit, or of the years in its range; never the flags (audit_forms
 * counts them and lists their rules).
 */
export function formsNeeds(f: FormFilter): Need[] {
	if (f.unitId) return [needUnit(f.unitId)];
	return yearsOf(f.yearFrom, f.yearTo, FORMS);
}

/** The project list: one unit's, or one year's, or every year's project forms. */
export function projectsNeeds(f: ProjectFilter): Need[] {
	if (f.unitId) return [needUnit(f.unitId)];
	return yearsOf(f.year, f.year, FORMS);
}

/** The indicators' analysis of a year (null: every year): the rows and their status, which names their form. */
export const indicatorsNeeds = (year: number | null): Need[] =>
	yearsOf(year, year, ['indicators', 'audit_indicators']);

/** The trends across every year: the unit-year summaries and the metrics. */
export const trendsNeeds = (): Need[] => [needAllYears('unit_years', 'metrics')];

/** Units side by side, every year of each. */
export const compareNeeds = (units: readonly string[]): Need[] => units.map(needUnit);
