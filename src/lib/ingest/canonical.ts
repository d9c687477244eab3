// Turns a mapped sheet into canonical rows: printed values parsed into numbers, the printed text kept beside them.
import { numberText } from '../export/csv';
import { parseValue, type ParsedValue } from '../normalize';
import { metricDef, msg, type ColumnDef, type Msg, type ValidationIssue } from '../schema';
import type { CsvRow, CsvTable } from '../schema/validate';
import type { HeaderMapping } from './headers';

/** A value that was kept but deserves a look (scaled, approximate, read in another encoding …). */
export interface IngestWarning {
	file: string;
	line: number;
	/** The column the value went to; '' for a warning about the whole row. */
	column: string;
	value: string;
	message: Msg;
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

/** A rate printed without % above this (200%) is more likely a percentage typed without its sign. */
const RATE_BARE_LIMIT = 2;

/** How a parsed number fits its column: the value to store, or why it cannot be stored there. */
type Fit = { value: number; warn?: Msg } | { reject: Msg };

const label = (c: ColumnDef) => `${c.name}（${c.zh}）`;

/** Checks a parsed number's printed unit against what the column measures (schema `quantity`). */
function fit(c: ColumnDef, p: ParsedValue, metricUnit: string | undefined): Fit {
	const v = p.value as number;
	const u = p.unit;
	const printed = p.text.trim();
	const quantity = c.quantity ?? (metricUnit === '万元' ? 'money' : undefined);
	// A comparator belongs to a target: in an amount, a rate or a score it would be dropped.
	if (quantity && p.comparator !== null)
		return {
			reject: msg(
				`“${printed}”带有比较符 ${p.comparator}：${label(c)} 只记一个数值，比较符会丢失`,
				`“${printed}” carries the comparator ${p.comparator}: ${c.name} holds a single figure, so it would be lost`
			)
		};
	if (quantity === 'money') {
		if (u === null || u === '万元') return { value: v };
		return {
			reject: msg(
				`“${printed}”的单位是 ${u}，而 ${label(c)} 是以万元计的金额`,
				`“${printed}” is in ${u}, but ${c.name} is an amount in 万元`
			)
		};
	}
	if (quantity === 'rate') {
		if (u === '%') return { value: v / 100 };
		if (u !== null)
			return {
				reject: msg(
					`“${printed}”的单位是 ${u}，而 ${label(c)} 是比率（1 = 100%）`,
					`“${printed}” is in ${u}, but ${c.name} is a rate (1 = 100%)`
				)
			};
		if (v > RATE_BARE_LIMIT)
			return {
				value: v,
				warn: msg(
					`按原值读作 ${numberText(v * 100)}%（本列 1 = 100%）；如原表印的是 ${printed}%，请写成 ${printed}% 或 ${numberText(v / 100)}`,
					`kept as ${numberText(v * 100)}% (in this column 1 = 100%); if the form printed ${printed}%, write ${printed}% or ${numberText(v / 100)}`
				)
			};
		return { value: v };
	}
	if (quantity === 'points') {
		if (u === null || u === '分') return { value: v };
		if (u === '%')
			return {
				value: v,
				warn: msg(
					`“${printed}”按 ${numberText(v)} 分读取（百分制）`,
					`“${printed}” read as ${numberText(v)} points (of 100)`
				)
			};
		return {
			reject: msg(
				`“${printed}”的单位是 ${u}，而 ${label(c)} 是分值`,
				`“${printed}” is in ${u}, but ${c.name} is in points`
			)
		};
	}
	if (metricUnit && u !== null && u !== metricUnit)
		return {
			value: v,
			warn: msg(
				`单位 ${u} 与该指标的单位 ${metricUnit} 不同；数值按原样保留`,
				`unit ${u} differs from the metric's unit ${metricUnit}; the number is kept as is`
			)
		};
	return { value: v };
}

/** parseValue, remembered: forms repeat the same printed targets ("100%", "≥95%") on many rows. */
function cachedParser(): (text: string) => ParsedValue {
	const cache = new Map<string, ParsedValue>();
	return (text) => {
		let p = cache.get(text);
		if (p === undefined) {
			p = parseValue(text);
			if (cache.size < 50_000) cache.set(text, p);
		}
		return p;
	};
}

const PLAIN = /^-?\d+(\.\d+)?$/;

/** The normaliser's notes for the scaling a header unit asks for (said once per column instead). */
const HEADER_SCALING = new Set(['元 scaled to 万元', '亿元 scaled to 万元']);

/** The unit a header prints in brackets for a whole column, when it changes how numbers read. */
function headerUnit(header: string): string | null {
	const m = /[(（]\s*(元|亿元|%|％)\s*[)）]/.exec(header);
	if (!m) return null;
	return m[1] === '％' ? '%' : m[1];
}

/**
 * Canonical rows for validation: schema column names as the header, numbers as plain decimals.
 * A row's line number is kept, so every report still points at the uploaded file. Rows that cannot
 * be read faithfully (cells beyond the header, too few cells, a unit the column cannot hold) come
 * back as issues, which reject them.
 */
export function canonicalise(
	csv: CsvTable,
	mapping: HeaderMapping,
	/** One value for every row of a column the file lacks (see ColumnDef.askDefault), warned once. */
	defaults: Readonly<Record<string, string>> = {}
): { csv: CsvTable; warnings: IngestWarning[]; issues: ValidationIssue[] } {
	const t = mapping.table;
	const warnings: IngestWarning[] = [];
	const issues: ValidationIssue[] = [];
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
	const given = t.columns.filter(
		(c) => c.askDefault && !mapped.has(c.name) && (defaults[c.name] ?? '') !== ''
	);
	for (const c of given) derived.add(c.name);
	const header = t.columns.map((c) => c.name).filter((n) => mapped.has(n) || derived.has(n));
	const at = new Map(header.map((h, i) => [h, i]));
	const width = csv.header.length;
	const parse = cachedParser();

	// One plan per mapped column, in schema order (aliases before numbers), made once for all rows.
	const plan = t.columns
		.filter((c) => mapped.has(c.name))
		.map((c) => ({
			col: c,
			from: mapping.columns.indexOf(c.name),
			to: at.get(c.name)!,
			aliases: VALUE_ALIASES[c.name],
			/** Where the printed text goes when the file has no column of its own for it. */
			printedTo: c.printedIn && !mapped.has(c.printedIn) ? at.get(c.printedIn)! : -1,
			/** A unit the header prints for the whole column ("全年预算数（元）", "执行率(%)"). */
			headerUnit: c.quantity ? headerUnit(csv.header[mapping.columns.indexOf(c.name)] ?? '') : null,
			headerUsed: false
		}));
	const derivedPlan = Object.entries(DERIVED)
		.filter(([textCol, d]) => mapped.has(textCol) && byName.has(d.value))
		.map(([textCol, d]) => ({
			textCol,
			text: at.get(textCol)!,
			value: mapped.has(d.value) ? -1 : at.get(d.value)!,
			unit: d.unit && byName.has(d.unit) && !mapped.has(d.unit) ? at.get(d.unit)! : -1,
			comparator:
				d.comparator && byName.has(d.comparator) && !mapped.has(d.comparator)
					? at.get(d.comparator)!
					: -1
		}));
	const metricAt = t.name === 'metrics' ? mapping.columns.indexOf('metric') : -1;

	const warn = (line: number, column: string, value: string, message: Msg) =>
		warnings.push({ file: csv.file, line, column, value, message });
	const reject = (
		line: number,
		column: string | null,
		rule: ValidationIssue['rule'],
		value: string | null,
		message: Msg
	) => issues.push({ file: csv.file, line, column, rule, value, message });

	/** A value kept, and what was done to read it. */
	const warnRead = (line: number, column: string, raw: string, value: number, notes: Msg[]) =>
		warn(
			line,
			column,
			raw,
			msg(
				`读作 ${numberText(value)}：${notes.map((n) => n.zh).join('；')}`,
				`read as ${numberText(value)}: ${notes.map((n) => n.en).join('; ')}`
			)
		);

	/** A number cell to canonical text; a value validation must refuse is returned as it came. */
	function number(
		c: ColumnDef,
		raw: string,
		line: number,
		out: string[],
		printedTo: number,
		metricUnit: string | undefined,
		unitOfHeader: string | null = null
	): string {
		// A cell without a unit under a header that prints one is read in the header's unit: the
		// column's one warning says so (a file of 元 read as 万元 would be 10,000 times off).
		if (unitOfHeader !== null && parse(raw).kind === 'number' && parse(raw).unit === null) {
			const p = parse(raw + unitOfHeader);
			if (p.kind === 'number' && p.value !== null && Number.isFinite(p.value)) {
				const f = fit(c, p, undefined);
				if ('reject' in f) {
					reject(line, c.name, 'unit', raw, f.reject);
					return raw;
				}
				// The header's own scaling is said once for the column; anything else, here.
				const notes = p.notes.filter((n) => !HEADER_SCALING.has(n.en));
				if (f.warn) notes.push(f.warn);
				if (unitOfHeader === '%' && Math.abs(f.value) <= RATE_BARE_LIMIT / 100)
					notes.push(
						msg(
							`表头注明 %，按 ${raw}% 读取；如果这是比率（1 = 100%），请去掉表头的 %`,
							`the header says %, so this is ${raw}%; if it is a ratio (1 = 100%), drop the % from the header`
						)
					);
				if (notes.length) warnRead(line, c.name, raw, f.value, notes);
				if (printedTo >= 0) out[printedTo] = raw;
				return numberText(f.value);
			}
		}
		// Plain numbers (every canonical file) skip the parser; only a rate is checked for a lost %.
		if (PLAIN.test(raw)) {
			if (c.quantity === 'rate' && Number(raw) > RATE_BARE_LIMIT) {
				const f = fit(
					c,
					{ ...parseValue(''), text: raw, kind: 'number', value: Number(raw) },
					undefined
				);
				if ('value' in f && f.warn) warn(line, c.name, raw, f.warn);
			}
			return raw;
		}
		const p = parse(raw);
		if (p.kind === 'missing') return '';
		if (p.kind !== 'number' || p.value === null || !Number.isFinite(p.value)) return raw;
		const f = fit(c, p, c.name === 'value' ? metricUnit : undefined);
		if ('reject' in f) {
			reject(line, c.name, 'unit', raw, f.reject);
			return raw;
		}
		if (!Number.isFinite(f.value)) return raw;
		const notes = f.warn ? [...p.notes, f.warn] : p.notes;
		if (notes.length) warnRead(line, c.name, raw, f.value, notes);
		if (printedTo >= 0) out[printedTo] = raw;
		return numberText(f.value);
	}

	// A form's 一级 and 二级 headings are printed once over their rows (merged cells): a row with
	// both blank continues the row above within the same form, and says so. A row that prints 一级
	// and leaves 二级 blank keeps it blank (some templates have no 二级), so a canonical file, which
	// always has 一级, never changes.
	const lv = {
		eval: at.get('eval_id') ?? -1,
		l1: at.get('level1') ?? -1,
		l2: at.get('level2') ?? -1
	};
	const fill = t.name === 'indicators' && lv.eval >= 0 && lv.l1 >= 0 && mapped.has('level1');
	let above: string[] | null = null;
	const fillDown = (out: string[], line: number) => {
		const same = above !== null && above[lv.eval] === out[lv.eval] && out[lv.eval] !== '';
		if (out[lv.l1] === '' && same && above![lv.l1] !== '') {
			const both = lv.l2 >= 0 && out[lv.l2] === '' && above![lv.l2] !== '';
			out[lv.l1] = above![lv.l1];
			if (both) out[lv.l2] = above![lv.l2];
			const filled = both ? `${out[lv.l1]} / ${out[lv.l2]}` : out[lv.l1];
			warn(
				line,
				both ? 'level1+level2' : 'level1',
				filled,
				msg(
					`一级${both ? '、二级' : ''}指标空白，按合并单元格沿用上一行：${filled}`,
					`level 1${both ? ' and 2' : ''} blank: continued from the row above as a merged cell: ${filled}`
				)
			);
		}
		above = out;
	};

	const rows: CsvRow[] = new Array(csv.rows.length);
	for (let ri = 0; ri < csv.rows.length; ri++) {
		const r = csv.rows[ri];
		const fields = r.fields;
		if (fields.length !== width) checkWidth(r.line, fields);
		const out: string[] = new Array(header.length).fill('');
		const metricUnit = metricAt >= 0 ? metricDef(fields[metricAt] ?? '')?.unit : undefined;
		for (const s of plan) {
			let raw = fields[s.from] ?? '';
			if (s.aliases) raw = s.aliases[raw.trim()] ?? raw;
			if (s.col.type === 'text') {
				out[s.to] = raw;
				continue;
			}
			if (raw === '') continue;
			const v = number(s.col, raw, r.line, out, s.printedTo, metricUnit, s.headerUnit);
			if (s.headerUnit !== null) s.headerUsed = true;
			out[s.to] = v;
			if (v === '' && s.printedTo >= 0) {
				out[s.printedTo] = raw;
				warn(
					r.line,
					s.col.name,
					raw,
					msg('此值中没有数字；只保留原文', 'no number in this value; kept as printed text only')
				);
			}
		}
		// Derive parsed parts only for columns the file does not have: a canonical file's empty cell
		// means "not printed" and must stay empty, so a round trip changes nothing.
		for (const d of derivedPlan) {
			const raw = out[d.text];
			const p = parse(raw);
			if (d.value >= 0 && p.kind === 'number' && p.value !== null)
				out[d.value] = numberText(p.value);
			if (d.unit >= 0 && p.unit && out[d.unit] === '') out[d.unit] = p.unit;
			if (d.comparator >= 0 && p.comparator && out[d.comparator] === '')
				out[d.comparator] = p.comparator;
			if (d.value >= 0 && p.kind === 'text')
				warn(
					r.line,
					d.textCol,
					raw,
					msg(
						'既不是数字也不是定性表述；按原文保留',
						'not a number nor a qualitative text; kept as printed'
					)
				);
		}
		for (const c of given) out[at.get(c.name)!] = defaults[c.name];
		if (fill) fillDown(out, r.line);
		rows[ri] = { line: r.line, fields: out };
	}
	for (const c of given)
		warn(
			csv.headerLine,
			c.name,
			defaults[c.name],
			msg(
				`文件没有 ${c.name}（${c.zh}）列：每一行都取所选的默认值 ${defaults[c.name]}`,
				`the file has no ${c.name} (${c.zh}) column: every row takes the chosen default ${defaults[c.name]}`
			)
		);

	for (const s of plan)
		if (s.headerUsed)
			warn(
				csv.headerLine,
				s.col.name,
				csv.header[s.from],
				msg(
					`表头注明单位 ${s.headerUnit}：本列未写单位的数值按 ${s.headerUnit} 读取${s.col.quantity === 'money' ? '并换算为万元' : s.col.quantity === 'rate' ? '（95 即 95%）' : ''}，原文保留`,
					`the header prints the unit ${s.headerUnit}: numbers of this column without a unit are read in ${s.headerUnit}${s.col.quantity === 'money' ? ' and converted to 万元' : s.col.quantity === 'rate' ? ' (95 is 95%)' : ''}, the printed text kept`
				)
			);

	/** A row whose cell count differs from the header's: refused unless the extra cells are empty. */
	function checkWidth(line: number, fields: string[]) {
		if (fields.length > width) {
			const extra = fields.slice(width);
			const i = extra.findIndex((f) => f !== '');
			if (i >= 0)
				reject(
					line,
					`#${width + i + 1}`,
					'field-count',
					extra[i],
					msg(
						`此行有 ${fields.length} 个字段，表头只有 ${width} 个：表头之外的值会丢失`,
						`row has ${fields.length} fields, header has ${width}: the values beyond the header would be lost`
					)
				);
			else
				warn(
					line,
					'',
					'',
					msg(
						`行尾多出 ${extra.length} 个空字段，已忽略（没有值）`,
						`${extra.length} empty field(s) after the last column ignored (they hold no value)`
					)
				);
		} else
			reject(
				line,
				null,
				'field-count',
				null,
				msg(
					`此行只有 ${fields.length} 个字段，表头有 ${width} 个：值可能错位到别的列`,
					`row has ${fields.length} fields, header has ${width}: its values may have shifted into other columns`
				)
			);
	}

	return {
		csv: { file: csv.file, header, headerLine: csv.headerLine, rows, parseErrors: csv.parseErrors },
		warnings,
		issues
	};
}
