// Finds every 部门整体 and 项目支出 self-evaluation form in a document's grid and reads its blocks by their headings, whatever the format.
import { msg } from '../schema/msg';
import type { FormKind, FundingDimension } from '../schema/tables';
import type { Doc, DocNote, DocTable, Paragraph, RowCell, SourceRef } from './grid';
import { gridRows } from './grid';
import {
	BUDGET_COLUMNS,
	CLOSING,
	FORM_TITLES,
	GOALS,
	HEADER_FIELDS,
	INDICATOR_COLUMNS,
	isHeadingWord,
	REPORT_TITLES,
	SPLITS,
	TOTAL_ROW
} from './markers';
import { cleanCell, headingPoints, isOneOf, key, mentions, stripNumbering } from './text';
import { budgetLabel, fitByType, levelOf, reflow, type Holds } from './align';
import { parseValue } from '../normalize/value';

/** A value read from the document: its cleaned text, the text exactly as printed, and where. */
export interface Traced {
	text: string;
	printed: string;
	ref: SourceRef;
}

export type BudgetField = keyof typeof BUDGET_COLUMNS;
export type IndicatorField = keyof typeof INDICATOR_COLUMNS;

export interface FundingRead {
	dimension: FundingDimension;
	item: Traced;
	values: Partial<Record<'budget_initial' | 'budget_final' | 'executed', Traced>>;
	/** Values the row prints that the funding table has no column for (分值, 执行率 of a sub-row). */
	extra: { heading: string; value: Traced }[];
}

export interface IndicatorRead {
	fields: Partial<Record<IndicatorField, Traced>>;
	/** 一级/二级 taken from a merged cell above. */
	filled: ('level1' | 'level2')[];
}

export interface FormRead {
	form: FormKind;
	title: Traced | null;
	year: { value: number; ref: SourceRef; printed: string } | null;
	header: Partial<Record<keyof typeof HEADER_FIELDS, Traced>>;
	budget: Partial<Record<BudgetField, Traced>>;
	funding: FundingRead[];
	goals: Partial<Record<'planned' | 'achieved', Traced>>;
	indicators: IndicatorRead[];
	total: Partial<Record<'weight' | 'score', Traced>>;
	closing: Partial<Record<keyof typeof CLOSING, Traced>>;
	/** The report's running text that follows the form. */
	report: Paragraph[];
	reportTitle: Traced | null;
	/** The document ended before the form's total row. */
	cutOff: boolean;
	/** Numbered indicator slots the form printed empty ("指标2："), not read as indicators. */
	emptySlots: Traced[];
	/** The last row printed, for a form that is cut off. */
	lastRow: Traced | null;
	/** Printed values under no recognised heading: not read, and said. */
	unplaced: Traced[];
	table: number | string;
	notes: DocNote[];
}

export interface Recognised {
	forms: FormRead[];
	/** Running text that belongs to no form. */
	loose: Paragraph[];
	notes: DocNote[];
}

const YEAR = /[（(]\s*(\d{4})\s*年度?\s*[）)]|(\d{4})\s*年度/;

function titleOf(text: string): FormKind | null {
	for (const t of FORM_TITLES) if (mentions(text, t.words)) return t.form;
	return null;
}

function traced(c: RowCell): Traced {
	return { text: cleanCell(c.text), printed: c.text, ref: c.cell.ref };
}

/** The cell of a row that covers grid column `col`, if any. */
function at(row: readonly RowCell[], col: number): RowCell | null {
	return row.find((c) => c.col <= col && col < c.col + Math.max(1, c.colSpan)) ?? null;
}

/** Maps the heading cells of a row to fields; a field is taken by its first heading only. */
function headings<F extends string>(
	row: readonly RowCell[],
	fields: Record<F, readonly string[]>
): Map<F, number> {
	const found = new Map<F, number>();
	for (const c of row) {
		if (c.covered) continue;
		for (const f of Object.keys(fields) as F[])
			if (!found.has(f) && isOneOf(c.text, fields[f])) {
				found.set(f, c.col);
				break;
			}
	}
	return found;
}

function blank(c: RowCell | null): boolean {
	return !c || cleanCell(c.text) === '';
}

