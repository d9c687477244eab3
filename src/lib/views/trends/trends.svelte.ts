// The trends page's state: the prerendered trends, or those of imported data; the charts and tables over them.
import { bandOption, barsOption, linesOption } from '$lib/charts/trends';
import { COLOR } from '$lib/charts/theme';
import type { Column } from '$lib/components/table';
import { C } from '$lib/i18n/charts';
import { lang, tr } from '$lib/i18n/lang.svelte';
import { M } from '$lib/i18n/messages';
import { T } from '$lib/i18n/trends';
import {
	trendsData,
	type MetricTotalRow,
	type TrendsData,
	type YearStatsRow
} from '$lib/queries/trends';
import { filterable } from '../filterable.svelte';
import { CASE_METRICS, isCaseMetric, metricSeries } from '../series';
import { trendsNeeds } from '../needs';

const Y: Column<YearStatsRow> = { key: 'year', label: M.year, value: (r) => r.year };

export const rateColumns: Column<YearStatsRow>[] = [
	Y,
	{ key: 'q1', label: T.q1, value: (r) => r.rate_q1, format: 'pct2' },
	{ key: 'median', label: T.median, value: (r) => r.rate_median, format: 'pct2' },
	{ key: 'q3', label: T.q3, value: (r) => r.rate_q3, format: 'pct2' },
	{ key: 'n', label: T.departmentForms, value: (r) => r.department_forms, format: 'int' }
];
export const scoreColumns: Column<YearStatsRow>[] = [
	Y,
	{ key: 'q1', label: T.q1, value: (r) => r.score_q1, format: 'score' },
	{ key: 'median', label: T.median, value: (r) => r.score_median, format: 'score' },
	{ key: 'q3', label: T.q3, value: (r) => r.score_q3, format: 'score' }
];
export const budgetColumns: Column<YearStatsRow>[] = [
	Y,
	{ key: 'budget', label: T.finalBudgetWan, value: (r) => r.budget_final, format: 'wan' },
	{ key: 'executed', label: T.executedWan, value: (r) => r.executed, format: 'wan' }
];
export const belowColumns: Column<YearStatsRow>[] = [
	Y,
	{ key: 'forms', label: T.forms, value: (r) => r.forms, format: 'int' },
	{ key: 'below', label: T.below, value: (r) => r.below_90, format: 'int' },
	{
		key: 'below_dept',
		label: T.belowDepartment,
		value: (r) => r.below_90_department,
		format: 'int'
	}
];
export const caseColumns: Column<MetricTotalRow>[] = [
	{ key: 'year', label: M.year, value: (r) => r.year },
	{ key: 'metric', label: T.metric, value: (r) => tr(r) },
	{ key: 'total', label: T.total, value: (r) => r.total, format: 'score' },
	{ key: 'unit', label: T.unit, value: (r) => r.unit },
	{ key: 'units', label: T.unitsReporting, value: (r) => r.units, format: 'int' }
];

/** The trends page; call during the page component's initialisation. */
export function trendsView(prerendered: TrendsData) {
	// No filter: the prerendered answer holds for the published data, imported data is asked again.
	const page = filterable({
		name: 'trends',
		params: {},
		filter: () => ({}),
		initial: prerendered,
		prerendered: () => true,
		idleStart: false,
		query: (db) => trendsData(db),
		needs: trendsNeeds
	});
	const ys = $derived(page.data.years);
	const years = $derived(ys.map((y) => y.year));
	const cases = $derived(page.data.cases);
	const caseSeries = (keys: readonly string[]) => metricSeries(cases, keys, years, (r) => r.total);

	const rateOption = $derived(
		bandOption(lang.current, {
			years,
			q1: ys.map((y) => y.rate_q1),
			median: ys.map((y) => y.rate_median),
			q3: ys.map((y) => y.rate_q3),
			scale: 100,
			threshold: 90,
			axis: C.execRateAxis
		})
	);
	const scoreOption = $derived(
		bandOption(lang.current, {
			years,
			q1: ys.map((y) => y.score_q1),
			median: ys.map((y) => y.score_median),
			q3: ys.map((y) => y.score_q3),
			scale: 1,
			axis: C.scoreAxis
		})
	);
	const budgetOption = $derived(
		barsOption(
			lang.current,
			years,
			[
				{ name: T.finalBudget, data: ys.map((y) => y.budget_final), color: COLOR.synthetic },
				{ name: T.executed, data: ys.map((y) => y.executed), color: COLOR.published }
			],
			M.wanAxis
		)
	);
	const belowOption = $derived(
		barsOption(
			lang.current,
			years,
			[
				{ name: T.allForms, data: ys.map((y) => y.below_90), color: COLOR.below },
				{
					name: T.departmentForms,
					data: ys.map((y) => y.below_90_department),
					color: COLOR.line
				}
			],
			T.formsAxis
		)
	);
	const casesOption = $derived(linesOption(lang.current, years, caseSeries(CASE_METRICS), C.count));
	const lossesOption = $derived(
		barsOption(
			lang.current,
			years,
			caseSeries(['losses_recovered']).map((s) => ({ ...s, color: COLOR.published })),
			T.lossesAxis
		)
	);
	const caseRows = $derived(cases.filter((r) => isCaseMetric(r.metric)));
	const lossRows = $derived(cases.filter((r) => r.metric === 'losses_recovered'));
	const notice = $derived({
		from: years[0] ?? '',
		to: years[years.length - 1] ?? '',
		forms: ys.reduce((s, y) => s + y.forms, 0),
		synthetic: ys.reduce((s, y) => s + y.synthetic_forms, 0)
	});

	return {
		page,
		get years() {
			return ys;
		},
		get cases() {
			return cases;
		},
		get caseRows() {
			return caseRows;
		},
		get lossRows() {
			return lossRows;
		},
		get notice() {
			return notice;
		},
		get rateOption() {
			return rateOption;
		},
		get scoreOption() {
			return scoreOption;
		},
		get budgetOption() {
			return budgetOption;
		},
		get belowOption() {
			return belowOption;
		},
		get casesOption() {
			return casesOption;
		},
		get lossesOption() {
			return lossesOption;
		}
	};
}
