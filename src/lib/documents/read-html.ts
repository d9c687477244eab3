// A saved web page (UTF-8 or GBK) to the grid model: every form <table> a grid with its rowspans and colspans, the text around them as paragraphs, read as a browser shows it.
import { layoutTableNote } from './layout-note';
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { decodeText } from '../ingest/decode';
import { msg } from '../schema/msg';
import { DocumentError } from './errors';
import { layOut, type Block, type Doc, type DocNote, type Paragraph, type SourceRef } from './grid';

/** Elements whose content a browser does not show in the page. */
const HIDDEN = new Set([
	'head',
	'script',
	'style',
	'template',
	'noscript',
	'title',
	'iframe',
	'object'
]);

/** Elements that start and end a line of their own (CSS display: block and its kin). */
const BLOCK = new Set([
	'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
	'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
	'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
	'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
	'thead', 'tr', 'ul', 'xmp', 'listing', 'plaintext'
]); // prettier-ignore

/** HTML's own limits on spans (the table-processing model); a browser clamps to them too. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/**
 * Text laid out in lines as a browser renders it: runs of spaces, tabs and newlines collapse to
 * one space, spaces at the start and end of a line vanish, U+00A0 (&nbsp;) and U+3000 stay.
 * <br> ends a line even when it is empty; a block boundary ends a line only if it holds text.
 */
class Lines {
	private readonly lines: string[] = [];
	private cur = '';

	text(s: string, pre: boolean): void {
		if (pre) {
			s.replace(/\r\n?/g, '\n')
				.split('\n')
				.forEach((part, i) => {
					if (i > 0) this.br();
					this.cur += part;
				});
			return;
		}
		let t = s.replace(/[ \t\n\r\f]+/g, ' ');
		if (this.cur === '' || this.cur.endsWith(' ')) t = t.replace(/^ /, '');
		this.cur += t;
	}

	br(): void {
		this.lines.push(this.cur.replace(/ +$/, ''));
		this.cur = '';
	}

	boundary(): void {
		const c = this.cur.replace(/ +$/, '');
		if (c !== '') this.lines.push(c);
		this.cur = '';
	}

	/** The lines so far (the current one ended), and an empty builder. */
	take(): string[] {
		this.boundary();
		return this.lines.splice(0);
	}
}

/** A "rules for parsing non-negative integers" reading of a span attribute: "3", " 3px" → 3. */
function spanAttr(v: string | undefined): number | null {
	const m = v === undefined ? null : /^[\t\n\f\r ]*\+?(\d+)/.exec(v);
	return m ? Number(m[1]) : null;
}

/** An element the page hides: the `hidden` attribute or an inline display:none. */
const hidden = (e: Element) =>
	HIDDEN.has(e.name) || 'hidden' in e.attribs || /display\s*:\s*none/i.test(e.attribs.style ?? '');

function hasTableInside(table: Element): boolean {
	const walk = (nodes: ChildNode[]): boolean =>
		nodes.some((n) => isTag(n) && (n.name === 'table' || walk(n.children)));
	return walk(table.children);
}

/** The rows of a table and the cells of a row, through any wrapper a sloppy page puts between them. */
function findAll(nodes: ChildNode[], want: (e: Element) => boolean, stray: ChildNode[]): Element[] {
	const out: Element[] = [];
	for (const n of nodes) {
		if (isTag(n)) {
			if (hidden(n) || n.name === 'caption') continue;
			if (want(n)) out.push(n);
			else if (n.name === 'table') stray.push(n);
			else out.push(...findAll(n.children, want, stray));
		} else if (isText(n) && /[^ \t\n\r\f]/.test(n.data)) stray.push(n);
	}
	return out;
}

type PendingCell = { text: string; rowSpan: number; colSpan: number; ref: SourceRef };

class HtmlReader {
	readonly blocks: Block[] = [];
	readonly notes: DocNote[] = [];
	private paragraphs: Paragraph[] = [];
	private paragraphNo = 0;
	private tableNo = 0;
	/** Depth of grid cells being read: a table met inside one is read into the cell. */
	private inCell = 0;
	private readonly running = new Lines();

	constructor(private readonly file: string) {}

	/** Running text so far into paragraphs of the current text block (blank lines are spacing, not paragraphs). */
	private flushText(): void {
		for (const line of this.running.take()) {
			if (!/\S/.test(line)) continue;
			this.paragraphNo++;
			this.paragraphs.push({ text: line, ref: { file: this.file, paragraph: this.paragraphNo } });
		}
	}

