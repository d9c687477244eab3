// The shape of manifest.json: what a build holds, so the site and downloads can trust and cache it.
import type { PartsManifest } from './parts';

export interface BuiltFile {
	path: string;
	bytes: number;
	sha256: string;
}

export interface Manifest {
	schema_version: string;
	/** Per table: its rows and the downloads (Parquet, exact CSV, spreadsheet-safe XLSX); `xlsx` is null for a table over `xlsx_max_rows`. */
	tables: Record<
		string,
		{ rows: number; parquet: BuiltFile; csv: BuiltFile; xlsx: BuiltFile | null }
	>;
	/** What the browser loads: the data in partitions, fetched as a view needs them. */
	parts: PartsManifest;
	/** The longest table given an XLSX download (at most a sheet's rows). */
	xlsx_max_rows: number;
	/**
	 * The search index, built from the same tables: its base (`search/index.json.gz`, which names its
	 * parts and their hashes), and its parts' count and bytes (gzipped JSON as stored).
	 */
	search: BuiltFile & { texts: number; records: number; parts: number; partBytes: number };
	inputs: { file: string; table: string; rows: number; sha256: string }[];
	years: { min: number | null; max: number | null };
	evaluations: { published: number; synthetic: number };
}
