// A trace row as the page shows it: looked up by table, row key and column, and its place as a reader says it.
import { formatRef, type SourceRef } from '../documents/grid';
import type { Lang } from '../i18n/lang.svelte';
import type { TraceRow } from '../queries/trace';

export type TraceLookup = (table: string, key: string, column: string) => TraceRow | undefined;

/** A lookup over trace rows; with no rows, every value simply has no source. */
export function traceLookup(rows: readonly TraceRow[] | undefined): TraceLookup {
	const m = new Map(
		(rows ?? []).map((r) => [`${r.table_name}\u0000${r.row_key}\u0000${r.column_name}`, r])
	);
	return (table, key, column) => m.get(`${table}\u0000${key}\u0000${column}`);
}

/** The place of a traced value: "表 1 · 第 12 行第 5 列 · 第 77 行" (the file is shown on its own). */
export function tracePlace(t: TraceRow, lang: Lang): string {
	const n = (v: number | null) => (v === null ? undefined : Number(v));
	const ref: SourceRef = {
		file: t.file,
		table:
			t.part === null || t.part === '' ? undefined : /^\d+$/.test(t.part) ? Number(t.part) : t.part,
		row: n(t.row),
		col: n(t.col),
		paragraph: n(t.paragraph),
		line: n(t.line),
		lineEnd: n(t.line_end),
		page: n(t.page)
	};
	const full = formatRef(ref, lang);
	const sep = lang === 'zh' ? ' · ' : ', ';
	return full.startsWith(t.file + sep) ? full.slice(t.file.length + sep.length) : full;
}
