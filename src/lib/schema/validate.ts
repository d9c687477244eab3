// Validates CSV tables against the schema: every rejected row is reported with file, line, column and rule.
import { msg, type Msg } from './msg';
import type { ColumnDef, TableDef, TableName, ValidationIssue } from './types';

/** One row of a file's table, with the line it starts on. */
export interface CsvRow {
	/** 1-based physical line where the row starts (the header is line 1 of a file without blank lines). */
	line: number;
	fields: string[];
}

/** A file's table as read (CSV, a sheet, a document's form): the validator's input; ingest/csv.ts parses CSV into it. */
export interface CsvTable {
	file: string;
	header: string[];
	headerLine: number;
	rows: CsvRow[];
	/** Problems the CSV parser itself reported (unclosed quotes …), with their line. */
	parseErrors: { line: number; message: string }[];
	/** The field separator found (comma, semicolon, tab …). */
	delimiter?: string;
}

/** A row that passed its own checks, as text keyed by column, with where it came from. */
export interface ValidRow {
	line: number;
	values: Record<string, string | null>;
}

export interface TableReport {
	/** Null when the file's table could not be recognised. */
	table: TableName | null;
	file: string;
	read: number;
	accepted: number;
	rejected: number;
}

export interface ValidationReport {
	issues: ValidationIssue[];
	tables: TableReport[];
	ok: boolean;
}

const INTEGER = /^-?\d+$/;

/** How a column is named in a message: its key and its Chinese label. */
const zhName = (col: ColumnDef) => `${col.name}（${col.zh}）`;

/**
 * Reads a plain number in one pass, with no allocation (it runs on every number of every import):
 * 'plain' when it is digits with at most one dot and a sign; 'exact' when, besides, a DOUBLE and the
 * CSV writer keep it as written: at most 15 significant digits and 10 decimals. "1e400" or a
 * 30-digit figure would otherwise be stored as something else (Infinity, or other digits) while the
 * report said the row was accepted.
 */
function scanNumber(v: string): 'not-plain' | 'inexact' | 'exact' {
	let seen = 0; // digits seen at all
	let digits = 0; // significant digits so far, trailing zeros included
	let zeros = 0; // trailing zeros among them
	let frac = -1; // decimals so far (-1 before the dot)
	let fracZeros = 0;
	let intDigits = 0; // digits before the dot, leading zeros aside
	for (let i = v.charCodeAt(0) === 45 ? 1 : 0; i < v.length; i++) {
		const c = v.charCodeAt(i);
		if (c === 46) {
			if (frac >= 0) return 'not-plain';
			frac = 0;
			continue;
		}
		if (c < 48 || c > 57) return 'not-plain';
		seen++;
		if (frac < 0 && (c !== 48 || intDigits > 0)) intDigits++;
		if (frac >= 0) {
			frac++;
			fracZeros = c === 48 ? fracZeros + 1 : 0;
		}
		if (c === 48) {
			if (digits > 0) {
				digits++;
				zeros++;
			}
		} else {
			digits++;
			zeros = 0;
		}
	}
	if (seen === 0) return 'not-plain';
	// Digits before the dot, leading zeros aside: "1" and 400 zeros has one significant digit but
	// is no number a DOUBLE holds (Infinity), and 1e21 would be written back as "1e+21".
	return digits - zeros <= 15 && intDigits <= 15 && frac - fracZeros <= 10 ? 'exact' : 'inexact';
}

/** True when a DOUBLE and the CSV writer keep the plain number exactly as written. */
export const exactDecimal = (v: string): boolean => scanNumber(v) === 'exact';

function isRequired(col: ColumnDef, values: Record<string, string | null>): boolean {
	if (typeof col.required === 'boolean') return col.required;
	return values[col.required.when] === col.required.equals;
}

