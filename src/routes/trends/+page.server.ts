// Trends over all units and years, computed at build time.
import { dataset } from '$lib/server/dataset';
import { loadTrends } from '$lib/views/trends/load';

export async function load() {
	return { trends: await loadTrends(await dataset()) };
}
