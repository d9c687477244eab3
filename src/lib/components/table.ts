// Column definitions shared by DataTable and the chart table views: a label, a raw value, a format.
import type { Bilingual, Lang } from '$lib/i18n/lang.svelte';
import {
	count,
	delta,
	GRADE_EN,
	grade,
	money,
	pct,
	score,
	wan,
	type Grade
} from '$lib/format/number';

export type CellValue = string | number | null;

export type ColumnFormat =
	| 'text'
	| 'wan'
	| 'money'
	| 'pct'
	| 'pct2'
	| 'score'
	| 'int'
	| 'deltaPp'
	| 'deltaPct'
	| 'deltaScore'
	| 'grade'
	| 'provenance';

export interface Column<R> {
	key: string;
	label: Bilingual;
	value: (row: R) => CellValue;
	format?: ColumnFormat;
	/** Makes the cell a link (e.g. to the unit's profile). */
	href?: (row: R) => string;
	/** In the CSV/XLSX downloads only, not on screen (machine-readable detail). */
	exportOnly?: boolean;
}

const NUMERIC = new Set<ColumnFormat>([
	'wan',
	'money',
	'pct',
	'pct2',
	'score',
	'int',
	'deltaPp',
	'deltaPct',
	'deltaScore'
]);

export function isNumeric(c: Column<never>): boolean {
	return NUMERIC.has(c.format ?? 'text');
}

/** The text a cell shows. */
export function formatCell(v: CellValue, format: ColumnFormat = 'text', lang: Lang = 'zh'): string {
	if (v === null) return '—';
	if (typeof v === 'string') {
		if (format === 'grade' && lang === 'en' && v in GRADE_EN) return GRADE_EN[v as Grade];
		return v;
	}
	switch (format) {
		case 'wan':
			return wan(v);
		case 'money':
			return money(v, lang);
		case 'pct':
			return pct(v, 1);
		case 'pct2':
			return pct(v, 2);
		case 'score':
			return score(v);
		case 'int':
			return count(v);
		case 'deltaPp':
			return delta(v * 100, 1);
		case 'deltaPct':
			return delta(v * 100, 1, '%');
		case 'deltaScore':
			return delta(v, 1);
		case 'grade': {
			const g = grade(v);
			return lang === 'en' && g !== '—' ? GRADE_EN[g] : g;
		}
		default:
			return String(v);
	}
}

/** Sorts rows by a column; nulls always last. */
export function sortRows<R>(rows: readonly R[], col: Column<R>, dir: 'asc' | 'desc'): R[] {
	const sign = dir === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = col.value(a);
		const y = col.value(b);
		if (x === null && y === null) return 0;
		if (x === null) return 1;
		if (y === null) return -1;
		if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
		return String(x).localeCompare(String(y), 'zh-CN') * sign;
	});
}
