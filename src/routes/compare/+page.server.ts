// Compare, prerendered for the default selection; other selections run in the browser.
import { dataset } from '$lib/server/dataset';
import { compareData, compareSeries } from '$lib/queries/compare';
import { run } from '$lib/queries/query';
import { unitChoice, unitList } from '$lib/queries/unit';
import { DEFAULT_METRIC, commonYear, defaultUnits } from '$lib/views/compare/defaults';

export async function load() {
	const db = await dataset();
	const all = await run(db, unitList());
	const units = defaultUnits(all);
	const year = commonYear(await run(db, compareSeries(units, DEFAULT_METRIC)), units) ?? 2023;
	return {
		initial: await compareData(db, units, DEFAULT_METRIC, year),
		all: all.map(unitChoice)
	};
}
