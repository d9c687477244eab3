// Overview of the latest year, computed at build time with DuckDB in Node.
import { dataset } from '$lib/server/dataset';
import { loadLatestOverview } from '$lib/views/overview/load';

export async function load() {
	return { overview: await loadLatestOverview(await dataset()) };
}
