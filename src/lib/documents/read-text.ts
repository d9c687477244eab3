// Reads a document published as plain text into the grid model: Word's text export (one cell per line), `|`-separated and tab-separated rows.
import { msg } from '../schema/msg';
import { decodeText } from '../ingest/decode';
import { DocumentError } from './errors';
import type { Block, Cell, Doc, DocNote, DocTable, Paragraph } from './grid';
import { isFieldLabel, isHeadingWord, joinsHeading } from './markers';

/** A column heading or block label, not a header field's label (whose value is the next cell). */
const isColumnHeading = (t: string) => isHeadingWord(t) && !isFieldLabel(t);

interface Line {
	no: number;
	text: string;
}

/** A cell being gathered: its paragraphs and lines. */
interface Gathered {
	text: string[];
	first: number;
	last: number;
}

/**
 * Word's "plain text" export of a table: every cell starts on a line of its own with a TAB;
 * lines without a leading TAB continue the cell (its further paragraphs); a blank line ends the
 * row. Two things in it are not what they seem, and both are undone here with a note:
 * - a cell holding an empty paragraph prints a blank line inside the row, so a row can arrive
 *   in two parts; two parts that are both shorter than the row before them and together exactly
 *   as wide are one row;
 * - the paragraph after a table is printed on the line after its last cell, where it looks like
 *   a continuation; in the table's last row, such a line that starts with a space is running text.
 */
function isWordCellExport(lines: readonly Line[]): boolean {
	let lead = 0;
	let inner = 0;
	for (const l of lines) {
		if (l.text.startsWith('\t')) lead++;
		if (l.text.slice(1).includes('\t')) inner++;
	}
	return lead >= 4 && inner * 4 < lead;
}

function splitLines(text: string): Line[] {
	return text.split(/\r\n|\n|\r/).map((t, i) => ({ no: i + 1, text: t }));
}

function wordExport(file: string, lines: readonly Line[], notes: DocNote[]): Block[] {
	// Chunks separated by blank lines.
	const chunks: Line[][] = [];
	let cur: Line[] = [];
	for (const l of lines) {
		if (l.text === '') {
			if (cur.length) chunks.push(cur);
			cur = [];
		} else cur.push(l);
	}
	if (cur.length) chunks.push(cur);

	type Row = { cells: Gathered[]; lead: Line[]; trail: Line[] };
	const parsed: Row[] = chunks.map((ch) => {
		const lead: Line[] = [];
		const cells: Gathered[] = [];
		for (const l of ch) {
			if (l.text.startsWith('\t')) cells.push({ text: [l.text.slice(1)], first: l.no, last: l.no });
			else if (cells.length === 0) lead.push(l);
			else {
				const c = cells[cells.length - 1];
				c.text.push(l.text);
				c.last = l.no;
			}
		}
		return { cells, lead, trail: [] };
	});
	// The paragraph after a table, printed on the line after its last cell.
	for (let i = 0; i < parsed.length; i++) {
		const r = parsed[i];
		const next = parsed[i + 1];
		if (!r.cells.length || (next && next.cells.length && !next.lead.length)) continue;
		const last = r.cells[r.cells.length - 1];
		const at = last.text.findIndex((t, k) => k > 0 && /^ /.test(t));
		if (at > 0) {
			const keep = last.text.slice(0, at);
			const moved = last.text.slice(at);
			const firstMoved = last.first + at;
			r.trail = moved.map((t, k) => ({ no: firstMoved + k, text: t }));
			last.text = keep;
			last.last = firstMoved - 1;
			notes.push({
				level: 'info',
				ref: { file, line: firstMoved },
				message: msg(
					`第 ${firstMoved} 行紧接表格最后一格、以空格开头，按表后正文读取`,
					`line ${firstMoved} follows the table's last cell and starts with a space: read as the text after the table`
				)
			});
		}
	}

	const blocks: Block[] = [];
	let paras: Paragraph[] = [];
	let rows: Gathered[][] = [];
	let tableNo = 0;
	// The width a split row must add up to: the row before it, as rows of one block are alike.
	let width = 0;
	const flushText = () => {
		if (paras.length) blocks.push({ kind: 'text', paragraphs: paras });
		paras = [];
	};
	const flushTable = () => {
		if (!rows.length) return;
		tableNo++;
		const id = tableNo;
		const out: Cell[][] = rows.map((cells, r) =>
			cells.map((g, c) => ({
				text: g.text.join('\n'),
				row: r,
				col: c,
				rowSpan: 1,
				colSpan: 1,
				ref: { file, table: id, row: r + 1, col: c + 1, line: g.first, lineEnd: g.last }
			}))
		);
		const table: DocTable = { id, rows: out, width: Math.max(...out.map((r) => r.length)) };
		blocks.push({ kind: 'table', table });
		rows = [];
		width = 0;
	};
	const para = (l: Line) => paras.push({ text: l.text, ref: { file, line: l.no } });
	for (const r of parsed) {
		if (r.lead.length || !r.cells.length) {
			flushTable();
			r.lead.forEach(para);
		}
		if (r.cells.length) {
			flushText();
			const prev = rows[rows.length - 1];
			if (
				prev &&
				prev.length < width &&
				r.cells.length < width &&
				prev.length + r.cells.length === width
			) {
				notes.push({
					level: 'info',
					ref: { file, line: prev[0].first, lineEnd: r.cells[r.cells.length - 1].last },
					message: msg(
						`第 ${prev[0].first}–${r.cells[r.cells.length - 1].last} 行：单元格中的空段落把一行分成两段，两段合起来正好一行宽，按一行读取`,
						`lines ${prev[0].first}–${r.cells[r.cells.length - 1].last}: an empty paragraph in a cell split a row in two; together the parts are exactly one row wide, so they are read as one row`
					)
				});
				prev.push(...r.cells);
			} else rows.push(r.cells);
			width = rows.length > 1 ? rows[rows.length - 2].length : 0;
		}
		if (r.trail.length) {
			flushTable();
			r.trail.forEach(para);
		}
	}
	flushTable();
	flushText();
	return blocks;
}

