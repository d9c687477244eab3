// The shape of manifest.json: what a build holds, so the site and downloads can trust and cache it.

export interface BuiltFile {
	path: string;
	bytes: number;
	sha256: string;
}

export interface Manifest {
	schema_version: string;
	/** Arrow IPC streams the browser loads, one per table. */
	format: 'arrow-ipc-stream';
	/** Per table: the Arrow stream, and the downloads (Parquet, exact CSV, spreadsheet-safe XLSX). */
	tables: Record<
		string,
		{ rows: number; arrow: BuiltFile; parquet: BuiltFile; csv: BuiltFile; xlsx: BuiltFile }
	>;
	/** The search index (search-index.json), built from the same tables. */
	search: BuiltFile & { texts: number; records: number };
	inputs: { file: string; table: string; rows: number; sha256: string }[];
	years: { min: number | null; max: number | null };
	evaluations: { published: number; synthetic: number };
}
