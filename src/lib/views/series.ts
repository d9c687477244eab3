// Pivots that turn query rows into chart series: one series per metric over the years.
import type { SeriesInput } from '../charts/trends';
import { CASE_METRICS } from '../schema';

export { CASE_METRICS };

/** A case figure of the metric dictionary (counted together in one chart). */
export const isCaseMetric = (key: string): boolean =>
	(CASE_METRICS as readonly string[]).includes(key);

/** A metric's figure in one year, with the metric's names. */
interface MetricYearRow {
	year: number;
	metric: string;
	zh: string;
	en: string;
}

/** One series per metric key, named as the rows name it (the key when no row has it), one value per year. */
export function metricSeries<R extends MetricYearRow>(
	rows: readonly R[],
	keys: readonly string[],
	years: readonly number[],
	value: (row: R) => number | null
): SeriesInput[] {
	return keys.map((key) => {
		const first = rows.find((r) => r.metric === key);
		return {
			name: first ? { zh: first.zh, en: first.en } : key,
			data: years.map((y) => {
				const row = rows.find((r) => r.metric === key && r.year === y);
				return row ? value(row) : null;
			})
		};
	});
}

/** The values of a list once each, in their first order. */
export function distinct<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}
