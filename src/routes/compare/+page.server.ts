// Compare, prerendered for the default selection; other selections run in the browser.
import { dataset } from '$lib/server/dataset';
import { loadCompare } from '$lib/views/compare/load';

export const load = async () => loadCompare(await dataset());
