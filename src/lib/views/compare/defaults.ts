// The compare page's defaults: which units, metric and year it shows before anyone chooses.
import type { CompareRow } from '../../queries/compare';
import { DISCIPLINE_SECTOR, type MetricKey, type Provenance } from '../../schema';

export const MAX_UNITS = 6;
export const DEFAULT_METRIC: MetricKey = 'cases_filed';

/** The published units first, then synthetic discipline commissions, three in all. */
export function defaultUnits(
	units: readonly { unit_id: string; sector: string | null; provenance: Provenance }[]
): string[] {
	const published = units.filter((u) => u.provenance === 'published').map((u) => u.unit_id);
	const others = units
		.filter((u) => u.provenance !== 'published' && u.sector === DISCIPLINE_SECTOR)
		.map((u) => u.unit_id);
	return [...published, ...others].slice(0, 3);
}

/** The latest year in which every chosen unit filed a department form, else the latest year of any. */
export function commonYear(rows: readonly CompareRow[], units: readonly string[]): number | null {
	const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
	return (
		years.find((y) => units.every((u) => rows.some((r) => r.unit_id === u && r.year === y))) ??
		years[0] ??
		null
	);
}