function checkValue(
	col: ColumnDef,
	v: string
): { rule: ValidationIssue['rule']; message: Msg } | null {
	if (col.type === 'integer' && !INTEGER.test(v))
		return {
			rule: 'integer',
			message: msg(`${zhName(col)} 须为整数`, `${col.name} must be a whole number`)
		};
	// Stored as INTEGER (32 bits): a larger whole number would be stored as another one.
	if (col.type === 'integer' && Math.abs(Number(v)) > 2147483647)
		return {
			rule: 'integer',
			message: msg(
				`${zhName(col)} 超出整数范围（±2147483647）`,
				`${col.name} is beyond the range of a whole number (±2147483647)`
			)
		};
	if (col.type !== 'text') {
		const scanned = scanNumber(v);
		if (scanned === 'not-plain')
			return {
				rule: 'decimal',
				message: msg(
					`${zhName(col)} 须为普通数字（数字和一个小数点）`,
					`${col.name} must be a plain number (digits and one dot)`
				)
			};
		if (scanned === 'inexact')
			return {
				rule: 'decimal',
				message: msg(
					`${zhName(col)} 位数过多，无法原样保存（至多 15 位有效数字、10 位小数）`,
					`${col.name} has more digits than can be stored exactly (at most 15 significant digits and 10 decimals)`
				)
			};
	}
	if (col.values && !col.values.includes(v))
		return {
			rule: 'allowed-values',
			message: msg(
				`${zhName(col)} 须为以下之一：${col.values.join('、')}`,
				`${col.name} must be one of ${col.values.join(', ')}`
			)
		};
	if (col.pattern && !col.pattern.test(v))
		return {
			rule: 'pattern',
			message: msg(
				`${zhName(col)} 不符合格式 ${col.pattern.source}`,
				`${col.name} does not match ${col.pattern.source}`
			)
		};
	if (col.type !== 'text') {
		const n = Number(v);
		if ((col.min !== undefined && n < col.min) || (col.max !== undefined && n > col.max)) {
			const range = `[${col.min ?? '-∞'}, ${col.max ?? '∞'}]`;
			return {
				rule: 'range',
				message: msg(`${zhName(col)} 须在 ${range} 之内`, `${col.name} must be within ${range}`)
			};
		}
	}
	return null;
}

/** Checks one table's header and rows on their own (keys and references are checked across tables). */
export function validateTable(
	t: TableDef,
	csv: CsvTable,
	pre: readonly ValidationIssue[] = []
): { issues: ValidationIssue[]; rows: ValidRow[] } {
	const issues: ValidationIssue[] = [...pre];
	const preRejected = new Set(pre.map((i) => i.line));
	const rows: ValidRow[] = [];
	const at = (
		line: number | null,
		column: string | null,
		rule: ValidationIssue['rule'],
		value: string | null,
		message: Msg
	) => issues.push({ file: csv.file, line, column, rule, value, message });

	for (const e of csv.parseErrors)
		at(e.line, null, 'file', null, msg(`CSV 格式：${e.message}`, `CSV: ${e.message}`));
	if (csv.header.length === 0) {
		at(
			null,
			null,
			'file',
			null,
			msg('文件是空的：应有表头行', 'file is empty: expected a header row')
		);
		return { issues, rows };
	}
	const known = new Set(t.columns.map((c) => c.name));
	const seen = new Set<string>();
	for (const h of csv.header) {
		if (seen.has(h))
			at(
				csv.headerLine,
				h,
				'duplicate-column',
				h,
				msg(`列 ${h} 出现了两次`, `column ${h} appears twice`)
			);
		seen.add(h);
		if (!known.has(h))
			at(
				csv.headerLine,
				h,
				'unknown-column',
				h,
				msg(
					`${t.zh}（${t.name}）没有 ${h} 列；其中的值会丢失`,
					`${t.name} has no column ${h}; its values would be lost`
				)
			);
	}
	for (const c of t.columns)
		if (c.required === true && !seen.has(c.name))
			at(
				csv.headerLine,
				c.name,
				'missing-column',
				null,
				msg(`缺少必填列 ${zhName(c)}`, `required column ${c.name} (${c.zh}) is missing`)
			);
	if (issues.some((i) => i.line === csv.headerLine)) {
		for (const r of csv.rows)
			at(
				r.line,
				null,
				'file',
				null,
				msg('此行未校验：表头有误', 'row not checked: the header is invalid')
			);
		return { issues, rows };
	}

	for (const r of csv.rows) {
		const before = issues.length;
		if (preRejected.has(r.line)) continue;
		if (r.fields.length !== csv.header.length) {
			at(
				r.line,
				null,
				'field-count',
				null,
				msg(
					`此行有 ${r.fields.length} 个字段，表头有 ${csv.header.length} 个`,
					`row has ${r.fields.length} fields, header has ${csv.header.length}`
				)
			);
			continue;
		}
		const values: Record<string, string | null> = {};
		for (let i = 0; i < csv.header.length; i++)
			values[csv.header[i]] = r.fields[i] === '' ? null : r.fields[i];
		for (const c of t.columns) {
			const v = values[c.name] ?? null;
			if (v === null) {
				if (isRequired(c, values)) {
					const cond = typeof c.required === 'object' ? c.required : null;
					at(
						r.line,
						c.name,
						'required',
						null,
						msg(
							`${zhName(c)} 必填${cond ? `（当 ${cond.when} = ${cond.equals} 时）` : ''}`,
							`${c.name} (${c.zh}) is required${cond ? ` when ${cond.when} = ${cond.equals}` : ''}`
						)
					);
				}
				continue;
			}
			const bad = checkValue(c, v);
			if (bad) at(r.line, c.name, bad.rule, v, bad.message);
		}
		if (issues.length === before) rows.push({ line: r.line, values });
	}
	return { issues, rows };
}

