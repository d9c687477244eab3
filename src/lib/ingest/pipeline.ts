// The import pipeline shared by the browser and `npm run validate`: decode, parse, recognise, normalise, validate.
import {
	METRICS,
	formatIssue,
	table,
	validateDataset,
	type TableName,
	type ValidationIssue,
	type ValidationReport
} from '../schema';
import type { ValidRow } from '../schema/validate';
import { canonicalise, type IngestWarning } from './canonical';
import { parseCsv, type CsvTable } from './csv';
import { decodeText, type Encoding } from './decode';
import { mapHeaders, recogniseTable, type HeaderMapping } from './headers';

export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

export interface FileResult {
	name: string;
	/** The headers as the file printed them. */
	header: string[];
	encoding: Encoding | null;
	delimiter: string | null;
	table: TableName | null;
	mapping: HeaderMapping | null;
	/** Headers that map to no column: their values would be lost, so the file is rejected. */
	unmapped: string[];
}

export interface ImportResult {
	files: FileResult[];
	report: ValidationReport;
	warnings: IngestWarning[];
	/** Accepted rows per table, canonical and typed as text, ready to load. */
	rows: Map<TableName, ValidRow[]>;
	canonical: { table: TableName; csv: CsvTable }[];
}

const fileIssue = (
	file: string,
	message: string,
	column: string | null = null,
	line: number | null = null
): ValidationIssue => ({
	file,
	line,
	column,
	rule: 'file',
	value: null,
	message
});

/** A header the user chose not to load (its values are dropped on purpose, and the report says so). */
export const IGNORE = '__ignore__';

export interface ImportOptions {
	/** Corrections from the user: which table a file holds and which column each header fills. */
	overrides?: Record<string, { table?: TableName; columns?: (string | null)[] }>;
	/** Keys already loaded (adding to a dataset): references to them are valid. */
	known?: Partial<Record<TableName, Record<string, ReadonlySet<string>>>>;
	/** Called as files are read: file index, count, stage. */
	onProgress?: (p: { file: number; files: number; stage: 'decode' | 'parse' | 'validate' }) => void;
}

/** A table read from an uploaded file: a CSV, one sheet of a workbook, or a Parquet file. */
export interface Source {
	name: string;
	csv: CsvTable | null;
	error: string | null;
	encoding: Encoding | null;
	delimiter: string | null;
}

/** Decodes and parses a CSV file. */
export function csvSource(f: InputFile): Source {
	const decoded = decodeText(f.bytes);
	if (!decoded.ok)
		return { name: f.name, csv: null, error: decoded.error, encoding: null, delimiter: null };
	const csv = parseCsv(decoded.text, f.name);
	return {
		name: f.name,
		csv,
		error: null,
		encoding: decoded.encoding,
		delimiter: csv.delimiter ?? null
	};
}

/** CSV files only, synchronously (the command line and tests); see importAnyFiles for XLSX and Parquet. */
export function importFiles(files: readonly InputFile[], opts: ImportOptions = {}): ImportResult {
	return importSources(files.map(csvSource), opts);
}

