// Recognises which table a sheet holds and maps its headers (English names, zh labels, common variants) to columns.
import { ALIASES, DATA_TABLES, type TableDef } from '../schema';

/** Header text made comparable: full-width to ASCII, no spaces, no "(万元)" notes, lower case. */
export function normHeader(h: string): string {
	return h
		.normalize('NFKC')
		.replace(/[(（][^)）]*[)）]/g, '')
		.replace(/[\s\u3000:：*]/g, '')
		.toLowerCase();
}

export interface HeaderMapping {
	table: TableDef;
	/** For each header of the file, in order: the column it fills, or null when none. */
	columns: (string | null)[];
	/** Required columns no header fills. */
	missing: string[];
	/** Header index → index of the earlier header that already fills the same column. */
	duplicates: Record<number, number>;
	score: number;
}

function candidates(t: TableDef): Map<string, string> {
	const m = new Map<string, string>();
	const add = (label: string, column: string) => {
		const k = normHeader(label);
		if (k && !m.has(k)) m.set(k, column);
	};
	for (const c of t.columns) add(c.name, c.name);
	for (const c of t.columns) add(c.zh, c.name);
	for (const c of t.columns) add(c.en, c.name);
	for (const [column, names] of Object.entries(ALIASES[t.name] ?? {}))
		for (const n of names) add(n, column);
	return m;
}

/**
 * Columns as the headers chose them, each column kept by the first header that chose it: a later
 * header choosing it again is a duplicate (null, and reported), never a second writer of its
 * values. Choices that are no column of the table (the importer's "do not load") pass through.
 */
export function assignColumns(
	t: TableDef,
	chosen: readonly (string | null)[]
): Pick<HeaderMapping, 'columns' | 'missing' | 'duplicates'> {
	const names = new Set(t.columns.map((c) => c.name));
	const first = new Map<string, number>();
	const duplicates: Record<number, number> = {};
	const columns = chosen.map((c, i) => {
		if (c === null || !names.has(c)) return c;
		const f = first.get(c);
		if (f !== undefined) {
			duplicates[i] = f;
			return null;
		}
		first.set(c, i);
		return c;
	});
	const missing = t.columns
		.filter((c) => c.required === true && !first.has(c.name))
		.map((c) => c.name);
	return { columns, missing, duplicates };
}

export function mapHeaders(t: TableDef, header: readonly string[]): HeaderMapping {
	const cand = candidates(t);
	const a = assignColumns(
		t,
		header.map((h) => cand.get(normHeader(h)) ?? null)
	);
	const filled = a.columns.filter((c) => c !== null).length;
	return { table: t, ...a, score: filled * 2 - a.missing.length * 3 };
}

/** The best table for a header; a file name such as "indicators.csv" or "绩效指标.csv" breaks ties. */
export function recogniseTable(header: readonly string[], fileName = ''): HeaderMapping {
	const name = fileName.toLowerCase();
	const ranked = DATA_TABLES.map((t) => {
		const m = mapHeaders(t, header);
		const hinted = name.includes(t.name) || name.includes(t.zh) ? 1 : 0;
		return { m, rank: m.score + hinted };
	}).sort((a, b) => b.rank - a.rank);
	return ranked[0].m;
}