function newForm(kind: FormKind, table: number | string): FormRead {
	return {
		form: kind,
		title: null,
		year: null,
		header: {},
		budget: {},
		funding: [],
		goals: {},
		indicators: [],
		total: {},
		closing: {},
		report: [],
		reportTitle: null,
		cutOff: true,
		emptySlots: [],
		lastRow: null,
		unplaced: [],
		table,
		notes: []
	};
}

type Mode = 'header' | 'budget' | 'split' | 'goals' | 'indicators' | 'after';

/** Words a template prints as instructions to the filler, left in when nothing was filled in. */
const INSTRUCTION = /[（(]\s*\d+\s*字以内\s*[）)]|^(?:结合自评情况|对照年度目标|针对项目自评)/;

/** The recogniser's state, carried across tables: a form broken by a page may continue in the next table. */
interface State {
	pending: { kind: FormKind | null; title: Traced | null; year: FormRead['year'] };
	forms: FormRead[];
	f: FormRead | null;
	mode: Mode;
	budgetCols: Map<BudgetField, number>;
	budgetLabelCol: number;
	totalInHeader: boolean;
	splitCols: Map<'revenue' | 'nature', number>;
	goalCols: Map<'planned' | 'achieved', number>;
	pendingGoals: boolean;
	indCols: Map<IndicatorField, number>;
	last: Partial<Record<'level1' | 'level2', Traced>>;
	/** Rows of a table whose empty cells left no trace (cells separated by spaces). */
	gapless: boolean;
}

export function newState(): State {
	return {
		pending: { kind: null, title: null, year: null },
		forms: [],
		f: null,
		mode: 'header',
		budgetCols: new Map(),
		budgetLabelCol: 0,
		totalInHeader: false,
		splitCols: new Map(),
		goalCols: new Map(),
		pendingGoals: false,
		indCols: new Map(),
		last: {},
		gapless: false
	};
}

function start(st: State, kind: FormKind, title: Traced | null, table: number | string): FormRead {
	const f = newForm(kind, table);
	f.title = title ?? st.pending.title;
	// A year printed before the form (its title line, "（2023年度）") is this form's only.
	f.year = st.pending.year;
	st.pending.year = null;
	st.pending.title = null;
	st.pending.kind = null;
	st.forms.push(f);
	Object.assign(st, {
		f,
		mode: 'header',
		budgetCols: new Map(),
		splitCols: new Map(),
		goalCols: new Map(),
		indCols: new Map(),
		last: {},
		pendingGoals: false,
		totalInHeader: false
	});
	return f;
}

const isLabel = (t: string) =>
	Object.values(HEADER_FIELDS).some((w) => isOneOf(t, w)) || titleOf(t) !== null;

function note(f: FormRead, level: DocNote['level'], ref: SourceRef, zh: string, en: string) {
	f.notes.push({ level, ref, message: msg(zh, en) });
}

function warnInstruction(f: FormRead, t: Traced, what: string) {
	if (INSTRUCTION.test(t.text))
		note(
			f,
			'warning',
			t.ref,
			`${what}印的是模板的填写说明（「${t.text.slice(0, 30)}…」），不是填报内容：按原文保留，请核对`,
			`${what} prints the template's instructions (“${t.text.slice(0, 30)}…”), not an answer: kept as printed, please check`
		);
}

