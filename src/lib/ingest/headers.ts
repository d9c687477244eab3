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

export function mapHeaders(t: TableDef, header: readonly string[]): HeaderMapping {
	const cand = candidates(t);
	const used = new Map<string, number>();
	const duplicates: Record<number, number> = {};
	const columns = header.map((h, i) => {
		const c = cand.get(normHeader(h)) ?? null;
		if (c === null) return null;
		const first = used.get(c);
		if (first !== undefined) {
			duplicates[i] = first;
			return null;
		}
		used.set(c, i);
		return c;
	});
	const missing = t.columns
		.filter((c) => c.required === true && !used.has(c.name))
		.map((c) => c.name);
	const score = used.size * 2 - missing.length * 3;
	return { table: t, columns, missing, duplicates, score };
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