type Split = (t: string) => string[] | null;

/** `a | b | c` rows of a web table copied as text; a line ending in one bar continues on the next line. */
const pipeCells: Split = (t) => {
	if (!/[|｜]/.test(t)) return null;
	if (/^\s*[|｜]\s*$/.test(t)) return [''];
	const inner = t.replace(/^\s*[|｜]/, '');
	const cells = inner.split(/[|｜]/).map((c) => c.trim());
	// The bar that ends a line closes its last cell: no empty cell after it.
	if (cells.length > 1 && cells[cells.length - 1] === '' && /[|｜]\s*$/.test(t)) cells.pop();
	return cells;
};

const tabCells: Split = (t) => (t.includes('\t') ? t.split('\t') : null);

/**
 * A page copied from the browser's rendering: cells are separated by spaces, and a cell that
 * wraps continues on the next line. A line is a row; a row of one cell that, joined to the first
 * cell of the next row, makes a heading the recogniser knows ("经济效益" + "指标") is one cell.
 */
const spaceCells: Split = (t) => (t.trim() === '' ? null : t.trim().split(/[\s\u3000]+/));

/**
 * A document whose lines are rows of cells (bars, tabs or spaces); other lines are running text.
 * Bar rows: a line that ends with a single bar and no empty cells after it is a row broken inside
 * a cell by the copy, and continues on the next bar line (a one-cell-per-line copy becomes one
 * long row, which the recogniser re-rows by the form's headings).
 */
