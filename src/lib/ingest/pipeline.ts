// The import pipeline shared by the browser and `npm run validate`: decode, parse, recognise, normalise, validate.
import {
	METRICS,
	formatIssue,
	msg,
	table,
	type Msg,
	validateDataset,
	type TableName,
	type ValidationIssue,
	type ValidationReport
} from '../schema';
import type { CsvTable, ValidRow } from '../schema/validate';
import { canonicalise, type IngestWarning } from './canonical';
import { parseCsv } from './csv';
import { decodeText, type DecodeNote, type Encoding } from './decode';
import { assignColumns, mapHeaders, recogniseTable, type HeaderMapping } from './headers';

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
	/** Required columns the file lacks that took the chosen default for every row (provenance). */
	defaulted: Record<string, string>;
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
	message: Msg,
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

/** Values for columns a file lacks as a whole (ColumnDef.askDefault: provenance), by column name. */
export type ColumnDefaults = Record<string, string>;

export interface ImportOptions {
	/**
	 * Corrections from the user: which table a file holds, which column each header fills, and
	 * the default of a required column the file lacks (wins over `defaults`).
	 */
	overrides?: Record<
		string,
		{ table?: TableName; columns?: (string | null)[]; defaults?: ColumnDefaults }
	>;
	/** Defaults for every file that lacks such a column; without one, the file is refused as before. */
	defaults?: ColumnDefaults;
	/** Keys already loaded (adding to a dataset): references to them are valid. */
	known?: Partial<Record<TableName, Record<string, ReadonlySet<string>>>>;
	/** Called as files are read: file index, count, stage. */
	onProgress?: (p: { file: number; files: number; stage: 'decode' | 'parse' | 'validate' }) => void;
}

/** A table read from an uploaded file: a CSV, one sheet of a workbook, or a Parquet file. */
export interface Source {
	name: string;
	csv: CsvTable | null;
	error: Msg | null;
	encoding: Encoding | null;
	delimiter: string | null;
	/** Lines decoded in another encoding than the file's (a GBK cell in a UTF-8 file). */
	notes?: DecodeNote[];
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
		delimiter: csv.delimiter ?? null,
		notes: decoded.notes
	};
}

/** The row a physical line belongs to (a quoted cell may span lines): the last row starting at or before it. */
function rowAt(csv: CsvTable, line: number): CsvTable['rows'][number] | null {
	let lo = 0;
	let hi = csv.rows.length - 1;
	let found: CsvTable['rows'][number] | null = null;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (csv.rows[mid].line <= line) {
			found = csv.rows[mid];
			lo = mid + 1;
		} else hi = mid - 1;
	}
	return found;
}

/**
 * Headers with no text: ignored, with a warning, when every cell under them is empty (a trailing
 * delimiter); otherwise their values would be lost, so each row holding one is refused.
 */
function emptyHeaders(csv: CsvTable, columns: (string | null)[]) {
	const warnings: IngestWarning[] = [];
	const issues: ValidationIssue[] = [];
	const out = columns.slice();
	csv.header.forEach((h, i) => {
		if (h !== '' || out[i] !== null) return;
		const filled = csv.rows.filter((r) => (r.fields[i] ?? '') !== '');
		out[i] = IGNORE;
		if (filled.length === 0)
			warnings.push({
				file: csv.file,
				line: csv.headerLine,
				column: `#${i + 1}`,
				value: '',
				message: msg(
					`第 ${i + 1} 列没有表头，也没有值：已忽略`,
					`column ${i + 1} has no header and no values: ignored`
				)
			});
		else
			for (const r of filled)
				issues.push({
					file: csv.file,
					line: r.line,
					column: `#${i + 1}`,
					rule: 'unknown-column',
					value: r.fields[i],
					message: msg(
						`第 ${i + 1} 列没有表头，其中的值会丢失：请补上表头`,
						`column ${i + 1} has no header, so this value would be lost: give the column a header`
					)
				});
	});
	return { columns: out, warnings, issues };
}

/** CSV files only, synchronously (the command line and tests); see importAnyFiles for XLSX and Parquet. */
export function importFiles(files: readonly InputFile[], opts: ImportOptions = {}): ImportResult {
	return importSources(files.map(csvSource), opts);
}