	private flushBlock(): void {
		this.flushText();
		if (this.paragraphs.length > 0) this.blocks.push({ kind: 'text', paragraphs: this.paragraphs });
		this.paragraphs = [];
	}

	finish(): void {
		this.flushBlock();
	}

	/** Walks nodes into `lines` (running text, or a cell's text). */
	walk(nodes: ChildNode[], lines: Lines, pre: boolean): void {
		for (const n of nodes) {
			if (isText(n)) {
				lines.text(n.data, pre);
				continue;
			}
			if (!isTag(n) || hidden(n)) continue; // comments, directives, scripts, styles, hidden parts
			if (n.name === 'br') {
				lines.br();
				continue;
			}
			if (n.name === 'table') {
				if (this.inCell > 0) this.innerTable(n, lines, pre);
				else this.table(n, lines, pre);
				continue;
			}
			const block = BLOCK.has(n.name);
			if (block) lines.boundary();
			this.walk(n.children, lines, pre || n.name === 'pre' || n.name === 'textarea');
			if (block) lines.boundary();
		}
	}

	/**
	 * A table holding other tables is a page's frame, not a form: its cells are read as running
	 * text in order and each inner table becomes a table of its own. So is a table of one column
	 * (a box around the article). Every other table is a grid.
	 */
	private table(t: Element, lines: Lines, pre: boolean): void {
		const stray: ChildNode[] = [];
		const trs = findAll(t.children, (e) => e.name === 'tr', stray);
		const rows = trs.map((tr) =>
			findAll(tr.children, (e) => e.name === 'td' || e.name === 'th', stray)
		);
		const oneColumn = rows.every(
			(r) => r.length <= 1 && r.every((c) => (spanAttr(c.attribs.colspan) ?? 1) <= 1)
		);
		const captions = t.children.filter((c): c is Element => isTag(c) && c.name === 'caption');
		// A table of one or two columns around other tables lays out the page; a wider one is a form
		// that holds a small table in one of its cells (read into that cell, see innerTable).
		const frame = hasTableInside(t) && rows.every((r) => r.length <= 2);
		if (frame || oneColumn) {
			if (rows.length > 0)
				this.notes.push(
					layoutTableNote(frame, { file: this.file, paragraph: this.paragraphNo + 1 })
				);
			lines.boundary();
			this.walk(t.children, lines, pre);
			lines.boundary();
			return;
		}
		// Captions and text a page left between rows are shown above the table: read them there.
		for (const c of captions) this.walk([c], lines, pre);
		this.walk(stray, lines, pre);
		this.flushBlock();
		this.tableNo++;
		const id = this.tableNo;
		const pending: PendingCell[][] = rows.map((cells, r) =>
			cells.map((td) => {
				const cellLines = new Lines();
				this.inCell++;
				this.walk(td.children, cellLines, pre);
				this.inCell--;
				const ref: SourceRef = { file: this.file, table: id, row: r + 1 };
				return {
					text: cellLines.take().join('\n'),
					rowSpan: this.rowSpan(td, r, rows.length, ref),
					colSpan: this.colSpan(td, ref),
					ref
				};
			})
		);
		const table = layOut(pending, id);
		for (const row of table.rows) for (const cell of row) cell.ref.col = cell.col + 1;
		this.blocks.push({ kind: 'table', table });
	}

	/**
	 * A table inside a cell of a form: its rows become lines of that cell, its cells separated by
	 * " | ", so nothing is lost and the form's grid stays whole; the recogniser does not read
	 * figures from inside a cell, so this is warned.
	 */
	private innerTable(t: Element, lines: Lines, pre: boolean): void {
		const stray: ChildNode[] = [];
		const trs = findAll(t.children, (e) => e.name === 'tr', stray);
		this.notes.push({
			level: 'warning',
			ref: { file: this.file, table: this.tableNo },
			message: msg(
				'表格的一个单元格里嵌着另一个表格：它的各行按这个单元格里的文字行读取，其中的数字不单独读取，请核对',
				'a cell of a table holds another table: its rows are read as lines of that cell, and the figures in it are not read on their own; please check'
			)
		});
		for (const tr of trs) {
			lines.boundary();
			findAll(tr.children, (e) => e.name === 'td' || e.name === 'th', stray).forEach((td, i) => {
				if (i > 0) lines.text(' | ', true);
				this.walk(td.children, lines, pre);
			});
			lines.boundary();
		}
	}

