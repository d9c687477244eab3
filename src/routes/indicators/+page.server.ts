// Indicators over all years, prerendered with the first deviation reasons and their count; a year,
// a search, or the rest of the reasons run in the browser.
import { dataset } from '$lib/server/dataset';
import { indicatorsData } from '$lib/queries/indicators';
import { years } from '$lib/queries/overview';
import { run } from '$lib/queries/query';

/** Deviation reasons carried in the prerendered page; the rest load with the in-browser database. */
const PRERENDERED_REASONS = 100;

export async function load() {
	const db = await dataset();
	const [initial, ys] = await Promise.all([
		indicatorsData(db, null, '', PRERENDERED_REASONS),
		run(db, years())
	]);
	return { initial, years: ys.map((y) => y.year) };
}