export function importSources(sources: readonly Source[], opts: ImportOptions = {}): ImportResult {
	const results: FileResult[] = [];
	const issues: ValidationIssue[] = [];
	const warnings: IngestWarning[] = [];
	const canonical: { table: TableName; csv: CsvTable; issues: ValidationIssue[] }[] = [];
	for (const [index, src] of sources.entries()) {
		opts.onProgress?.({ file: index, files: sources.length, stage: 'parse' });
		if (!src.csv) {
			issues.push(
				fileIssue(src.name, src.error ?? msg('无法读取该文件', 'the file could not be read'))
			);
			results.push({
				name: src.name,
				header: [],
				encoding: src.encoding,
				delimiter: null,
				table: null,
				mapping: null,
				unmapped: [],
				defaulted: {}
			});
			continue;
		}
		const csv = src.csv;
		const f = { name: src.name };
		if (csv.header.length === 0) {
			issues.push(fileIssue(f.name, msg('文件没有表头行', 'the file has no header row')));
			results.push({
				name: f.name,
				header: [],
				encoding: src.encoding,
				delimiter: src.delimiter,
				table: null,
				mapping: null,
				unmapped: [],
				defaulted: {}
			});
			continue;
		}
		const o = opts.overrides?.[f.name];
		const detected = o?.table
			? mapHeaders(table(o.table), csv.header)
			: recogniseTable(csv.header, f.name);
		const chosen = o?.columns ? withColumns(detected, o.columns) : detected;
		const blank = emptyHeaders(csv, chosen.columns);
		const defaulted = columnDefaults(chosen, { ...opts.defaults, ...o?.defaults });
		const mapping = {
			...chosen,
			columns: blank.columns,
			missing: chosen.missing.filter((c) => !(c in defaulted))
		};
		const unmapped = csv.header.filter((_, i) => mapping.columns[i] === null);
		results.push({
			name: f.name,
			header: csv.header,
			encoding: src.encoding,
			delimiter: src.delimiter,
			table: mapping.table.name,
			mapping,
			unmapped,
			defaulted
		});
		for (const n of src.notes ?? []) {
			const row = rowAt(csv, n.line);
			warnings.push({
				file: f.name,
				line: row?.line ?? csv.headerLine,
				column: '',
				value: row?.fields.join(' | ') ?? csv.header.join(' | '),
				message: n.message
			});
		}
		if (csv.rows.length === 0)
			warnings.push({
				file: f.name,
				line: csv.headerLine,
				column: '',
				value: '',
				message: msg('文件只有表头，没有数据行', 'the file has a header but no data rows')
			});
		const c = canonicalise(csv, mapping, defaulted);
		warnings.push(...blank.warnings, ...c.warnings);
		csv.header.forEach((h, i) => {
			if (mapping.columns[i] === IGNORE && h !== '')
				warnings.push({
					file: f.name,
					line: csv.headerLine,
					column: h,
					value: h,
					message: msg('按选择不导入此列', 'not loaded, as chosen')
				});
		});
		csv.header.forEach((h, i) => {
			if (mapping.columns[i] !== null) return;
			const first = mapping.duplicates[i];
			const column = first !== undefined ? mapping.columns[first] : null;
			issues.push(
				first !== undefined
					? {
							...fileIssue(
								f.name,
								msg(
									`表头“${h}”与第 ${first + 1} 列“${csv.header[first]}”对应同一列 ${column}；其中一列的值会丢失`,
									`header “${h}” fills the same column ${column} as header ${first + 1} “${csv.header[first]}”; one of them would be lost`
								),
								h,
								csv.headerLine
							),
							rule: 'duplicate-column'
						}
					: {
							...fileIssue(
								f.name,
								msg(
									`表头“${h}”不对应 ${mapping.table.zh}（${mapping.table.name}）的任何列；其中的值会丢失`,
									`header “${h}” matches no column of ${mapping.table.name}; its values would be lost`
								),
								h,
								csv.headerLine
							),
							rule: 'unknown-column'
						}
			);
		});
		if (unmapped.length > 0)
			for (const r of csv.rows)
				issues.push(
					fileIssue(
						f.name,
						msg(
							'此行未导入：表头有无法载入的列（见表头行的错误）',
							'row not loaded: a header of the file cannot be loaded (see the header line’s error)'
						),
						null,
						r.line
					)
				);
		else
			canonical.push({
				table: mapping.table.name,
				csv: c.csv,
				issues: [...blank.issues, ...c.issues]
			});
	}
	opts.onProgress?.({ file: sources.length, files: sources.length, stage: 'validate' });
	const v = validateDataset(
		canonical.map((c) => ({ table: table(c.table), csv: c.csv, issues: c.issues })),
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
	const byPlace = (a: { file: string; line: number | null }, b: typeof a) =>
		a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
	const all = [...issues, ...v.issues].sort(byPlace);
	// Warnings in file order too (a column's header warning comes before its rows'); the sort is stable.
	warnings.sort(byPlace);
	return {
		files: results,
		report: { issues: all, tables, ok: all.length === 0 },
		warnings,
		rows,
		canonical
	};
}

/** The report as text lines, for the command line, in either language. */
export function reportLines(r: ImportResult, lang: 'zh' | 'en' = 'en'): string[] {
	const zh = lang === 'zh';
	const out: string[] = [];
	for (const f of r.files)
		out.push(
			`${f.name}: ${f.table ?? '?'}${f.encoding ? `, ${f.encoding}` : ''}${f.delimiter ? `, ${zh ? '分隔符' : 'delimiter'} ${JSON.stringify(f.delimiter)}` : ''}`
		);
	for (const t of r.report.tables)
		out.push(
			zh
				? `  ${t.file}：读取 ${t.read} = 接受 ${t.accepted} + 拒绝 ${t.rejected}`
				: `  ${t.file}: read ${t.read} = accepted ${t.accepted} + rejected ${t.rejected}`
		);
	if (r.report.issues.length) {
		out.push(zh ? `错误 ${r.report.issues.length} 条：` : `${r.report.issues.length} error(s):`);
		for (const i of r.report.issues) out.push(`  ${formatIssue(i, lang)}`);
	}
	if (r.warnings.length) {
		out.push(
			zh
				? `提示 ${r.warnings.length} 条（值已保留）：`
				: `${r.warnings.length} warning(s) (value kept):`
		);
		for (const w of r.warnings) out.push(`  ${formatWarning(w, lang)}`);
	}
	out.push(summaryLine(r, lang));
	return out;
}

/** One line per warning: file:line column "value" message. */
export function formatWarning(w: IngestWarning, lang: 'zh' | 'en' = 'en'): string {
	const col = w.column ? (lang === 'zh' ? ` 列 ${w.column}` : ` column ${w.column}`) : '';
	return `${w.file}:${w.line}${col} ${JSON.stringify(w.value)} ${w.message[lang]}`;
}

/**
 * The verdict: "every row accepted" only when no row was refused, and never without the counts and
 * the number of warnings (values kept but read in a way worth checking).
 */
export function summaryLine(r: ImportResult, lang: 'zh' | 'en' = 'en'): string {
	const read = r.report.tables.reduce((s, t) => s + t.read, 0);
	const rejected = r.report.tables.reduce((s, t) => s + t.rejected, 0);
	const w = r.warnings.length;
	if (lang === 'zh') {
		const warn = w ? `，另有 ${w} 条提示需核对` : '';
		return r.report.ok
			? `通过：读取 ${read} 行，全部接受${warn}`
			: `未通过：错误 ${r.report.issues.length} 条，读取 ${read} 行，拒绝 ${rejected} 行${warn}`;
	}
	const warn = w ? `; ${w} warning(s) to check` : '';
	return r.report.ok
		? `OK: ${read} row(s) read, every row accepted${warn}`
		: `FAILED: ${r.report.issues.length} error(s); ${read} row(s) read, ${rejected} rejected${warn}`;
}

/** The defaults that apply to a file: required columns it lacks that take a chosen value (askDefault). */
function columnDefaults(m: HeaderMapping, given: ColumnDefaults): Record<string, string> {
	const out: Record<string, string> = {};
	for (const c of m.table.columns)
		if (c.askDefault && m.missing.includes(c.name) && (given[c.name] ?? '') !== '')
			out[c.name] = given[c.name];
	return out;
}

/** A mapping with the user's column choices, checked like detected ones (assignColumns). */
function withColumns(m: HeaderMapping, columns: (string | null)[]): HeaderMapping {
	const chosen = m.columns.map((c, i) => (i < columns.length ? columns[i] : c));
	return { ...m, ...assignColumns(m.table, chosen) };
}