function delimitedRows(
	file: string,
	lines: readonly Line[],
	split: Split,
	notes: DocNote[],
	joins?: (a: string, b: string) => boolean
): Block[] {
	const blocks: Block[] = [];
	let paras: Paragraph[] = [];
	let rows: { cells: string[]; lines: number[]; line: number; lineEnd: number }[] = [];
	let tableNo = 0;
	let open = false;
	let reflowed = false;
	const flushTable = () => {
		if (!rows.length) return;
		const id = ++tableNo;
		const out: Cell[][] = rows.map((r, i) =>
			r.cells.map((text, c) => ({
				text,
				row: i,
				col: c,
				rowSpan: 1,
				colSpan: 1,
				ref: { file, table: id, row: i + 1, col: c + 1, line: r.lines[c], lineEnd: r.lines[c] }
			}))
		);
		const flow = reflowed ? 'reflowed' : split === spaceCells ? 'gapless' : undefined;
		blocks.push({
			kind: 'table',
			table: { id, rows: out, width: Math.max(...out.map((r) => r.length)), flow }
		});
		rows = [];
		open = false;
		reflowed = false;
	};
	for (const l of lines) {
		const cells = split(l.text);
		if (cells && cells.length) {
			if (paras.length) blocks.push({ kind: 'text', paragraphs: paras });
			paras = [];
			const prev = rows[rows.length - 1];
			if (open && prev) {
				prev.cells.push(...cells);
				prev.lines.push(...cells.map(() => l.no));
				prev.lineEnd = l.no;
				reflowed = true;
			} else if (joins && prev && joins(prev.cells[prev.cells.length - 1], cells[0])) {
				notes.push({
					level: 'info',
					ref: { file, line: prev.line, lineEnd: l.no },
					message: msg(
						`第 ${prev.lineEnd}–${l.no} 行：「${prev.cells[prev.cells.length - 1]}」与下一行的「${cells[0]}」合起来是一个表头，按同一格读取`,
						`lines ${prev.lineEnd}–${l.no}: “${prev.cells[prev.cells.length - 1]}” and “${cells[0]}” on the next line make one heading, read as one cell`
					)
				});
				prev.cells = [
					...prev.cells.slice(0, -1),
					prev.cells[prev.cells.length - 1] + cells[0],
					...cells.slice(1)
				];
				prev.lines.push(...cells.slice(1).map(() => l.no));
				prev.lineEnd = l.no;
			} else if (
				joins &&
				prev &&
				prev.cells.every(isColumnHeading) &&
				cells.every(isColumnHeading)
			) {
				notes.push({
					level: 'info',
					ref: { file, line: prev.line, lineEnd: l.no },
					message: msg(
						`第 ${prev.line}–${l.no} 行：表头折成了两行，按一行读取`,
						`lines ${prev.line}–${l.no}: a header row wrapped over two lines, read as one row`
					)
				});
				prev.cells.push(...cells);
				prev.lines.push(...cells.map(() => l.no));
				prev.lineEnd = l.no;
			} else rows.push({ cells, lines: cells.map(() => l.no), line: l.no, lineEnd: l.no });
			const lone = /^\s*[|｜]\s*$/.test(l.text);
			open =
				split === pipeCells &&
				(lone ? open : /[^|｜\s]\s*[|｜]\s*$/.test(l.text) && !/[|｜]\s*[|｜]\s*$/.test(l.text));
		} else if (split === spaceCells && l.text.trim() === '') {
			continue;
		} else {
			flushTable();
			if (l.text.trim() !== '') paras.push({ text: l.text, ref: { file, line: l.no } });
		}
	}
	flushTable();
	if (paras.length) blocks.push({ kind: 'text', paragraphs: paras });
	return blocks;
}

/** Which kind of rows the text has: bars, tabs between cells, or cells separated by spaces. */
function rowKind(lines: readonly Line[]): Split {
	let bars = 0;
	let tabs = 0;
	for (const l of lines) {
		if (/[|｜]/.test(l.text)) bars++;
		if (/\S\t/.test(l.text)) tabs++;
	}
	if (bars >= 4 && bars >= tabs) return pipeCells;
	if (tabs >= 4) return tabCells;
	return spaceCells;
}

/** A text document (UTF-8, UTF-16 or GBK) in the grid model. */
export function readText(file: string, bytes: Uint8Array): Doc {
	const d = decodeText(bytes);
	if (!d.ok) throw new DocumentError('encoding', d.error);
	const notes: DocNote[] = d.notes.map((n) => ({
		level: 'warning',
		ref: { file, line: n.line },
		message: n.message
	}));
	const lines = splitLines(d.text);
	let blocks: Block[];
	if (isWordCellExport(lines)) blocks = wordExport(file, lines, notes);
	else {
		const split = rowKind(lines);
		blocks = delimitedRows(
			file,
			lines,
			split,
			notes,
			split === spaceCells ? joinsHeading : undefined
		);
	}
	return { file, format: 'text', blocks, notes };
}
