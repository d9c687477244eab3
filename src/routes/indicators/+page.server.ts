// Indicators over all years, prerendered with the first deviation reasons and their count; a year,
// a search, or the rest of the reasons run in the browser.
import { dataset } from '$lib/server/dataset';
import { loadIndicators } from '$lib/views/indicators-load';

export const load = async () => loadIndicators(await dataset());