	private colSpan(td: Element, ref: SourceRef): number {
		const v = spanAttr(td.attribs.colspan);
		if (v === null || v === 0) return 1;
		if (v <= MAX_COLSPAN) return v;
		this.notes.push({
			level: 'warning',
			ref,
			message: msg(
				`colspan="${v}" 不合常理，按 HTML 的上限 ${MAX_COLSPAN} 读取`,
				`colspan="${v}" is absurd; read as HTML's limit ${MAX_COLSPAN}`
			)
		});
		return MAX_COLSPAN;
	}

	/** rowspan="0" reaches to the table's end; a span past the last row is cut there, as a browser does, and noted. */
	private rowSpan(td: Element, r: number, nRows: number, ref: SourceRef): number {
		const v = spanAttr(td.attribs.rowspan);
		const left = nRows - r;
		if (v === null || v === 1) return 1;
		if (v === 0) return left;
		const span = Math.min(v, MAX_ROWSPAN);
		if (span <= left) return span;
		this.notes.push({
			level: 'warning',
			ref,
			message: msg(
				`rowspan="${v}" 超出表格末行，按到末行为止（${left} 行）读取`,
				`rowspan="${v}" reaches past the table's last row; read as reaching to the last row (${left})`
			)
		});
		return left;
	}

	/** The running text of the page body. */
	body(nodes: ChildNode[]): void {
		this.walk(nodes, this.running, false);
	}
}

/** The encoding a page declares in its first 4 KiB: <meta charset> or <meta http-equiv content="…; charset=…">. */
export function declaredCharset(bytes: Uint8Array): string | null {
	const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
	for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
		const cs = /charset\s*=\s*["']?\s*([-\w.:]+)/i.exec(m[0]);
		if (cs) return cs[1].toLowerCase();
	}
	return null;
}

function decodePage(file: string, bytes: Uint8Array, notes: DocNote[]): string {
	const bom =
		(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
		(bytes[0] === 0xff && bytes[1] === 0xfe) ||
		(bytes[0] === 0xfe && bytes[1] === 0xff);
	let declared = bom ? null : declaredCharset(bytes);
	// A page that says UTF-16 in a <meta> is not UTF-16 (the meta would be unreadable): HTML reads it as UTF-8.
	if (declared?.startsWith('utf-16')) declared = 'utf-8';
	if (declared) {
		let decoder: TextDecoder | null = null;
		try {
			decoder = new TextDecoder(declared, { fatal: true });
		} catch {
			notes.push({
				level: 'warning',
				ref: { file },
				message: msg(
					`页面声明的编码 “${declared}” 无法识别，已自动判断编码`,
					`the page declares an unknown encoding “${declared}”; the encoding was detected instead`
				)
			});
		}
		if (decoder) {
			try {
				return decoder.decode(bytes);
			} catch {
				notes.push({
					level: 'warning',
					ref: { file },
					message: msg(
						`页面声明编码为 ${declared}，但内容不是 ${declared}：已自动判断编码，请核对`,
						`the page declares ${declared} but is not ${declared}: the encoding was detected instead; please check it`
					)
				});
			}
		}
	}
	if (bytes.length === 0)
		throw new DocumentError('empty', msg('网页文件是空的', 'the web page file is empty'));
	const d = decodeText(bytes);
	if (!d.ok)
		throw new DocumentError(
			'encoding',
			msg(
				'文件不是可读的网页：既不是 UTF-8 也不是 GBK 编码的文本',
				'the file is not a readable web page: it is neither UTF-8 nor GBK text'
			),
			d.error.en
		);
	for (const n of d.notes)
		notes.push({ level: 'warning', ref: { file, line: n.line }, message: n.message });
	return d.text;
}

/** Reads a saved web page. A page without a form table gives a Doc without table blocks. */
export function readHtml(file: string, bytes: Uint8Array): Doc {
	const notes: DocNote[] = [];
	const text = decodePage(file, bytes, notes);
	const dom = parseDocument(text, { decodeEntities: true });
	const reader = new HtmlReader(file);
	reader.body(dom.children);
	reader.finish();
	return { file, format: 'html', blocks: reader.blocks, notes: [...notes, ...reader.notes] };
}
