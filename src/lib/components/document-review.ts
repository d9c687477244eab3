// Labels and places for the review of a document on /data/: what each recognised field is called, and where it was printed.
import { formatRef, type SourceRef } from '../documents/grid';
import type { BudgetField, IndicatorField } from '../documents/recognise';
import { columnLabel, type ColumnName } from '../schema';
import type { Lang } from '../i18n/lang.svelte';

/** A budget field's label: its column's in the schema (Final budget). */
export function budgetLabel(field: BudgetField, lang: Lang): string {
	return columnLabel('evaluations', field)[lang];
}

/** The indicator fields the review shows, in the form's order, each with the column it fills. */
const SHOWN: readonly [IndicatorField, ColumnName<'indicators'>][] = [
	['level1', 'level1'],
	['level2', 'level2'],
	['level3', 'level3'],
	['target', 'target_text'],
	['actual', 'actual_text'],
	['weight', 'weight'],
	['score', 'score']
];

/** The indicator columns the review shows, labelled as the schema labels their columns. */
export const INDICATOR_SHOWN: readonly { field: IndicatorField; zh: string; en: string }[] =
	SHOWN.map(([field, column]) => ({ field, ...columnLabel('indicators', column) }));

export const place = (ref: SourceRef | null | undefined, lang: Lang): string =>
	ref ? formatRef(ref, lang) : '';