export interface TableInput {
	table: TableDef;
	csv: CsvTable;
	/** Rows already refused while reading the file (a wrong cell count, a unit that does not fit …). */
	issues?: readonly ValidationIssue[];
}

/**
 * Validates a whole dataset: each file, then keys within a table (across all its files) and
 * references between tables. `known` supplies key values of tables that do not come from files
 * (the metric dictionary, rows already loaded). Rows that break any rule are rejected; the rest are returned.
 */
export function validateDataset(
	inputs: readonly TableInput[],
	known: Partial<Record<TableName, Record<string, ReadonlySet<string>>>> = {}
): ValidationReport & { rows: Map<CsvTable, ValidRow[]> } {
	const issues: ValidationIssue[] = [];
	const rows = new Map<CsvTable, ValidRow[]>();
	const rejected = new Map<CsvTable, Set<number>>();
	for (const { table, csv, issues: pre } of inputs) {
		const r = validateTable(table, csv, pre);
		for (const i of r.issues) issues.push(i);
		rows.set(csv, r.rows);
		const bad = new Set<number>();
		for (const i of r.issues) if (i.line !== null && i.line !== csv.headerLine) bad.add(i.line);
		rejected.set(csv, bad);
	}
	const reject = (csv: CsvTable, line: number, issue: Omit<ValidationIssue, 'file' | 'line'>) => {
		issues.push({ file: csv.file, line, ...issue });
		rejected.get(csv)?.add(line);
	};
	const accepted = (csv: CsvTable) =>
		(rows.get(csv) ?? []).filter((r) => !rejected.get(csv)?.has(r.line));
	const filesOf = (name: TableName) =>
		inputs.filter((i) => i.table.name === name).map((i) => i.csv);

	// Keys: the first row with a key wins; later ones, in any file of the table, are rejected.
	const tableNames = [...new Set(inputs.map((i) => i.table.name))];
	for (const name of tableNames) {
		const t = inputs.find((i) => i.table.name === name)!.table;
		const numeric = new Set(t.columns.filter((c) => c.type !== 'text').map((c) => c.name));
		const first = new Map<string, string>();
		for (const csv of filesOf(name))
			for (const r of rows.get(csv) ?? []) {
				// Numbers compare as numbers ("01" and "1" are one key to DuckDB).
				const k = t.key
					.map((c) => {
						const v = r.values[c] ?? '';
						return numeric.has(c) && v !== '' ? String(Number(v)) : v;
					})
					.join('\u0000');
				const prev = first.get(k);
				if (prev === undefined) first.set(k, `${csv.file}:${r.line}`);
				else
					reject(csv, r.line, {
						column: t.key.join('+'),
						rule: 'duplicate-key',
						value: t.key.map((c) => r.values[c]).join(' / '),
						message: msg(
							`主键 ${t.key.join('+')} 重复：${prev} 已有相同的值`,
							`duplicate key ${t.key.join('+')}: ${prev} has the same`
						)
					});
			}
	}

	// Columns filled on every row of a group or on none (一级 of a form, or a flat list).
	for (const { table, csv } of inputs)
		for (const c of table.columns) {
			if (!c.allOrNone) continue;
			const group = c.allOrNone;
			const filled = new Set<string>();
			for (const f of filesOf(table.name))
				for (const r of accepted(f))
					if ((r.values[c.name] ?? '') !== '') filled.add(r.values[group] ?? '');
			for (const r of accepted(csv)) {
				const g = r.values[group] ?? '';
				if ((r.values[c.name] ?? '') === '' && filled.has(g))
					reject(csv, r.line, {
						column: c.name,
						rule: 'required',
						value: null,
						message: msg(
							`${zhName(c)}为空，而 ${g} 的其他行都有：一张表要么每行都印${zhName(c)}，要么都不印（平铺的指标清单）`,
							`${c.name} is empty, while other rows of ${g} have it: a form prints it on every row or on none (a flat list)`
						)
					});
			}
		}

	// References, against the rows that are still accepted.
	// Keys given as known (the metric dictionary, or data already loaded) count beside the files' own.
	const keyIndex = (name: TableName, column: string): ReadonlySet<string> =>
		new Set([
			...(known[name]?.[column] ?? []),
			...filesOf(name).flatMap((csv) => accepted(csv).map((r) => r.values[column] ?? ''))
		]);
	for (const { table, csv } of inputs)
		for (const c of table.columns) {
			if (!c.references) continue;
			const targets = keyIndex(c.references.table, c.references.column);
			for (const r of accepted(csv)) {
				const v = r.values[c.name];
				if (v !== null && v !== undefined && !targets.has(v))
					reject(csv, r.line, {
						column: c.name,
						rule: 'reference',
						value: v,
						message: msg(
							`${zhName(c)} ${v} 不是 ${c.references.table} 表中的 ${c.references.column}`,
							`${c.name} ${v} is not a ${c.references.column} in ${c.references.table}`
						)
					});
			}
		}

	// Rows that would give one target row two values (two directions for one indicator): all refused.
	for (const name of tableNames) {
		const t = inputs.find((i) => i.table.name === name)!.table;
		if (t.agree)
			for (const c of conflicts(t, t.agree, filesOf(name), accepted))
				reject(c.csv, c.line, c.issue);
	}

	const tables: TableReport[] = inputs.map(({ table, csv }) => {
		const bad = rejected.get(csv) ?? new Set();
		const rejectedRows = csv.rows.filter((r) => bad.has(r.line)).length;
		return {
			table: table.name,
			file: csv.file,
			read: csv.rows.length,
			accepted: csv.rows.length - rejectedRows,
			rejected: rejectedRows
		};
	});
	for (const csv of rows.keys()) rows.set(csv, accepted(csv));
	issues.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
	return { issues, tables, ok: issues.length === 0, rows };
}

