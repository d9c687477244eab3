// Overview of the latest year, computed at build time with DuckDB in Node.
import { dataset } from '$lib/server/dataset';
import { latestYear, overviewData } from '$lib/queries/overview';

export async function load() {
	const db = await dataset();
	return { overview: await overviewData(db, await latestYear(db)) };
}
