// The data of a unit's pages, one loader each for the profile and for a year's forms: prerendered from DuckDB in Node, and computed in the browser for imported data.
import type { Connector } from '../../db/connector';
import { unitFlags, type FlagRow } from '../../queries/audit';
import { run } from '../../queries/query';
import { unitMetricTrace, type TraceRow } from '../../queries/trace';
import {
	unit,
	unitList,
	unitMetrics,
	unitProjects,
	unitSpending,
	unitYearData,
	unitYearPairs,
	unitYears,
	type MetricRow,
	type ProjectRow,
	type SpendingRow,
	type UnitListRow,
	type UnitRow,
	type UnitYearData,
	type UnitYearRow
} from '../../queries/unit';

/** Every unit, with how many forms it has and over which years (the list of units). */
export function loadUnitList(db: Connector): Promise<UnitListRow[]> {
	return run(db, unitList());
}

/** Every unit and year with forms: the year pages to prerender. */
export function loadUnitYearPairs(db: Connector): Promise<{ unit_id: string; year: number }[]> {
	return run(db, unitYearPairs());
}

/** A unit's profile: its years at a glance, flags, spending, domain figures, projects and latest forms. */
export interface UnitProfileData {
	unit: UnitRow;
	years: UnitYearRow[];
	metrics: MetricRow[];
	/** Where each metric was read, for metrics read from a document. */
	metricTrace: TraceRow[];
	spending: SpendingRow[];
	projects: ProjectRow[];
	/** The latest year's forms, or null for a unit with no forms. */
	shown: UnitYearData | null;
	/** The audit's flags on all of the unit's forms and years. */
	flags: FlagRow[];
}

/** Every form of a unit in one year, with the unit and its years for the header. */
export interface UnitYearPageData {
	unit: UnitRow;
	years: UnitYearRow[];
	shown: UnitYearData;
}

/** The profile of a unit, or null when the data has no such unit. */
export async function loadUnitProfile(
	db: Connector,
	unitId: string
): Promise<UnitProfileData | null> {
	const [u] = await run(db, unit(unitId));
	if (!u) return null;
	const [years, metrics, metricTrace, spending, projects, flags] = await Promise.all([
		run(db, unitYears(unitId)),
		run(db, unitMetrics(unitId)),
		run(db, unitMetricTrace(unitId)),
		run(db, unitSpending(unitId)),
		run(db, unitProjects(unitId)),
		run(db, unitFlags(unitId))
	]);
	const shown = years.length > 0 ? await unitYearData(db, unitId, years[0].year) : null;
	return { unit: u, years, metrics, metricTrace, spending, projects, shown, flags };
}

/** A unit's forms of one year (none when it filed none that year), or null when the data has no such unit. */
export async function loadUnitYear(
	db: Connector,
	unitId: string,
	year: number
): Promise<UnitYearPageData | null> {
	const [u] = await run(db, unit(unitId));
	if (!u) return null;
	const [years, shown] = await Promise.all([
		run(db, unitYears(unitId)),
		unitYearData(db, unitId, year)
	]);
	return { unit: u, years, shown };
}