/** Rows of a table that break its `agree` rule, each with the issue that names the rows it clashes with. */
function conflicts(
	t: TableDef,
	agree: NonNullable<TableDef['agree']>,
	files: readonly CsvTable[],
	accepted: (csv: CsvTable) => ValidRow[]
): { csv: CsvTable; line: number; issue: Omit<ValidationIssue, 'file' | 'line'> }[] {
	const col = (name: string) => t.columns.find((c) => c.name === name)!;
	const valueCol = col(agree.value);
	const groups = new Map<string, { csv: CsvTable; row: ValidRow }[]>();
	for (const csv of files)
		for (const row of accepted(csv)) {
			const k = agree.match.map((c) => row.values[c] ?? '').join('\u0000');
			const list = groups.get(k);
			if (list) list.push({ csv, row });
			else groups.set(k, [{ csv, row }]);
		}
	// An empty scope value stands for any; numbers compare as numbers.
	const same = (c: string, a: string | null, b: string | null) =>
		a === null || b === null || (col(c).type === 'text' ? a === b : Number(a) === Number(b));
	const out: ReturnType<typeof conflicts> = [];
	for (const list of groups.values()) {
		if (list.length < 2) continue;
		for (const a of list) {
			const clash = list.filter(
				(b) =>
					b !== a &&
					b.row.values[agree.value] !== a.row.values[agree.value] &&
					agree.scope.every((c) => same(c, a.row.values[c] ?? null, b.row.values[c] ?? null))
			);
			if (clash.length === 0) continue;
			const others = clash.map((b) => `${b.csv.file}:${b.row.line} (${b.row.values[agree.value]})`);
			const what = agree.match.map((c) => a.row.values[c]).join(' / ');
			out.push({
				csv: a.csv,
				line: a.row.line,
				issue: {
					column: agree.value,
					rule: 'conflict',
					value: a.row.values[agree.value] ?? null,
					message: msg(
						`${zhName(valueCol)} 与 ${others.join('、')} 矛盾：两行都适用于“${what}”，适用范围（${agree.scope.join('、')}，空为全部）重叠，同一行会有两个${valueCol.zh}；两行都不采用`,
						`${valueCol.name} contradicts ${others.join(', ')}: both apply to “${what}” and their scopes (${agree.scope.join(', ')}; empty is any) overlap, so one row would get two values; neither is used`
					)
				}
			});
		}
	}
	return out;
}

/** One line per issue: file:line column [rule] message (value). */
export function formatIssue(i: ValidationIssue, lang: 'zh' | 'en' = 'en'): string {
	const where = `${i.file}${i.line !== null ? `:${i.line}` : ''}`;
	const col = i.column ? (lang === 'zh' ? ` 列 ${i.column}` : ` column ${i.column}`) : '';
	const val =
		i.value !== null
			? lang === 'zh'
				? `（值：${JSON.stringify(i.value)}）`
				: ` (value: ${JSON.stringify(i.value)})`
			: '';
	return `${where}${col} [${i.rule}] ${i.message[lang]}${val}`;
}
