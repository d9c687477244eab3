// The list of regions: every province and its cities, from the units' region codes.
import { dataset } from '$lib/server/dataset';
import { loadRegionsIndex } from '$lib/views/regions/load';

export const load = async () => loadRegionsIndex(await dataset());
