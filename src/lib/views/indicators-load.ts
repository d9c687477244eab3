// What the indicators page prerenders: every count over all years, the first deviation reasons, the years.
import type { Connector } from '$lib/db/connector';
import { indicatorsData, type IndicatorsData } from '$lib/queries/indicators';
import { years } from '$lib/queries/overview';
import { run } from '$lib/queries/query';

/** Deviation reasons carried in the prerendered page; the rest load with the in-browser database. */
const PRERENDERED_REASONS = 100;

export interface IndicatorsPrerendered {
	initial: IndicatorsData;
	years: number[];
}

export async function loadIndicators(db: Connector): Promise<IndicatorsPrerendered> {
	const [initial, ys] = await Promise.all([
		indicatorsData(db, null, '', PRERENDERED_REASONS),
		run(db, years())
	]);
	return { initial, years: ys.map((y) => y.year) };
}