/** One row of a table. */
function readRow(st: State, row: RowCell[], tableId: number | string): void {
	const cells = row.filter((c) => !c.covered);
	const texts = cells.map((c) => key(c.text));
	if (texts.every((x) => x === '')) return;
	if (st.f)
		st.f.lastRow = {
			text: cells
				.map((c) => cleanCell(c.text))
				.filter((t) => t !== '')
				.join(' | '),
			printed: cells.map((c) => c.text).join('\t'),
			ref: cells[0].cell.ref
		};

	// A title row inside the table (a workbook's or a page's merged title) starts a form.
	const titleCell = cells.find((c) => titleOf(c.text) && key(c.text).length <= 30);
	if (titleCell) {
		const f = start(st, titleOf(titleCell.text)!, traced(titleCell), tableId);
		const y = YEAR.exec(cells.map((c) => key(c.text)).join(' '));
		if (y) f.year = { value: Number(y[1] ?? y[2]), ref: titleCell.cell.ref, printed: y[0] };
		return;
	}
	const yearCell = cells.find((c) => YEAR.test(key(c.text)) && key(c.text).length <= 30);
	if (yearCell && (!st.f || st.mode === 'header')) {
		const y = YEAR.exec(key(yearCell.text))!;
		const year = { value: Number(y[1] ?? y[2]), ref: yearCell.cell.ref, printed: y[0] };
		if (st.f) st.f.year = year;
		else st.pending.year = year;
		if (cells.every((c) => c === yearCell || !isLabel(c.text))) return;
	}

	// Header fields: a label cell and the value cell after it (never another label).
	const labelled = headings(row, HEADER_FIELDS);
	if (labelled.size && (st.mode === 'header' || st.mode === 'after' || !st.f)) {
		const isNew = labelled.has('unit') || labelled.has('project');
		if (
			!st.f ||
			(isNew && st.mode === 'after') ||
			(isNew && (st.f.header.unit || st.f.header.project))
		) {
			const kind = labelled.has('project') ? 'project' : labelled.has('unit') ? 'department' : null;
			start(st, st.pending.kind ?? kind ?? 'project', null, tableId);
		}
		const hf = st.f!;
		for (const [field, col] of labelled) {
			const i = row.findIndex((c) => c.col === col);
			const value = row.slice(i + 1).find((c) => !c.covered);
			if (value && !blank(value) && !isLabel(value.text) && !hf.header[field])
				hf.header[field] = traced(value);
		}
		return;
	}
	const form = st.f;
	if (!form) return;

	// Block heading rows.
	const bh = headings(row, BUDGET_COLUMNS);
	if (bh.size >= 3 && bh.has('exec_score') && (bh.has('budget_final') || bh.has('executed'))) {
		unknownHeadings(form, row, bh);
		st.budgetCols = bh;
		st.budgetLabelCol = Math.min(...bh.values());
		st.totalInHeader = cells.some((c) => budgetLabel(c.text) === 'total');
		st.mode = 'budget';
		return;
	}
	const goalHead = headings(row, GOALS);
	if (goalHead.size === 2) {
		st.goalCols = goalHead;
		st.mode = 'goals';
		st.pendingGoals = true;
		return;
	}
	const ih = headings(row, INDICATOR_COLUMNS);
	if (ih.size >= 4 && ih.has('level3') && (ih.has('target') || ih.has('actual'))) {
		unknownHeadings(form, row, ih);
		st.indCols = ih;
		st.mode = 'indicators';
		st.last = {};
		return;
	}
	const first = cells.find((c) => !blank(c));
	if (first && isOneOf(first.text, TOTAL_ROW)) {
		// The form's total closes the indicator table; a 合计 elsewhere (under the budget) is not it.
		if (st.mode !== 'indicators') {
			note(
				form,
				'warning',
				first.cell.ref,
				`「${cleanCell(first.text)}」行不在指标表之后，不作为表的总分，未读取`,
				`row “${cleanCell(first.text)}” does not close the indicator table, so it is not the form's total; not read`
			);
			return;
		}
		const rest = row.filter((c) => c.col > first.col && !c.covered);
		const wCol = st.indCols.get('weight');
		const sCol = st.indCols.get('score');
		const w = wCol !== undefined ? rest.find((c) => c.col === wCol) : undefined;
		const s = sCol !== undefined ? rest.find((c) => c.col === sCol) : undefined;
		let weight: RowCell | undefined;
		let score: RowCell | undefined;
		if (w || s) {
			// Cells under the 分值 and 得分 headings: read where they stand, blank or not.
			weight = w;
			score = s;
		} else if (!st.gapless) {
			// A copy without spans (the total's label spans the columns before): the cells after the label, blanks included.
			weight = rest[0];
			score = rest[1];
		} else {
			const nonBlank = rest.filter((c) => !blank(c));
			if (nonBlank.length === 2) [weight, score] = nonBlank;
			else
				note(
					form,
					'warning',
					first.cell.ref,
					`总分行印了 ${nonBlank.length} 个值（复制时空格子没有留下），分不清哪个是分值、哪个是得分，未读取`,
					`the total row prints ${nonBlank.length} values (the copy left no trace of empty cells): which is the weight and which the score cannot be told; not read`
				);
		}
		if (weight && !blank(weight)) form.total.weight = traced(weight);
		if (score && !blank(score)) form.total.score = traced(score);
		form.cutOff = false;
		st.mode = 'after';
		return;
	}
	const closing = first
		? (Object.keys(CLOSING) as (keyof typeof CLOSING)[]).find((k) =>
				isOneOf(first.text, CLOSING[k])
			)
		: undefined;
	if (closing && first) {
		const value = row.find((c) => c.col > first.col && !c.covered && !blank(c));
		if (value) {
			form.closing[closing] = traced(value);
			warnInstruction(form, form.closing[closing]!, CLOSING[closing][0]);
		}
		return;
	}

	if (st.mode === 'budget' || st.mode === 'split') return budgetRow(st, form, row, cells);
	if (st.mode === 'goals' && st.pendingGoals) {
		const byCol = [...st.goalCols].map(([g, col]) => [g, at(row, col)] as const);
		const positional = byCol.some(
			([, c]) => c && !c.covered && c.col === st.goalCols.get('planned')! && !blank(c)
		);
		const firstCol = Math.min(...st.goalCols.values());
		const inOrder = !positional || cells.findIndex((c) => !blank(c)) < firstCol;
		const filled = cells.filter((c) => !blank(c));
		const goals = [...st.goalCols.keys()].sort((a, b) => st.goalCols.get(a)! - st.goalCols.get(b)!);
		goals.forEach((g, k) => {
			const c = inOrder ? filled[k] : at(row, st.goalCols.get(g)!);
			if (c && !c.covered && !blank(c)) {
				form.goals[g] = traced(c);
				warnInstruction(form, form.goals[g]!, g === 'planned' ? '预期目标' : '实际完成情况');
			}
		});
		st.pendingGoals = false;
		return;
	}
	if (st.mode === 'indicators') indicatorRow(st, form, row, cells);
}