export function importSources(sources: readonly Source[], opts: ImportOptions = {}): ImportResult {
	const results: FileResult[] = [];
	const issues: ValidationIssue[] = [];
	const warnings: IngestWarning[] = [];
	const canonical: { table: TableName; csv: CsvTable }[] = [];
	for (const [index, src] of sources.entries()) {
		opts.onProgress?.({ file: index, files: sources.length, stage: 'parse' });
		if (!src.csv) {
			issues.push(fileIssue(src.name, src.error ?? 'the file could not be read'));
			results.push({
				name: src.name,
				header: [],
				encoding: src.encoding,
				delimiter: null,
				table: null,
				mapping: null,
				unmapped: []
			});
			continue;
		}
		const csv = src.csv;
		const f = { name: src.name };
		if (csv.header.length === 0) {
			issues.push(fileIssue(f.name, 'the file has no header row'));
			results.push({
				name: f.name,
				header: [],
				encoding: src.encoding,
				delimiter: src.delimiter,
				table: null,
				mapping: null,
				unmapped: []
			});
			continue;
		}
		const o = opts.overrides?.[f.name];
		const detected = o?.table
			? mapHeaders(table(o.table), csv.header)
			: recogniseTable(csv.header, f.name);
		const mapping = o?.columns ? withColumns(detected, o.columns) : detected;
		const unmapped = csv.header.filter((_, i) => mapping.columns[i] === null);
		results.push({
			name: f.name,
			header: csv.header,
			encoding: src.encoding,
			delimiter: src.delimiter,
			table: mapping.table.name,
			mapping,
			unmapped
		});
		const c = canonicalise(csv, mapping);
		warnings.push(...c.warnings);
		csv.header.forEach((h, i) => {
			if (mapping.columns[i] === IGNORE)
				warnings.push({
					file: f.name,
					line: csv.headerLine,
					column: h,
					value: h,
					message: 'not loaded, as chosen'
				});
		});
		for (const h of unmapped)
			issues.push({
				...fileIssue(
					f.name,
					`header “${h}” matches no column of ${mapping.table.name}; its values would be lost`,
					h,
					csv.headerLine
				),
				rule: 'unknown-column'
			});
		if (unmapped.length > 0)
			for (const r of csv.rows)
				issues.push(
					fileIssue(f.name, 'row not loaded: the header has unknown columns', null, r.line)
				);
		else canonical.push({ table: mapping.table.name, csv: c.csv });
	}
	opts.onProgress?.({ file: sources.length, files: sources.length, stage: 'validate' });
	const v = validateDataset(
		canonical.map((c) => ({ table: table(c.table), csv: c.csv })),
		{ ...opts.known, metric_dictionary: { key: new Set(METRICS.map((m) => m.key)) } }
	);
	const rows = new Map<TableName, ValidRow[]>();
	for (const c of canonical)
		rows.set(c.table, [...(rows.get(c.table) ?? []), ...(v.rows.get(c.csv) ?? [])]);
	const tables = v.tables.slice();
	for (const r of results)
		if (!canonical.some((c) => c.csv.file === r.name)) {
			const n = issues.filter(
				(i) => i.file === r.name && i.line !== null && i.rule === 'file'
			).length;
			tables.push({ table: r.table, file: r.name, read: n, accepted: 0, rejected: n });
		}
	const all = [...issues, ...v.issues].sort(
		(a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0)
	);
	return {
		files: results,
		report: { issues: all, tables, ok: all.length === 0 },
		warnings,
		rows,
		canonical
	};
}

/** The report as text lines, for the command line. */
export function reportLines(r: ImportResult): string[] {
	const out: string[] = [];
	for (const f of r.files)
		out.push(
			`${f.name}: ${f.table ?? '?'}${f.encoding ? `, ${f.encoding}` : ''}${f.delimiter ? `, delimiter ${JSON.stringify(f.delimiter)}` : ''}`
		);
	for (const t of r.report.tables)
		out.push(`  ${t.file}: read ${t.read} = accepted ${t.accepted} + rejected ${t.rejected}`);
	if (r.report.issues.length) {
		out.push(`${r.report.issues.length} error(s):`);
		for (const i of r.report.issues) out.push(`  ${formatIssue(i)}`);
	}
	if (r.warnings.length) {
		out.push(`${r.warnings.length} warning(s) (value kept):`);
		for (const w of r.warnings)
			out.push(`  ${w.file}:${w.line} column ${w.column} ${JSON.stringify(w.value)} ${w.message}`);
	}
	return out;
}

/** A mapping with the user's column choices; required columns no header fills are listed again. */
function withColumns(m: HeaderMapping, columns: (string | null)[]): HeaderMapping {
	const cols = m.columns.map((c, i) => (i < columns.length ? columns[i] : c));
	const used = new Set(cols.filter((c): c is string => c !== null));
	const missing = m.table.columns
		.filter((c) => c.required === true && !used.has(c.name))
		.map((c) => c.name);
	return { ...m, columns: cols, missing };
}
