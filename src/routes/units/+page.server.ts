// The list of units, computed at build time.
import { dataset } from '$lib/server/dataset';
import { loadUnitList } from '$lib/views/unit/load';

export async function load() {
	return { units: await loadUnitList(await dataset()) };
}
