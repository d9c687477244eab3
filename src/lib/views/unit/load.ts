// The data of a unit's page, one loader each for the page and for a year's forms: prerendered from DuckDB in Node, and computed in the browser (other years, imported data).
import type { Connector } from '../../db/connector';
import { unitFlags, type FlagRow } from '../../queries/audit';
import { run } from '../../queries/query';
import { regionUnitCounts, type RegionUnitsRow } from '../../queries/regions';
import { codePath } from '../../schema/regions';
import { unitMetricTrace, type TraceRow } from '../../queries/trace';
import {
	unit,
	unitList,
	unitMetrics,
	unitProjects,
	unitSpending,
	unitYearData,
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

/** How many of a unit's flags its page lists (the rest are a link to the audit away). */
export const FLAGS_SHOWN = 12;

/**
 * How many of a unit's project rows its page shows at first, newest first (a button shows more):
 * three or four years' projects, not every year's in the page's HTML.
 */
export const PROJECTS_SHOWN = 12;

/** A unit's page: its years at a glance, flags, spending, domain figures, projects and its latest year's forms. */
export interface UnitProfileData {
	unit: UnitRow;
	years: UnitYearRow[];
	metrics: MetricRow[];
	/** Where each metric was read, for metrics read from a document. */
	metricTrace: TraceRow[];
	spending: SpendingRow[];
	projects: ProjectRow[];
	/** The latest year's forms (prerendered; other years are asked for in the browser), or null for a unit with no forms. */
	shown: UnitYearData | null;
	/** The first `FLAGS_SHOWN` of the audit's flags on the unit's forms and years (the audit page has them all). */
	flags: FlagRow[];
	/** How many flags the audit raised on the unit, all years. */
	flagCount: number;
	/** How many units each region of the unit's place holds: its crumbs link those with a page. */
	places: RegionUnitsRow[];
}

/** The profile of a unit, or null when the data has no such unit. */
export async function loadUnitProfile(
	db: Connector,
	unitId: string
): Promise<UnitProfileData | null> {
	const [u] = await run(db, unit(unitId));
	if (!u) return null;
	const [years, metrics, metricTrace, spending, projects, flags, places] = await Promise.all([
		run(db, unitYears(unitId)),
		run(db, unitMetrics(unitId)),
		run(db, unitMetricTrace(unitId)),
		run(db, unitSpending(unitId)),
		run(db, unitProjects(unitId)),
		run(db, unitFlags(unitId)),
		run(db, regionUnitCounts(codePath(u.region_code)))
	]);
	const shown = years.length > 0 ? await loadUnitYear(db, unitId, years[0].year) : null;
	return {
		unit: u,
		years,
		metrics,
		metricTrace,
		spending,
		projects,
		shown,
		// The page lists the first few, so it does not carry every flag of every year.
		flags: flags.slice(0, FLAGS_SHOWN),
		flagCount: flags.length,
		places
	};
}

/**
 * A unit's forms of one year (none when it filed none that year): prerendered into the unit's page
 * for its latest year, and asked for in the browser for any other (`?year=`).
 */
export function loadUnitYear(db: Connector, unitId: string, year: number): Promise<UnitYearData> {
	return unitYearData(db, unitId, year);
}