/** Printed cells of a data row that sit under no recognised heading: kept for one warning per column. */
function unplaced(
	form: FormRead,
	row: readonly RowCell[],
	used: ReadonlySet<RowCell>,
	labelCol: number
): void {
	for (const c of row)
		if (
			!c.covered &&
			!used.has(c) &&
			c.col >= labelCol &&
			!blank(c) &&
			parseValue(cleanCell(c.text)).kind !== 'missing'
		)
			form.unplaced.push(traced(c));
}

/** Heading cells of a block's heading row that name no column the recogniser knows. */
function unknownHeadings(
	form: FormRead,
	row: readonly RowCell[],
	mapped: ReadonlyMap<string, number>
): void {
	const cols = new Set(mapped.values());
	for (const c of row)
		if (
			!c.covered &&
			!cols.has(c.col) &&
			!blank(c) &&
			!isHeadingWord(cleanCell(c.text)) &&
			budgetLabel(c.text) === null
		)
			note(
				form,
				'warning',
				c.cell.ref,
				`表头「${cleanCell(c.text)}」不认识：这一列的值不读取（请核对，或把它加入 markers.ts 的同义词）`,
				`heading “${cleanCell(c.text)}” is not recognised: its column is not read (check it, or add it to the synonyms in markers.ts)`
			);
}

