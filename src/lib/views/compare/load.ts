// What the compare page prerenders: the default selection's answer and every unit to pick from.
import type { Connector } from '../../db/connector';
import { compareData, compareSeries } from '../../queries/compare';
import { run } from '../../queries/query';
import { unitChoice, unitList } from '../../queries/unit';
import type { ComparePrerendered } from './compare.svelte';
import { DEFAULT_METRIC, commonYear, defaultUnits } from './defaults';

/** The year shown when the default units share none (the reference unit's year). */
const FALLBACK_YEAR = 2023;

export async function loadCompare(db: Connector): Promise<ComparePrerendered> {
	const all = await run(db, unitList());
	const units = defaultUnits(all);
	const year =
		commonYear(await run(db, compareSeries(units, DEFAULT_METRIC)), units) ?? FALLBACK_YEAR;
	return {
		initial: await compareData(db, units, DEFAULT_METRIC, year),
		all: all.map(unitChoice)
	};
}
