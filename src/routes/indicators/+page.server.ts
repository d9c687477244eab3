// Indicators over all years, prerendered; a year or a search runs in the browser.
import { dataset } from '$lib/server/dataset';
import { indicatorsData } from '$lib/queries/indicators';
import { years } from '$lib/queries/overview';
import { run } from '$lib/queries/query';

export async function load() {
	const db = await dataset();
	const [initial, ys] = await Promise.all([indicatorsData(db, null), run(db, years())]);
	return { initial, years: ys.map((y) => y.year) };
}
