// Turns a mapped sheet into canonical rows: printed values parsed into numbers, the printed text kept beside them.
import { numberText } from '../export/csv';
import { parseValue } from '../normalize';
import type { ColumnDef } from '../schema';
import type { CsvRow, CsvTable } from './csv';
import type { HeaderMapping } from './headers';

/** A value that was kept but deserves a look (scaled, approximate, not a number where one was expected). */
export interface IngestWarning {
	file: string;
	line: number;
	column: string;
	value: string;
	message: string;
}

/** Chinese words for enumerated values ("部门整体" for department). */
const VALUE_ALIASES: Record<string, Record<string, string>> = {
	form: {
		部门整体: 'department',
		部门整体支出: 'department',
		部门: 'department',
		项目: 'project',
		项目支出: 'project'
	},
	provenance: {
		公开: 'published',
		已公开: 'published',
		公开数据: 'published',
		合成: 'synthetic',
		演示: 'synthetic',
		合成数据: 'synthetic'
	},
	comparator: { '>=': '≥', '<=': '≤', 定性: 'qualitative', 定性指标: 'qualitative', '﹦': '=' },
	dimension: { 资金来源: 'source', 收入性质: 'revenue', 支出性质: 'nature', 经济分类: 'economic' }
};

/** Text columns whose printed value also yields the parsed number, unit and comparator. */
const DERIVED: Record<string, { value: string; unit?: string; comparator?: string }> = {
	target_text: { value: 'target_value', unit: 'unit', comparator: 'comparator' },
	actual_text: { value: 'actual_value', unit: 'unit' }
};

/**
 * Canonical rows for validation: schema column names as the header, numbers as plain decimals.
 * A row's line number is kept, so every report still points at the uploaded file.
 */
export function canonicalise(
	csv: CsvTable,
	mapping: HeaderMapping
): { csv: CsvTable; warnings: IngestWarning[] } {
	const t = mapping.table;
	const warnings: IngestWarning[] = [];
	const byName = new Map(t.columns.map((c) => [c.name, c]));
	const mapped = new Set(mapping.columns.filter((c): c is string => c !== null));
	const derived = new Set<string>();
	for (const [textCol, d] of Object.entries(DERIVED))
		if (mapped.has(textCol) && byName.has(d.value)) {
			derived.add(d.value);
			if (d.unit && byName.has(d.unit)) derived.add(d.unit);
			if (d.comparator && byName.has(d.comparator)) derived.add(d.comparator);
		}
	for (const c of t.columns) if (c.printedIn && mapped.has(c.name)) derived.add(c.printedIn);
	const header = t.columns.map((c) => c.name).filter((n) => mapped.has(n) || derived.has(n));

	const warn = (line: number, column: string, value: string, message: string) =>
		warnings.push({ file: csv.file, line, column, value, message });

	const rows: CsvRow[] = csv.rows.map((r) => {
		const v: Record<string, string> = {};
		mapping.columns.forEach((col, i) => {
			if (col !== null) v[col] = r.fields[i] ?? '';
		});
		const number = (c: ColumnDef, raw: string): string => {
			if (raw === '' || /^-?\d+(\.\d+)?$/.test(raw)) return raw;
			const p = parseValue(raw);
			if (p.kind !== 'number' || p.value === null) {
				if (p.kind === 'missing') return '';
				return raw; // left for validation to reject with its line and column
			}
			let value = p.value;
			if (c.name === 'exec_rate_reported' && p.unit === '%') value /= 100;
			if (p.notes.length)
				warn(r.line, c.name, raw, `read as ${numberText(value)}: ${p.notes.join('; ')}`);
			if (c.printedIn && !mapped.has(c.printedIn)) v[c.printedIn] = raw;
			return numberText(value);
		};
		for (const c of t.columns) {
			if (!mapped.has(c.name)) continue;
			const alias = VALUE_ALIASES[c.name]?.[(v[c.name] ?? '').trim()];
			if (alias) v[c.name] = alias;
			const raw = v[c.name] ?? '';
			if (c.type !== 'text') {
				const before = raw;
				v[c.name] = number(c, raw);
				if (c.printedIn && !mapped.has(c.printedIn) && before !== '' && v[c.name] === '') {
					v[c.printedIn] = before;
					warn(r.line, c.name, before, 'no number in this value; kept as printed text only');
				}
			}
		}
		// Derive parsed parts only for columns the file does not have: a canonical file's empty cell
		// means "not printed" and must stay empty, so a round trip changes nothing.
		for (const [textCol, d] of Object.entries(DERIVED)) {
			const raw = v[textCol];
			if (raw === undefined || !byName.has(d.value)) continue;
			const p = parseValue(raw);
			if (!mapped.has(d.value) && p.kind === 'number' && p.value !== null)
				v[d.value] = numberText(p.value);
			if (d.unit && !mapped.has(d.unit) && p.unit && !(v[d.unit] ?? '')) v[d.unit] = p.unit;
			if (d.comparator && !mapped.has(d.comparator) && p.comparator && !(v[d.comparator] ?? ''))
				v[d.comparator] = p.comparator;
			if (!mapped.has(d.value) && p.kind === 'text')
				warn(r.line, textCol, raw, 'not a number nor a qualitative text; kept as printed');
		}
		return { line: r.line, fields: header.map((h) => v[h] ?? '') };
	});
	return {
		csv: { file: csv.file, header, headerLine: csv.headerLine, rows, parseErrors: csv.parseErrors },
		warnings
	};
}
