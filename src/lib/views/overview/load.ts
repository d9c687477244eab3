// What the overview pages prerender: the latest year's overview on the home page, one year's on /years/<year>/.
import type { Connector } from '../../db/connector';
import { latestYear, overviewData, years } from '../../queries/overview';
import { run } from '../../queries/query';
import { PRERENDERED_UNITS, shownOverview, type OverviewShown } from './shown';

/** The years that have a page of their own. */
export async function overviewYears(db: Connector): Promise<number[]> {
	return (await run(db, years())).map((y) => y.year);
}

/** The overview of the latest year, with the ranking's first page of rows (a province has thousands). */
export async function loadLatestOverview(db: Connector): Promise<OverviewShown> {
	return shownOverview(await overviewData(db, await latestYear(db)), PRERENDERED_UNITS);
}

/** The overview of one year, or null when no form was filed that year. */
export async function loadYearOverview(db: Connector, year: number): Promise<OverviewShown | null> {
	const overview = await overviewData(db, year);
	return overview.kpis.forms === 0 ? null : shownOverview(overview, PRERENDERED_UNITS);
}
