// Column definitions shared by DataTable, the chart table views and their downloads: one definition
// says what a cell shows and what the CSV/XLSX write (the number, its precision, its Excel format).
import type { Bilingual, Lang } from '$lib/i18n/lang.svelte';
import { M } from '$lib/i18n/messages';
import type { Cell } from '$lib/export/csv';
import type { ExportTable } from '$lib/export/download';
import { count, delta, pct, score, wan } from '$lib/format/number';
import { GRADE_LABEL, gradeOf, isGrade, type Provenance } from '$lib/schema';

export type CellValue = string | number | null;

export type ColumnFormat =
	| 'text'
	| 'wan'
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
	/** Makes the cell a link (e.g. to the unit's profile); null: this row's cell is plain text. */
	href?: (row: R) => string | null;
	/** In the CSV/XLSX downloads only, not on screen (machine-readable detail). */
	exportOnly?: boolean;
	/** The header sorts nothing: a plain header, no button, no aria-sort. */
	unsortable?: boolean;
	/** Longer text is shown cut to this many characters, the whole of it in its title and on a click. */
	clip?: number;
	/** What the header's figures are, as its title (how a recomputed figure is computed). */
	hint?: Bilingual;
}

/** A table's order: a column's key and its direction. */
export interface SortOrder {
	key: string;
	dir: 'asc' | 'desc';
}

/** The order after a click on a column's header: the same column turns round; numbers start largest first. */
export function nextOrder(order: SortOrder | null, key: string, numeric: boolean): SortOrder {
	return order?.key === key
		? { key, dir: order.dir === 'asc' ? 'desc' : 'asc' }
		: { key, dir: numeric ? 'desc' : 'asc' };
}

/**
 * How a numeric format shows a number and writes it: the shown digits are `(v × scale).toFixed(digits)`;
 * the download holds that rounded number (÷ `back` for percentages, which a spreadsheet stores as
 * fractions) under the Excel format `numFmt`, which displays it as the page does.
 */
interface NumberSpec {
	show: (v: number) => string;
	scale: number;
	digits: number;
	/** Divides the rounded shown number back into the stored value (100 for percent formats). */
	back: number;
	numFmt: string;
}

/** Signed formats as the page prints them: +1.2, −1.2 (U+2212), ±0.0 for a change that rounds to 0. */
const signed = (body: string) => `+${body};"−"${body};"±"${body}`;

const NUMBER: Partial<Record<ColumnFormat, NumberSpec>> = {
	wan: { show: (v) => wan(v), scale: 1, digits: 2, back: 1, numFmt: '#,##0.00' },
	pct: { show: (v) => pct(v, 1), scale: 100, digits: 1, back: 100, numFmt: '0.0%' },
	pct2: { show: (v) => pct(v, 2), scale: 100, digits: 2, back: 100, numFmt: '0.00%' },
	// Scores print as integers or up to two decimals: General shows the rounded value the same way.
	score: { show: (v) => score(v), scale: 1, digits: 2, back: 1, numFmt: 'General' },
	int: { show: (v) => count(v), scale: 1, digits: 0, back: 1, numFmt: '#,##0' },
	// A change of a rate in percentage points: the cell holds the points (−36.2), not the fraction.
	deltaPp: {
		show: (v) => delta(v * 100, 1),
		scale: 100,
		digits: 1,
		back: 1,
		numFmt: signed('0.0')
	},
	deltaPct: {
		show: (v) => delta(v * 100, 1, '%'),
		scale: 100,
		digits: 1,
		back: 100,
		numFmt: signed('0.0%')
	},
	deltaScore: { show: (v) => delta(v, 1), scale: 1, digits: 1, back: 1, numFmt: signed('0.0') }
};

export function isNumeric(c: Column<never>): boolean {
	return (c.format ?? 'text') in NUMBER;
}

/** The number a download holds for a cell: rounded as the page shows it, in the column's unit. */
export function exportNumber(v: number, format: ColumnFormat = 'text'): number {
	const spec = NUMBER[format];
	// Unformatted numbers (years, sequence numbers) as they are; the writers drop float noise.
	if (!spec) return v;
	const shown = Number((v * spec.scale).toFixed(spec.digits));
	const n = spec.back === 1 ? shown : Number((shown / spec.back).toPrecision(12));
	return n === 0 ? 0 : n; // no −0
}

/** The Excel number format of a column (null: text or General). */
export function numFmt(format: ColumnFormat = 'text'): string | null {
	const f = NUMBER[format]?.numFmt;
	return f && f !== 'General' ? f : null;
}

const PROVENANCE: Record<Provenance, Bilingual> = {
	published: M.published,
	synthetic: M.synthetic
};

/** The text a cell shows. */
export function formatCell(v: CellValue, format: ColumnFormat = 'text', lang: Lang = 'zh'): string {
	if (v === null) return '—';
	if (typeof v === 'string') {
		if (format === 'grade' && isGrade(v)) return GRADE_LABEL[v][lang];
		if (format === 'provenance' && v in PROVENANCE) return PROVENANCE[v as Provenance][lang];
		return v;
	}
	const spec = NUMBER[format];
	if (spec) return spec.show(v);
	if (format === 'grade') return GRADE_LABEL[gradeOf(v)][lang];
	return String(v);
}

/** What a download writes for a cell: numbers of numeric columns as numbers, everything else as shown. */
export function exportCell(v: CellValue, format: ColumnFormat = 'text', lang: Lang = 'zh'): Cell {
	if (v === null) return null;
	if (typeof v === 'number' && (format in NUMBER || format === 'text'))
		return Number.isFinite(v) ? exportNumber(v, format) : null;
	return formatCell(v, format, lang);
}

/** The downloads of a table: every column (export-only ones too), headers in the page's language. */
export function exportTable<R>(
	columns: readonly Column<R>[],
	rows: readonly R[],
	lang: Lang
): ExportTable {
	return {
		header: columns.map((c) => c.label[lang]),
		formats: columns.map((c) => numFmt(c.format)),
		rows: rows.map((r) => columns.map((c) => exportCell(c.value(r), c.format, lang)))
	};
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
