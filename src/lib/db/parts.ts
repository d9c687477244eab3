// The site's data in partitions: the file format (gzipped Arrow streams, several tables per file), which partition holds which rows, and what a view needs.
import { TABLES, type TableName } from '../schema';

/**
 * Tables every page loads whole (small, and every view names units or lists the years): the base partition. The
 * rest are partitioned twice over: by year (one file per year and table, for views across units)
 * and by unit (one file per unit with all its tables, for the unit's page and comparisons).
 */
export const BASE_TABLES: readonly TableName[] = [
	'units',
	'metric_dictionary',
	'directions',
	'year_totals'
];

/** The partitioned tables, in the schema's order. */
export const PART_TABLES: readonly TableName[] = TABLES.map((t) => t.name).filter(
	(n) => !BASE_TABLES.includes(n)
);

/** One file: its path under the data folder, its bytes on disk and its rows per table. */
export interface PartFile {
	path: string;
	bytes: number;
	rows: Partial<Record<TableName, number>>;
}

/** The manifest's list of partitions. */
export interface PartsManifest {
	/** Every file is gzip of a packed file (see `packStreams`); the browser inflates it natively. */
	format: 'jixiao-parts-1';
	/** Changes whenever any data changes: appended to every URL, so a new build is never mixed with a cached one. */
	version: string;
	base: PartFile;
	/** One entry per year of the data; `year: null` holds rows of no year (unit-wide audit flags, a unit's own trace). */
	years: { year: number | null; tables: Partial<Record<TableName, PartFile>> }[];
	/** Folder of the unit files, one per unit of the units table (`unitPartPath`). */
	unitDir: string;
	units: number;
	/** Bytes of all unit files together, and of the largest. */
	unitBytes: { total: number; max: number };
}

/** Where a unit's file is: its id made safe for any file system and URL. */
export function unitPartPath(unitDir: string, unitId: string): string {
	return `${unitDir}/${encodeURIComponent(unitId).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}.bin`;
}

/**
 * What a view's query reads: rows of some tables in one year (null: rows of no year; 'all': every
 * year, or with `from`/`to` every year from or to those, both ends included, none of no year), or
 * every row of one unit.
 */
export type Need =
	| {
			year: number | null | 'all';
			tables: readonly TableName[];
			from?: number | null;
			to?: number | null;
	  }
	| { unit: string }
	/** Every row of every table (a view across all years, or before a user's data joins). */
	| { all: true };

export const needYear = (year: number | null, ...tables: TableName[]): Need => ({ year, tables });
export const needAllYears = (...tables: TableName[]): Need => ({ year: 'all', tables });
/** These tables in every year from `from` to `to` (an open end: every year before or after). */
export const needYearRange = (
	from: number | null,
	to: number | null,
	...tables: TableName[]
): Need => ({ year: 'all', tables, from, to });
export const needUnit = (unit: string): Need => ({ unit });
export const NEED_ALL: Need = { all: true };

const MAGIC = 'JXP1';

/** Packs table streams into one file: magic, a JSON header (table, bytes, rows), then the streams. */
export function packStreams(
	streams: readonly { table: TableName; bytes: Uint8Array; rows: number }[]
): Uint8Array {
	const header = new TextEncoder().encode(
		JSON.stringify(streams.map((s) => ({ table: s.table, bytes: s.bytes.length, rows: s.rows })))
	);
	const total = 8 + header.length + streams.reduce((n, s) => n + s.bytes.length, 0);
	const out = new Uint8Array(total);
	out.set(new TextEncoder().encode(MAGIC), 0);
	new DataView(out.buffer).setUint32(4, header.length, true);
	out.set(header, 8);
	let at = 8 + header.length;
	for (const s of streams) {
		out.set(s.bytes, at);
		at += s.bytes.length;
	}
	return out;
}

/** The streams of a packed file; throws on anything that is not one. */
export function unpackStreams(
	file: Uint8Array
): { table: TableName; bytes: Uint8Array; rows: number }[] {
	if (file.length < 8 || new TextDecoder().decode(file.subarray(0, 4)) !== MAGIC)
		throw new Error('not a Jixiao partition file');
	const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
	const headerLength = view.getUint32(4, true);
	const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + headerLength))) as {
		table: TableName;
		bytes: number;
		rows: number;
	}[];
	let at = 8 + headerLength;
	const out = header.map((h) => {
		const bytes = file.subarray(at, at + h.bytes);
		at += h.bytes;
		return { ...h, bytes };
	});
	if (at !== file.length) throw new Error('partition file: length does not match its header');
	return out;
}