function budgetRow(st: State, form: FormRead, row: RowCell[], cells: RowCell[]): void {
	const sh = headings(
		row,
		SPLITS.reduce(
			(o, s) => ({ ...o, [s.dimension]: s.words }),
			{} as Record<'revenue' | 'nature', readonly string[]>
		)
	);
	if (sh.size) {
		st.splitCols = sh;
		st.mode = 'split';
		return;
	}
	if (st.mode === 'split') {
		for (const [dimension, col] of st.splitCols) {
			const c = at(row, col);
			if (!c || blank(c)) continue;
			const m = /^(?:其中[:：])?\s*(.+?)[:：]\s*(.*)$/.exec(cleanCell(c.text));
			if (!m) {
				note(
					form,
					'warning',
					c.cell.ref,
					`「${cleanCell(c.text)}」不是“项目：金额”，未读取`,
					`“${cleanCell(c.text)}” is not “item: amount”; not read`
				);
				continue;
			}
			const tr = traced(c);
			form.funding.push({
				dimension,
				item: { ...tr, text: m[1] },
				values: { budget_final: { ...tr, text: m[2] } },
				extra: []
			});
		}
		return;
	}
	// The row's label: where the labels stand, or a known label standing where the values begin
	// (a copy that dropped the merged label column); the values then follow it in order.
	const cols = [...st.budgetCols].sort((a, b) => a[1] - b[1]);
	const labelCells = row.filter((c) => c.col < st.budgetLabelCol && !blank(c) && !c.covered);
	let label = labelCells.length ? labelCells[labelCells.length - 1] : null;
	const values = new Map<BudgetField, RowCell>();
	const shifted =
		(!label || st.gapless) && cells.length > 0 && budgetLabel(cells[0].text) !== null
			? cells[0]
			: null;
	if (shifted) {
		label = shifted;
		const rest = cells.slice(1);
		if (st.gapless && rest.length > cols.length)
			note(
				form,
				'warning',
				shifted.cell.ref,
				`「${cleanCell(shifted.text)}」这一行印了 ${rest.length} 个值、表头只有 ${cols.length} 列（数字中间有空格，或有表头没有的列）：哪个值在哪一列不能确定，这一行未读取`,
				`row “${cleanCell(shifted.text)}” prints ${rest.length} values under only ${cols.length} headings (a number with a space inside, or a column the header lacks): which value is in which column cannot be told, so the row is not read`
			);
		else if (rest.length >= cols.length || !st.gapless)
			rest.forEach((c, k) => k < cols.length && values.set(cols[k][0], c));
		else {
			const holds = cols.map(([f]) => BUDGET_HOLDS[f]);
			const fit = fitByType(rest, holds);
			fit.placed.forEach((c, k) => c && values.set(cols[k][0], c));
			if (fit.ambiguous.length || rest.length < cols.length)
				note(
					form,
					fit.ambiguous.length ? 'warning' : 'info',
					shifted.cell.ref,
					`「${cleanCell(shifted.text)}」这一行印了 ${rest.length} 个值、表头有 ${cols.length} 列（复制时空格子没有留下）：按各列能填的值放置${fit.ambiguous.length ? `；${fit.ambiguous.map((c) => cleanCell(c.text)).join('、')} 放在哪一列不能确定，未读取` : ''}`,
					`row “${cleanCell(shifted.text)}” prints ${rest.length} values under ${cols.length} headings (the copy left no trace of empty cells): placed by what each column holds${fit.ambiguous.length ? `; where ${fit.ambiguous.map((c) => cleanCell(c.text)).join(', ')} belong cannot be told, so they are not read` : ''}`
				);
		}
	} else
		for (const [field, col] of cols) {
			const c = at(row, col);
			if (c && !c.covered && c.col === col) values.set(field, c);
		}
	const used = new Set<RowCell>([...values.values(), ...(label ? [label] : [])]);
	if (!(st.gapless && shifted && cells.length - 1 > cols.length))
		unplaced(form, row, used, st.budgetLabelCol);
	const kind = label ? budgetLabel(label.text) : null;
	const labelText = label
		? cleanCell(label.text)
				.replace(/^其中[:：]?/, '')
				.replace(/[:：]$/, '')
		: '';
	const isTotal = label ? kind === 'total' : st.totalInHeader && !form.budget.budget_final;
	if (isTotal) {
		for (const [k, v] of values) if (!blank(v)) form.budget[k] = traced(v);
		if (form.budget.exec_reason) warnInstruction(form, form.budget.exec_reason, '原因');
	} else if (kind === 'source' && label) {
		const tr = traced(label);
		const fr: FundingRead = {
			dimension: 'source',
			item: { ...tr, text: labelText },
			values: {},
			extra: []
		};
		for (const [k, c] of values) {
			const v = traced(c);
			if (k === 'budget_initial' || k === 'budget_final' || k === 'executed') fr.values[k] = v;
			else if (v.text !== '') fr.extra.push({ heading: BUDGET_COLUMNS[k][0], value: v });
		}
		form.funding.push(fr);
	} else if (label && !isHeadingWord(cleanCell(label.text)))
		note(
			form,
			'warning',
			label.cell.ref,
			`预算区的行「${labelText}」不认识，未读取`,
			`budget row “${labelText}” not recognised; not read`
		);
}

const BUDGET_HOLDS: Record<BudgetField, Holds> = {
	budget_initial: 'money',
	budget_final: 'money',
	executed: 'money',
	exec_weight: 'points',
	exec_rate_reported: 'rate',
	exec_score: 'points',
	exec_reason: 'text'
};

const INDICATOR_HOLDS: Record<IndicatorField, Holds> = {
	level1: 'text',
	level2: 'text',
	level3: 'text',
	nature: 'any',
	target: 'any',
	unit: 'text',
	actual: 'any',
	weight: 'points',
	score: 'points',
	reason: 'text',
	core: 'any'
};

