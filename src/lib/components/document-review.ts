// Labels and places for the review of a document on /data/: what each recognised field is called, and where it was printed.
import { formatRef, type SourceRef } from '../documents/grid';
import type { FormRead, IndicatorField } from '../documents/recognise';
import { table } from '../schema/tables';
import type { Lang } from '../i18n/lang.svelte';

/** A budget field's label as the schema names its column (全年预算数 / Final budget). */
export function budgetLabel(field: string, lang: Lang): string {
	const c = table('evaluations').columns.find((x) => x.name === field);
	return c ? (lang === 'zh' ? c.zh : c.en) : field;
}

/** The indicator columns the review shows, in the form's order. */
export const INDICATOR_SHOWN: readonly { field: IndicatorField; zh: string; en: string }[] = [
	{ field: 'level1', zh: '一级指标', en: 'Level 1' },
	{ field: 'level2', zh: '二级指标', en: 'Level 2' },
	{ field: 'level3', zh: '三级指标', en: 'Level 3' },
	{ field: 'target', zh: '年度指标值', en: 'Target' },
	{ field: 'actual', zh: '实际完成值', en: 'Actual' },
	{ field: 'weight', zh: '分值', en: 'Weight' },
	{ field: 'score', zh: '得分', en: 'Score' }
];

export const place = (ref: SourceRef | null | undefined, lang: Lang): string =>
	ref ? formatRef(ref, lang) : '';

/** The name a form prints for its unit or project. */
export function formName(f: FormRead): string {
	return (
		f.header.project?.text ??
		f.header.unit?.text ??
		f.header.implementer?.text ??
		f.header.department?.text ??
		''
	);
}
