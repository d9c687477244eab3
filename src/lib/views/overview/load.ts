// What the overview pages prerender: the latest year's overview on the home page, one year's on /years/<year>/.
import type { Connector } from '../../db/connector';
import { latestYear, overviewData, years, type OverviewData } from '../../queries/overview';
import { run } from '../../queries/query';

/** The years that have a page of their own. */
export async function overviewYears(db: Connector): Promise<number[]> {
	return (await run(db, years())).map((y) => y.year);
}

/** The overview of the latest year. */
export async function loadLatestOverview(db: Connector): Promise<OverviewData> {
	return overviewData(db, await latestYear(db));
}

/** The overview of one year, or null when no form was filed that year. */
export async function loadYearOverview(db: Connector, year: number): Promise<OverviewData | null> {
	const overview = await overviewData(db, year);
	return overview.kpis.forms === 0 ? null : overview;
}
