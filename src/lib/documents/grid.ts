// The one model every document reader produces: tables of cells with spans and source references, and the running text between them.
import type { Msg } from '../schema/msg';

export type DocFormat = 'text' | 'html' | 'docx' | 'xlsx' | 'pdf';

/**
 * Where a cell or paragraph was printed. Text formats give lines; table formats give the table
 * (or sheet) and its row and column; PDF adds the page. Numbers are 1-based, as a reader counts.
 */
export interface SourceRef {
	file: string;
	/** Table number in the document (1-based), or the sheet name of a workbook. */
	table?: number | string;
	row?: number;
	col?: number;
	/** Physical line range in a text file (or a PDF page's text lines). */
	line?: number;
	lineEnd?: number;
	/** The paragraph number of running text in a page or a Word file (1-based). */
	paragraph?: number;
	page?: number;
}

export interface Cell {
	/** The cell's text as printed: paragraphs joined with "\n", nothing trimmed. */
	text: string;
	/** 0-based position in the table's grid (after spans are laid out). */
	row: number;
	col: number;
	rowSpan: number;
	colSpan: number;
	ref: SourceRef;
}

export interface DocTable {
	/** 1-based table number in the document, or the sheet name. */
	id: number | string;
	/** Cells that start in each grid row, in column order. */
	rows: Cell[][];
	/** Grid width: the widest row after spans. */
	width: number;
	/**
	 * How far the rows can be trusted, for text copies of a table: `reflowed` when the copy broke
	 * rows inside cells, so one row may hold several of the form's rows (the recogniser re-rows it
	 * by the form's headings); `gapless` when cells were separated by spaces, so empty cells left
	 * no trace and a short row's values are placed by what each column can hold.
	 */
	flow?: 'reflowed' | 'gapless';
}

export interface Paragraph {
	text: string;
	ref: SourceRef;
}

export type Block = { kind: 'table'; table: DocTable } | { kind: 'text'; paragraphs: Paragraph[] };

/** How much a reader note matters; the same words as an audit Severity, but a note on reading, not a flag. */
export type NoteLevel = 'error' | 'warning' | 'info';

/** What a reader (or the recogniser) has to say about the document, in both languages. */
export interface DocNote {
	level: NoteLevel;
	ref: SourceRef | null;
	message: Msg;
}

export interface Doc {
	file: string;
	format: DocFormat;
	blocks: Block[];
	notes: DocNote[];
}

/** A cell as the recogniser sees it in one grid row: its own cell, or a blank covered by a cell above. */
export interface RowCell {
	text: string;
	col: number;
	colSpan: number;
	/** The cell that printed this text; for a covered position, the merged cell above. */
	cell: Cell;
	/** True where a cell from an earlier row spans down over this row (a vertical merge). */
	covered: boolean;
}

/**
 * The cells of each grid row in column order, with positions that a cell from above spans into
 * given as covered blanks, so that a vertical merge reads like the blank cell a text export prints.
 */
export function gridRows(t: DocTable): RowCell[][] {
	const down: (Cell | null)[] = [];
	const out: RowCell[][] = [];
	for (let r = 0; r < t.rows.length; r++) {
		const row: RowCell[] = [];
		for (let c = 0; c < down.length; c++) {
			const above = down[c];
			if (above && above.row + above.rowSpan > r && above.col === c) {
				row.push({ text: '', col: c, colSpan: above.colSpan, cell: above, covered: true });
			}
		}
		for (const cell of t.rows[r]) {
			row.push({ text: cell.text, col: cell.col, colSpan: cell.colSpan, cell, covered: false });
			if (cell.rowSpan > 1) down[cell.col] = cell;
		}
		row.sort((a, b) => a.col - b.col);
		out.push(row);
	}
	return out;
}

/** Lays out rows of cells given with spans (HTML, DOCX) on a grid: each cell's column skips positions taken from above. */
export function layOut(
	rows: readonly { text: string; rowSpan: number; colSpan: number; ref: SourceRef }[][],
	id: number | string
): DocTable {
	const taken: number[] = []; // per column: the first grid row that is free again
	const out: Cell[][] = [];
	let width = 0;
	rows.forEach((cells, r) => {
		let c = 0;
		const row: Cell[] = [];
		for (const x of cells) {
			while ((taken[c] ?? 0) > r) c++;
			const cell: Cell = {
				text: x.text,
				row: r,
				col: c,
				rowSpan: x.rowSpan,
				colSpan: x.colSpan,
				ref: x.ref
			};
			for (let k = 0; k < x.colSpan; k++) taken[c + k] = r + x.rowSpan;
			row.push(cell);
			c += x.colSpan;
			width = Math.max(width, c);
		}
		out.push(row);
	});
	return { id, rows: out, width };
}

/** A reference as a reader says it: "表 2 第 5 行第 3 列", "第 83–92 行", "第 3 页". */
export function formatRef(ref: SourceRef, lang: 'zh' | 'en' = 'zh'): string {
	const parts: string[] = [ref.file];
	const zh = lang === 'zh';
	if (ref.page !== undefined) parts.push(zh ? `第 ${ref.page} 页` : `page ${ref.page}`);
	if (ref.table !== undefined)
		parts.push(
			typeof ref.table === 'string'
				? zh
					? `工作表「${ref.table}」`
					: `sheet “${ref.table}”`
				: zh
					? `表 ${ref.table}`
					: `table ${ref.table}`
		);
	if (ref.row !== undefined)
		parts.push(
			zh
				? `第 ${ref.row} 行${ref.col !== undefined ? `第 ${ref.col} 列` : ''}`
				: `row ${ref.row}${ref.col !== undefined ? `, column ${ref.col}` : ''}`
		);
	if (ref.paragraph !== undefined)
		parts.push(zh ? `第 ${ref.paragraph} 段` : `paragraph ${ref.paragraph}`);
	if (ref.line !== undefined) {
		const span =
			ref.lineEnd !== undefined && ref.lineEnd !== ref.line
				? `${ref.line}–${ref.lineEnd}`
				: `${ref.line}`;
		parts.push(zh ? `第 ${span} 行` : `line ${span}`);
	}
	return parts.join(zh ? ' · ' : ', ');
}