function indicatorRow(st: State, form: FormRead, row: RowCell[], cells: RowCell[]): void {
	const filledCells = cells.filter((c) => !blank(c));
	if (!filledCells.length) return;
	// A row of placeholders ("……", "/") holds no indicator.
	if (filledCells.every((c) => parseValue(cleanCell(c.text)).kind === 'missing')) return;
	// Anchor the row's first cell at the column it names (一级, 二级, or the indicator itself): a
	// copy that dropped merged cells starts the row further left than the header.
	const firstCell = filledCells[0];
	const next = filledCells[1]?.text ?? null;
	const anchor: IndicatorField = levelOf(firstCell.text, next) ?? 'level3';
	const want = st.indCols.get(anchor);
	let use = row;
	if (want !== undefined && firstCell.col < want) {
		const shift = want - firstCell.col;
		use = row.map((c) => ({ ...c, col: c.col + shift }));
	}
	const fields: Partial<Record<IndicatorField, RowCell>> = {};
	const ordered = [...st.indCols].sort((a, b) => a[1] - b[1]);
	for (const [field, col] of ordered) {
		const c = at(use, col);
		if (c && !c.covered && c.col === col && !blank(c)) fields[field] = c;
	}
	// Cells separated by spaces: the values after the indicator are placed by what each column holds.
	if (st.gapless && fields.level3) {
		const after = ordered.filter(([, col]) => col > st.indCols.get('level3')!);
		const l3col = st.indCols.get('level3')!;
		const rest = use.filter((c) => c.col > l3col && !blank(c));
		if (rest.length > after.length) {
			for (const [f] of after) delete fields[f];
			note(
				form,
				'warning',
				fields.level3.cell.ref,
				`指标「${cleanCell(fields.level3.text)}」印了 ${rest.length} 个值、后面只有 ${after.length} 列（数字中间有空格，或有表头没有的列）：这些值未读取`,
				`indicator “${cleanCell(fields.level3.text)}” prints ${rest.length} values under only ${after.length} columns (a number with a space inside, or a column the header lacks): they are not read`
			);
		} else if (rest.length < after.length) {
			for (const [f] of after) delete fields[f];
			const fit = fitByType(
				rest,
				after.map(([f]) => INDICATOR_HOLDS[f])
			);
			fit.placed.forEach((c, k) => c && (fields[after[k][0]] = c));
			if (fit.ambiguous.length)
				pendingFits.set(form, [...(pendingFits.get(form) ?? []), { row: rest, fields }]);
			if (fit.ambiguous.length)
				note(
					form,
					'warning',
					fields.level3.cell.ref,
					`指标「${cleanCell(fields.level3.text)}」印了 ${rest.length} 个值、后面有 ${after.length} 列（复制时空格子没有留下）：${fit.ambiguous.map((c) => cleanCell(c.text)).join('、')} 放在哪一列不能确定，未读取`,
					`indicator “${cleanCell(fields.level3.text)}” prints ${rest.length} values under ${after.length} columns (the copy left no trace of empty cells): where ${fit.ambiguous.map((c) => cleanCell(c.text)).join(', ')} belong cannot be told, so they are not read`
				);
		}
	}
	if (!st.gapless) unplaced(form, use, new Set(Object.values(fields)), -1);
	const ind: IndicatorRead = { fields: {}, filled: [] };
	for (const [k, c] of Object.entries(fields) as [IndicatorField, RowCell][])
		ind.fields[k] = traced(c);
	// A row that only names 一级 and/or 二级 heads the rows below it.
	const named = Object.keys(ind.fields);
	if (named.every((k) => k === 'level1' || k === 'level2')) {
		if (ind.fields.level1) st.last = { level1: ind.fields.level1 };
		if (ind.fields.level2) st.last.level2 = ind.fields.level2;
		return;
	}
	for (const lv of ['level1', 'level2'] as const) {
		if (ind.fields[lv]) st.last[lv] = ind.fields[lv];
		else if (st.last[lv] && st.indCols.has(lv)) {
			ind.fields[lv] = st.last[lv];
			ind.filled.push(lv);
		}
		if (lv === 'level1' && ind.filled.length === 0 && ind.fields.level1) delete st.last.level2;
	}
	// "产出指标(50分)" names 一级 with its points; where only "(50分)" is printed, that stays its name.
	const l1 = ind.fields.level1;
	if (l1) ind.fields.level1 = { ...l1, text: headingPoints(l1.text).name || l1.text };
	const l3 = ind.fields.level3;
	if (l3) ind.fields.level3 = { ...l3, text: stripNumbering(l3.text) };
	// A numbered slot left empty ("指标2：", "指标1：/ / /") holds no indicator.
	const values = (['target', 'actual', 'weight', 'score'] as const).map(
		(k) => ind.fields[k]?.text ?? ''
	);
	const slot = !ind.fields.level3 || parseValue(ind.fields.level3.text).kind === 'missing';
	if (slot && values.every((v) => parseValue(v).kind === 'missing')) {
		if (l3 && l3.text !== ind.fields.level3!.text) form.emptySlots.push(l3);
		return;
	}
	form.indicators.push(ind);
}

