// A trace row as the page shows it: looked up by table, row key and column, and its place as a reader says it.
import { formatRef } from '../documents/grid';
import { placeOf } from '../documents/trace-place';
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
	const ref = placeOf(t.file, t);
	const full = formatRef(ref, lang);
	const sep = lang === 'zh' ? ' · ' : ', ';
	return full.startsWith(t.file + sep) ? full.slice(t.file.length + sep.length) : full;
}
