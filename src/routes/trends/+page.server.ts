// Trends over all units and years, computed at build time.
import { dataset } from '$lib/server/dataset';
import { trendsData } from '$lib/queries/trends';

export async function load() {
	return { trends: await trendsData(await dataset()) };
}
