// Finds every 部门整体 and 项目支出 self-evaluation form in a document's grid and reads its blocks by their headings, whatever the format.
import { msg } from '../schema/msg';
import type { Doc, DocNote, DocTable, Paragraph, RowCell, SourceRef } from './grid';
import { gridRows } from './grid';
import {
	BUDGET_COLUMNS,
	BUDGET_TOTAL_ROW,
	CLOSING,
	FORM_TITLES,
	FUNDING_SOURCES,
	GOALS,
	HEADER_FIELDS,
	INDICATOR_COLUMNS,
	REPORT_TITLES,
	SPLITS,
	TOTAL_ROW
} from './markers';
import { cleanCell, headingPoints, isOneOf, key, mentions, stripNumbering } from './text';

/** A value read from the document: its cleaned text, the text exactly as printed, and where. */
export interface Traced {
	text: string;
	printed: string;
	ref: SourceRef;
}

export type BudgetField = keyof typeof BUDGET_COLUMNS;
export type IndicatorField = keyof typeof INDICATOR_COLUMNS;

export interface FundingRead {
	dimension: 'source' | 'revenue' | 'nature' | 'economic';
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
	form: 'department' | 'project';
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

function titleOf(text: string): 'department' | 'project' | null {
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

function newForm(kind: 'department' | 'project', table: number | string): FormRead {
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
		table,
		notes: []
	};
}

type Mode = 'header' | 'budget' | 'split' | 'goals' | 'indicators' | 'after';

/** Reads the rows of one table into forms; a table may hold several forms (a sheet with forms one below another). */
function readTable(
	t: DocTable,
	pending: { kind: 'department' | 'project' | null; title: Traced | null; year: FormRead['year'] },
	forms: FormRead[]
): void {
	const rows = gridRows(t);
	let f = null as FormRead | null;
	let mode: Mode = 'header';
	let budgetCols = new Map<BudgetField, number>();
	let budgetLabelCol = 0;
	let totalInHeader = false;
	let splitCols = new Map<'revenue' | 'nature', number>();
	let goalCols = new Map<'planned' | 'achieved', number>();
	let indCols = new Map<IndicatorField, number>();
	let indHeaderLen = 0;
	let last: Partial<Record<'level1' | 'level2', Traced>> = {};
	let pendingGoals = false;

	const start = (kind: 'department' | 'project', title: Traced | null): FormRead => {
		const nf = newForm(kind, t.id);
		nf.title = title ?? pending.title;
		nf.year = pending.year;
		pending.title = null;
		pending.kind = null;
		forms.push(nf);
		mode = 'header';
		budgetCols = new Map();
		splitCols = new Map();
		goalCols = new Map();
		indCols = new Map();
		last = {};
		pendingGoals = false;
		return nf;
	};

	for (const row of rows) {
		const cells = row.filter((c) => !c.covered);
		const texts = cells.map((c) => key(c.text));
		if (texts.every((x) => x === '') && mode !== 'indicators') continue;

		// A title row inside the table (a workbook's merged title) starts a form.
		const titleCell = cells.find((c) => titleOf(c.text) && key(c.text).length <= 30);
		if (titleCell) {
			f = start(titleOf(titleCell.text)!, traced(titleCell));
			const y = YEAR.exec(cells.map((c) => c.text).join(' '));
			if (y) f.year = { value: Number(y[1] ?? y[2]), ref: titleCell.cell.ref, printed: y[0] };
			continue;
		}
		const yearCell = cells.find((c) => YEAR.test(key(c.text)) && key(c.text).length <= 30);
		if (yearCell && (!f || mode === 'header')) {
			const y = YEAR.exec(key(yearCell.text))!;
			const year = { value: Number(y[1] ?? y[2]), ref: yearCell.cell.ref, printed: y[0] };
			if (f) f.year = year;
			else pending.year = year;
			if (
				cells.every((c) => c === yearCell || !mentions(c.text, Object.values(HEADER_FIELDS).flat()))
			)
				continue;
		}

		// Header fields: a label cell and the value cell after it.
		const labelled = headings(row, HEADER_FIELDS);
		if (labelled.size && (mode === 'header' || mode === 'after' || !f)) {
			const isNew = labelled.has('unit') || labelled.has('project');
			if (!f || (isNew && mode === 'after') || (isNew && (f.header.unit || f.header.project))) {
				const kind = labelled.has('project')
					? 'project'
					: labelled.has('unit')
						? 'department'
						: null;
				f = start(pending.kind ?? kind ?? 'project', null);
			}
			const hf: FormRead = f;
			for (const [field, col] of labelled) {
				const i = row.findIndex((c) => c.col === col);
				const value = row.slice(i + 1).find((c) => !c.covered);
				if (value && !blank(value) && !hf.header[field]) hf.header[field] = traced(value);
			}
			continue;
		}
		if (!f) continue;
		const form: FormRead = f;

		// Budget block heading row.
		const bh = headings(row, BUDGET_COLUMNS);
		if (bh.size >= 3 && bh.has('exec_score') && (bh.has('budget_final') || bh.has('executed'))) {
			budgetCols = bh;
			budgetLabelCol = Math.min(...bh.values());
			totalInHeader = cells.some((c) => isOneOf(c.text, BUDGET_TOTAL_ROW));
			mode = 'budget';
			continue;
		}
		const goalHead = headings(row, GOALS);
		if (goalHead.size === 2) {
			goalCols = goalHead;
			mode = 'goals';
			pendingGoals = true;
			continue;
		}
		const ih = headings(row, INDICATOR_COLUMNS);
		if (ih.size >= 4 && ih.has('level3') && (ih.has('target') || ih.has('actual'))) {
			indCols = ih;
			indHeaderLen = row.length;
			mode = 'indicators';
			last = {};
			continue;
		}
		const first = cells.find((c) => !blank(c));
		if (first && isOneOf(first.text, TOTAL_ROW)) {
			const rest = row.filter((c) => c.col > first.col && !c.covered);
			const wCol = indCols.get('weight');
			const sCol = indCols.get('score');
			const w = wCol !== undefined ? at(rest, wCol) : null;
			const s = sCol !== undefined ? at(rest, sCol) : null;
			const onCols = w && s && w !== s && !blank(w);
			const nonBlank = rest.filter((c) => !blank(c));
			const weight = onCols ? w : nonBlank[0];
			const score = onCols ? s : nonBlank[1];
			if (weight) form.total.weight = traced(weight);
			if (score && !blank(score)) form.total.score = traced(score);
			form.cutOff = false;
			mode = 'after';
			continue;
		}
		const closing = first
			? (Object.keys(CLOSING) as (keyof typeof CLOSING)[]).find((k) =>
					isOneOf(first.text, CLOSING[k])
				)
			: undefined;
		if (closing && first) {
			const value = row.find((c) => c.col > first.col && !c.covered && !blank(c));
			if (value) form.closing[closing] = traced(value);
			continue;
		}

		if (mode === 'budget' || mode === 'split') {
			const sh = headings(
				row,
				SPLITS.reduce(
					(o, s) => ({ ...o, [s.dimension]: s.words }),
					{} as Record<'revenue' | 'nature', readonly string[]>
				)
			);
			if (sh.size) {
				splitCols = sh;
				mode = 'split';
				continue;
			}
			if (mode === 'split') {
				for (const [dimension, col] of splitCols) {
					const c = at(row, col);
					if (!c || blank(c)) continue;
					const m = /^(?:其中[:：])?\s*(.+?)[:：]\s*(.*)$/.exec(cleanCell(c.text));
					if (!m) {
						form.notes.push({
							level: 'warning',
							ref: c.cell.ref,
							message: msg(
								`「${cleanCell(c.text)}」不是“项目：金额”，未读取`,
								`“${cleanCell(c.text)}” is not “item: amount”; not read`
							)
						});
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
				continue;
			}
			// A data row of the budget block.
			const labelCells = row.filter((c) => c.col < budgetLabelCol && !blank(c) && !c.covered);
			const label = labelCells.length ? labelCells[labelCells.length - 1] : null;
			const labelText = label ? cleanCell(label.text).replace(/^其中[:：]?/, '') : '';
			const isTotal = label
				? isOneOf(labelText, BUDGET_TOTAL_ROW)
				: totalInHeader && !form.budget.budget_final;
			const values: Partial<Record<BudgetField, Traced>> = {};
			for (const [field, col] of budgetCols) {
				const c = at(row, col);
				if (c && !c.covered && c.col === col) values[field] = traced(c);
			}
			if (isTotal) {
				for (const [k, v] of Object.entries(values) as [BudgetField, Traced][])
					if (v.text !== '') form.budget[k] = v;
			} else if (label && isOneOf(labelText, FUNDING_SOURCES)) {
				const tr = traced(label);
				const fr: FundingRead = {
					dimension: 'source',
					item: { ...tr, text: labelText },
					values: {},
					extra: []
				};
				for (const [k, v] of Object.entries(values) as [BudgetField, Traced][]) {
					if (k === 'budget_initial' || k === 'budget_final' || k === 'executed') fr.values[k] = v;
					else if (v.text !== '') fr.extra.push({ heading: BUDGET_COLUMNS[k][0], value: v });
				}
				form.funding.push(fr);
			} else if (label) {
				form.notes.push({
					level: 'warning',
					ref: label.cell.ref,
					message: msg(
						`预算区的行「${labelText}」不认识，未读取`,
						`budget row “${labelText}” not recognised; not read`
					)
				});
			}
			continue;
		}
		if (mode === 'goals' && pendingGoals) {
			for (const [g, col] of goalCols) {
				const c = at(row, col);
				if (c && !c.covered && !blank(c)) form.goals[g] = traced(c);
			}
			pendingGoals = false;
			continue;
		}
		if (mode === 'indicators') {
			if (texts.every((x) => x === '')) continue;
			// A row copied as text without its merged cells is shorter: its cells belong to the last columns.
			let use = row;
			if (row.length < indHeaderLen && row.every((c, i) => c.col === i)) {
				const shift = indHeaderLen - row.length;
				use = row.map((c) => ({ ...c, col: c.col + shift }));
				form.notes.push({
					level: 'info',
					ref: row[0].cell.ref,
					message: msg(
						`这一行比表头少 ${shift} 格（合并单元格复制成文本），按靠右对齐读取`,
						`this row has ${shift} cells fewer than the header (merged cells copied as text): read aligned right`
					)
				});
			}
			const ind: IndicatorRead = { fields: {}, filled: [] };
			for (const [field, col] of indCols) {
				const c = at(use, col);
				if (c && !c.covered && c.col === col && !blank(c)) ind.fields[field] = traced(c);
			}
			const only = Object.keys(ind.fields);
			if (only.length === 1 && only[0] === 'level1') {
				last = { level1: ind.fields.level1 };
				continue;
			}
			for (const lv of ['level1', 'level2'] as const) {
				if (ind.fields[lv]) last[lv] = ind.fields[lv];
				else if (last[lv] && indCols.has(lv)) {
					ind.fields[lv] = last[lv];
					ind.filled.push(lv);
				}
				if (lv === 'level1' && ind.filled.length === 0 && ind.fields.level1) delete last.level2;
			}
			const l1 = ind.fields.level1;
			if (l1) ind.fields.level1 = { ...l1, text: headingPoints(l1.text).name };
			const l3 = ind.fields.level3;
			if (l3) ind.fields.level3 = { ...l3, text: stripNumbering(l3.text) };
			form.indicators.push(ind);
		}
	}
}

/** Every form in the document, with the report text that follows each. */
export function recognise(doc: Doc): Recognised {
	const forms: FormRead[] = [];
	const loose: Paragraph[] = [];
	const notes: DocNote[] = [];
	const pending: {
		kind: 'department' | 'project' | null;
		title: Traced | null;
		year: FormRead['year'];
	} = {
		kind: null,
		title: null,
		year: null
	};
	let reportOf: FormRead | null = null;
	for (const b of doc.blocks) {
		if (b.kind === 'table') {
			const before = forms.length;
			readTable(b.table, pending, forms);
			if (forms.length > before) reportOf = null;
			continue;
		}
		for (const p of b.paragraphs) {
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
	for (const f of forms) {
		if (!f.year && pending.year) f.year = pending.year;
		if (f.cutOff)
			f.notes.push({
				level: 'warning',
				ref: f.title?.ref ?? null,
				message: msg(
					'这张表在文档结束处被截断（没有总分行）：已读到的部分保留，缺的部分不补',
					'this form is cut off where the document ends (no total row): what is there is read, nothing is filled in'
				)
			});
	}
	if (!forms.length)
		notes.push({
			level: 'error',
			ref: { file: doc.file },
			message: msg('文档中没有找到绩效自评表', 'no self-evaluation form found in the document')
		});
	return { forms, loose, notes };
}