/** Rows whose values could not be placed, per form, kept for the check against the form's total. */
const pendingFits = new WeakMap<
	FormRead,
	{ row: RowCell[]; fields: Partial<Record<IndicatorField, RowCell>> }[]
>();

const num = (t: Traced | undefined) => {
	const p = t ? parseValue(t.text) : null;
	return p && p.kind === 'number' && p.value !== null
		? p.value
		: p && p.kind === 'missing'
			? 0
			: NaN;
};

/**
 * Rows whose two values could not be placed (a copy that dropped empty cells) are tried as 分值
 * and 得分: taken only when, so placed, the weights and the scores add up exactly to the total the
 * form prints, and the form says so. Otherwise they stay unread, as warned.
 */
function settleByTotal(f: FormRead): void {
	const pending = pendingFits.get(f);
	if (!pending?.length || !f.total.weight || !f.total.score) return;
	// Two plain numbers each (no %, no unit), as a weight and a score are.
	const points = (c: RowCell) => {
		const v = parseValue(cleanCell(c.text));
		return v.kind === 'number' && v.unit === null && v.value !== null && v.value <= 100;
	};
	if (!pending.every((p) => p.row.length === 2 && p.row.every(points))) return;
	const tw = num(f.total.weight);
	const ts = num(f.total.score);
	const placed = new Map(pending.map((p) => [traced(p.fields.level3!).ref, p.row]));
	let w = num(f.budget.exec_weight) || 0;
	let s2 = num(f.budget.exec_score) || 0;
	for (const ind of f.indicators) {
		const two = ind.fields.level3 && placed.get(ind.fields.level3.ref);
		w += two ? num(traced(two[0])) : num(ind.fields.weight);
		s2 += two ? num(traced(two[1])) : num(ind.fields.score);
	}
	if (!(Math.abs(w - tw) < 1e-9 && Math.abs(s2 - ts) < 1e-9)) return;
	for (const ind of f.indicators) {
		const two = ind.fields.level3 && placed.get(ind.fields.level3.ref);
		if (!two) continue;
		ind.fields.weight = traced(two[0]);
		ind.fields.score = traced(two[1]);
	}
	f.notes = f.notes.filter((n) => !pending.some((p) => n.ref === p.fields.level3!.cell.ref));
	f.notes.push({
		level: 'warning',
		ref: f.total.weight.ref,
		message: msg(
			`${pending.length} 个指标只印了两个值：按分值、得分读取，因为这样分值合计 ${w}、得分合计 ${s2} 正好等于表上的总分 ${f.total.weight.text} / ${f.total.score.text}`,
			`${pending.length} indicators print only two values: read as weight and score, because so placed the weights add up to ${w} and the scores to ${s2}, exactly the totals the form prints (${f.total.weight.text} / ${f.total.score.text})`
		)
	});
}

/** Reads the rows of one table into forms; a table may hold several forms, and a form may go on in the next table. */
function readTable(st: State, t: DocTable): void {
	st.gapless = t.flow === 'gapless';
	const rows = gridRows(t);
	for (const row of t.flow === 'reflowed' ? rows.flatMap(reflow) : rows) readRow(st, row, t.id);
}

