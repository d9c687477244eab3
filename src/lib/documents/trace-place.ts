// A source reference as the trace table stores it (part, page, row, col, paragraph, line, line_end), and back: one mapping for the writer and every reader of the trace.
import type { SourceRef } from './grid';

export type PlaceColumn = 'part' | 'page' | 'row' | 'col' | 'paragraph' | 'line' | 'line_end';

/** The trace columns of a place, as text (empty where the place has no such part). */
export function placeColumns(ref: SourceRef): Record<PlaceColumn, string> {
	const s = (n: number | string | undefined) => (n === undefined ? '' : String(n));
	return {
		part: s(ref.table),
		page: s(ref.page),
		row: s(ref.row),
		col: s(ref.col),
		paragraph: s(ref.paragraph),
		line: s(ref.line),
		line_end: s(ref.lineEnd ?? ref.line)
	};
}

/** The place of a trace row, from its columns as text or numbers (a numeric part is a table number, other text a sheet name). */
export function placeOf(
	file: string,
	cols: Partial<Record<PlaceColumn, string | number | null | undefined>>
): SourceRef {
	const n = (v: string | number | null | undefined) =>
		v === null || v === undefined || v === '' ? undefined : Number(v);
	const part = cols.part === null || cols.part === undefined ? '' : String(cols.part);
	return {
		file,
		table: part === '' ? undefined : /^\d+$/.test(part) ? Number(part) : part,
		page: n(cols.page),
		row: n(cols.row),
		col: n(cols.col),
		paragraph: n(cols.paragraph),
		line: n(cols.line),
		lineEnd: n(cols.line_end)
	};
}
