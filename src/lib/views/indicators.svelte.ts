// The indicators page's state: a year and a search of deviation reasons; the charts and tables over them.
import { hbarOption } from '$lib/charts/bars';
import type { Column } from '$lib/components/table';
import { INDICATORS } from '$lib/i18n/indicators';
import { lang, tr } from '$lib/i18n/lang.svelte';
import { M } from '$lib/i18n/messages';
import { unitHref } from './links';
import {
	indicatorsData,
	type CommonIndicatorRow,
	type DeductionRow,
	type ReasonRow
} from '$lib/queries/indicators';
import { columnLabel } from '$lib/schema';
import { oneYear, yearChoices } from './choices.svelte';
import { filterable } from './filterable.svelte';
import type { IndicatorsPrerendered } from './indicators-load';
import { int, text } from './url';
import { indicatorsNeeds } from './needs';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A search as a visible text: a control character as its code point ([U+0000]). */
export const visibleText = (s: string): string =>
	s.replace(CONTROL, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);

/** The indicator levels' labels: the schema's. */
const LEVEL = {
	level1: columnLabel('indicators', 'level1'),
	level2: columnLabel('indicators', 'level2'),
	level3: columnLabel('indicators', 'level3')
};

export const commonColumns: Column<CommonIndicatorRow>[] = [
	{ key: 'level1', label: LEVEL.level1, value: (r) => r.level1 },
	{ key: 'level2', label: LEVEL.level2, value: (r) => r.level2 },
	{ key: 'level3', label: LEVEL.level3, value: (r) => r.level3 },
	{ key: 'rows', label: INDICATORS.rows, value: (r) => r.rows, format: 'int' },
	{ key: 'units', label: M.units, value: (r) => r.units, format: 'int' },
	{ key: 'measurable', label: INDICATORS.measurable, value: (r) => r.measurable, format: 'int' },
	{ key: 'missed', label: INDICATORS.missed, value: (r) => r.missed, format: 'int' },
	{ key: 'miss_rate', label: INDICATORS.missRate, value: (r) => r.miss_rate, format: 'pct' },
	{ key: 'deducted', label: INDICATORS.deducted, value: (r) => r.deducted, format: 'int' },
	{ key: 'avg_weight', label: INDICATORS.avgWeight, value: (r) => r.avg_weight, format: 'score' }
];

export const deductionColumns: Column<DeductionRow>[] = [
	{ key: 'level1', label: LEVEL.level1, value: (r) => r.level1 },
	{ key: 'level2', label: LEVEL.level2, value: (r) => r.level2 },
	{ key: 'rows', label: INDICATORS.groupRows, value: (r) => r.rows, format: 'int' },
	{ key: 'weight', label: INDICATORS.weight, value: (r) => r.weight, format: 'score' },
	{ key: 'deduction', label: INDICATORS.deduction, value: (r) => r.deduction, format: 'score' },
	{
		key: 'deducted_rows',
		label: INDICATORS.deductedRows,
		value: (r) => r.deducted_rows,
		format: 'int'
	},
	{ key: 'share', label: INDICATORS.share, value: (r) => r.share, format: 'pct2' }
];

export const reasonColumns: Column<ReasonRow>[] = [
	{ key: 'year', label: M.year, value: (r) => r.year },
	{
		key: 'unit',
		label: M.unit,
		value: (r) => r.short_name,
		href: (r) => unitHref(r.unit_id, r.year)
	},
	{ key: 'form', label: M.form, value: (r) => r.project_name ?? tr(M.formDepartment) },
	{ key: 'level3', label: INDICATORS.indicator, value: (r) => r.level3 },
	{ key: 'target', label: INDICATORS.target, value: (r) => r.target_text },
	{ key: 'actual', label: INDICATORS.actual, value: (r) => r.actual_text },
	{
		key: 'score',
		label: INDICATORS.scoreOfWeight,
		value: (r) => `${r.score ?? '—'} / ${r.weight ?? '—'}`
	},
	{ key: 'reason', label: INDICATORS.reason, value: (r) => r.deviation_reason },
	{ key: 'provenance', label: M.source, value: (r) => r.provenance, format: 'provenance' }
];

/** The indicators page; call during the page component's initialisation. */
export function indicatorsView(data: IndicatorsPrerendered) {
	const page = filterable({
		name: 'indicators',
		params: { year: int, q: text },
		filter: (u) => ({ year: u.year, q: u.q ?? '' }),
		initial: data.initial,
		prerendered: (f) => f.year === null && f.q === '',
		// The prerendered page holds every count but only the first reasons.
		partial: data.initial.reasons.length < data.initial.reasonsTotal,
		query: (db, f) => indicatorsData(db, f.year, f.q),
		needs: (f) => indicatorsNeeds(f.year),
		narrow: (f) => oneYear(f.year, yearChoices(data.years), (year) => ({ year }))
	});
	const missedTop = $derived(page.data.missed.slice(0, 15));
	const deductionsTop = $derived(page.data.deductions.slice(0, 15));
	const missedOption = $derived(
		hbarOption(
			lang.current,
			missedTop.map((r) => r.level3),
			missedTop.map((r) => r.miss_rate),
			INDICATORS.missRate,
			true
		)
	);
	const deductionsOption = $derived(
		hbarOption(
			lang.current,
			deductionsTop.map((r) => `${r.level2 ?? r.level1}`),
			deductionsTop.map((r) => r.deduction),
			INDICATORS.deductionsAxis
		)
	);
	return {
		page,
		get years() {
			return yearChoices(data.years);
		},
		get missedOption() {
			return missedOption;
		},
		get missedCount() {
			return missedTop.length;
		},
		get deductionsOption() {
			return deductionsOption;
		},
		get deductionsCount() {
			return deductionsTop.length;
		},
		/** The search the shown reasons answer, as a visible text. */
		get shownSearch() {
			return visibleText(page.data.search);
		},
		/** A newer search is asked and its rows are not in yet. */
		get searching() {
			return page.filter.q !== page.data.search && !page.error;
		},
		get hasControl() {
			return new RegExp(CONTROL.source).test(page.filter.q);
		},
		/** Searches for the text typed (a new history entry). */
		search: (q: string) => page.set({ q: q || null })
	};
}