/** Every form in the document, with the report text that follows each. */
export function recognise(doc: Doc): Recognised {
	const st = newState();
	const { forms, pending } = st;
	const loose: Paragraph[] = [];
	const notes: DocNote[] = [];
	let reportOf: FormRead | null = null;
	for (const b of doc.blocks) {
		if (b.kind === 'table') {
			const before = forms.length;
			readTable(st, b.table);
			if (forms.length > before) reportOf = null;
			continue;
		}
		// A paragraph of several lines (a PDF's text between tables) keeps its lines together as
		// one paragraph, unless one of them is a title or a year, which are read line by line.
		const marks = (t: string) =>
			(titleOf(t) !== null || YEAR.test(key(t)) || mentions(t, REPORT_TITLES)) &&
			key(t).length <= 40;
		const lines = b.paragraphs.flatMap((p) =>
			p.text.includes('\n') && p.text.split('\n').some(marks)
				? p.text.split('\n').map((text) => ({ text, ref: p.ref }))
				: [p]
		);
		for (const p of lines) {
			const k = key(p.text);
			const kind = titleOf(p.text);
			if (kind && k.length <= 40) {
				pending.kind = kind;
				pending.title = { text: cleanCell(p.text), printed: p.text, ref: p.ref };
				reportOf = null;
				continue;
			}
			const y = YEAR.exec(k);
			if (y && k.length <= 40 && pending.kind) {
				pending.year = { value: Number(y[1] ?? y[2]), ref: p.ref, printed: y[0] };
				continue;
			}
			if (mentions(p.text, REPORT_TITLES) && k.length <= 40) {
				const want = mentions(p.text, ['项目'])
					? 'project'
					: mentions(p.text, ['部门', '整体'])
						? 'department'
						: null;
				reportOf = [...forms].reverse().find((f) => !want || f.form === want) ?? null;
				if (reportOf)
					reportOf.reportTitle = { text: cleanCell(p.text), printed: p.text, ref: p.ref };
				continue;
			}
			if (reportOf) reportOf.report.push(p);
			else loose.push(p);
		}
	}
	// A title with nothing of a form under it (a search line, a list of attachments) is no form.
	const empty = (f: FormRead) =>
		!Object.keys(f.header).length &&
		!Object.keys(f.budget).length &&
		!f.indicators.length &&
		!Object.keys(f.goals).length;
	for (const f of forms.filter(empty))
		notes.push({
			level: 'info',
			ref: f.title?.ref ?? null,
			message: msg(
				`「${f.title?.text ?? ''}」后面没有表格内容，不作为一张表`,
				`“${f.title?.text ?? ''}” has no form under it; not read as a form`
			)
		});
	const kept = forms.filter((f) => !empty(f));
	for (const f of kept) {
		settleByTotal(f);
		if (f.cutOff) {
			const last = f.lastRow;
			f.notes.push({
				level: 'warning',
				ref: last?.ref ?? f.title?.ref ?? null,
				message: msg(
					`这张表在文档结束处被截断（没有总分行）：已读到的部分保留，缺的部分不补${last ? `；最后印出的一行是「${last.text}」` : ''}`,
					`this form is cut off where the document ends (no total row): what is there is read, nothing is filled in${last ? `; the last row printed is “${last.text}”` : ''}`
				)
			});
		}
		if (f.unplaced.length) {
			const shown = f.unplaced
				.slice(0, 5)
				.map((t) => `「${t.text.slice(0, 20)}」`)
				.join('、');
			f.notes.push({
				level: 'warning',
				ref: f.unplaced[0].ref,
				message: msg(
					`${f.unplaced.length} 个值不在任何认得的表头下，未读取：${shown}${f.unplaced.length > 5 ? ' …' : ''}`,
					`${f.unplaced.length} values sit under no recognised heading and are not read: ${shown}${f.unplaced.length > 5 ? ' …' : ''}`
				)
			});
		}
		if (f.emptySlots.length)
			f.notes.push({
				level: 'info',
				ref: f.emptySlots[0].ref,
				message: msg(
					`${f.emptySlots.length} 个指标空位（如「${f.emptySlots[0].text}」）没有填写，不作为指标`,
					`${f.emptySlots.length} indicator slots (such as “${f.emptySlots[0].text}”) are left empty; not read as indicators`
				)
			});
	}
	if (!kept.length)
		notes.push({
			level: 'error',
			ref: { file: doc.file },
			message: msg('文档中没有找到绩效自评表', 'no self-evaluation form found in the document')
		});
	return { forms: kept, loose, notes };
}
