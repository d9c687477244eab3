// Reads a workbook laid out as the printed form (XLSX): each sheet one grid, merged cells as spans, every cell traced to its sheet, row and column.
//
// Synchronous: fflate unzips and htmlparser2 (xmlMode) parses, both plain JavaScript that runs in
// Node and in a Web Worker. The grid keeps every row from 1 to the last used one (empty rows are
// empty), so grid row i is Excel row i + 1 and a reference names the cell a user finds in Excel.
//
// XLS (BIFF, Excel 97–2003) is not read. No maintained, advisory-free reader is on npm: `cfb`
// only opens the compound-file container; `xlsx` (SheetJS) on npm is frozen at 0.18.5 with
// published advisories (prototype pollution, ReDoS); `xlsjs` and `xls-parser` wrap old copies of
// it; `@e965/xlsx` republishes a later SheetJS under a third party's name. Such a file (and a
// password-protected XLSX, which is a compound file too) gets a DocumentError asking for .xlsx.
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { Parser } from 'htmlparser2';
import { msg } from '../schema/msg';
import { numberText } from '../ingest/number-text';
import { DocumentError } from './errors';
import type { Cell, Doc, DocNote, DocTable, SourceRef } from './grid';

type Attrs = Record<string, string>;
interface XmlHandlers {
	open?(name: string, attrs: Attrs): void;
	close?(name: string): void;
	text?(t: string): void;
}

/** Streams an XML part through htmlparser2; element names lose their namespace prefix ("x:c" → "c"). */
function walk(xml: string, h: XmlHandlers): void {
	const local = (n: string) => n.slice(n.indexOf(':') + 1);
	const p = new Parser(
		{
			onopentag: (n, a) => h.open?.(local(n), a),
			onclosetag: (n) => h.close?.(local(n)),
			ontext: (t) => h.text?.(t)
		},
		{ xmlMode: true, decodeEntities: true }
	);
	p.write(xml);
	p.end();
}

/** OOXML's escape for characters XML cannot hold (_xHHHH_), and XML's line-end normalisation. */
const xstring = (s: string) =>
	s
		.replace(/\r\n?/g, '\n')
		.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** "AB12" → { row: 12, col: 28 } (1-based). */
function parseRef(ref: string): { row: number; col: number } | null {
	const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
	if (!m) return null;
	let col = 0;
	for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
	return { row: Number(m[2]), col };
}

/** A part's path from a relationship target, relative to the part that names it. */
function resolve(base: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = base.split('/').slice(0, -1);
	for (const seg of target.split('/')) {
		if (seg === '..') parts.pop();
		else if (seg !== '.') parts.push(seg);
	}
	return parts.join('/');
}

/** A part's relationships: id → { target part, type (the last segment of its URI, e.g. "sharedStrings") }. */
function rels(files: Unzipped, part: string): Map<string, { target: string; type: string }> {
	const slash = part.lastIndexOf('/');
	const relPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
	const out = new Map<string, { target: string; type: string }>();
	const bytes = files[relPath];
	if (!bytes) return out;
	walk(strFromU8(bytes), {
		open(name, a) {
			if (name === 'Relationship' && a.Id && a.Target)
				out.set(a.Id, {
					target: a.TargetMode === 'External' ? '' : resolve(part, a.Target),
					type: (a.Type ?? '').split('/').pop() ?? ''
				});
		}
	});
	return out;
}

/** The shared strings, rich-text runs joined; phonetic runs (rPh) are not part of the text. */
function sharedStrings(xml: string): string[] {
	const out: string[] = [];
	let cur: string[] | null = null;
	let inT = false;
	let phonetic = 0;
	walk(xml, {
		open(n) {
			if (n === 'si') cur = [];
			else if (n === 'rPh') phonetic++;
			else if (n === 't' && phonetic === 0) inT = true;
		},
		close(n) {
			if (n === 'si' && cur) {
				out.push(xstring(cur.join('')));
				cur = null;
			} else if (n === 'rPh') phonetic--;
			else if (n === 't') inT = false;
		},
		text(t) {
			if (inT && cur) cur.push(t);
		}
	});
	return out;
}

// Built-in number formats that show a date or time (ECMA-376 §18.8.30 and the CJK locales' ids).
const DATE_IDS = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
	52, 53, 54, 55, 56, 57, 58
]);

/** What each cell style (xf index in cellXfs) shows a number as: a date (the serial is then not the printed text), a percentage (0.96 shows as 96%), or the number. */
function numberStyles(xml: string): ('date' | 'percent' | null)[] {
	const custom = new Map<number, string>();
	const out: ('date' | 'percent' | null)[] = [];
	let inXfs = false;
	walk(xml, {
		open(n, a) {
			if (n === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
			else if (n === 'cellXfs') inXfs = true;
			else if (n === 'xf' && inXfs) {
				const id = Number(a.numFmtId ?? 0);
				const code = custom.get(id)?.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
				const date = code !== undefined ? /[dmyhs]/i.test(code) : DATE_IDS.has(id);
				const percent = code !== undefined ? code.includes('%') : id === 9 || id === 10;
				out.push(date ? 'date' : percent ? 'percent' : null);
			}
		},
		close(n) {
			if (n === 'cellXfs') inXfs = false;
		}
	});
	return out;
}

interface RawCell {
	row: number;
	col: number;
	text: string;
}

/** One worksheet part: its cells' texts and its merged ranges, with notes on what is not printed text. */
function readSheet(
	xml: string,
	strings: string[],
	styles: ('date' | 'percent' | null)[],
	at: (row: number, col: number) => SourceRef,
	notes: DocNote[]
): { cells: RawCell[]; merges: { r0: number; c0: number; r1: number; c1: number }[] } {
	const cells: RawCell[] = [];
	const merges: { r0: number; c0: number; r1: number; c1: number }[] = [];
	let row = 0;
	let col = 0;
	let c: { t: string; s: number; v: string[]; is: string[]; f: boolean } | null = null;
	let into: 'v' | 'is' | null = null;
	let phonetic = 0;
	const note = (level: DocNote['level'], zh: string, en: string) =>
		notes.push({ level, ref: at(row, col), message: msg(zh, en) });
	walk(xml, {
		open(n, a) {
			if (n === 'row') {
				row = a.r ? Number(a.r) : row + 1;
				col = 0;
			} else if (n === 'c') {
				const p = a.r ? parseRef(a.r) : null;
				if (p) ({ row, col } = p);
				else col++;
				c = { t: a.t ?? 'n', s: Number(a.s ?? 0), v: [], is: [], f: false };
			} else if (c && n === 'v') into = 'v';
			else if (c && n === 'f') c.f = true;
			else if (c && n === 'rPh') phonetic++;
			else if (c && n === 't' && c.t === 'inlineStr' && phonetic === 0) into = 'is';
			else if (n === 'mergeCell' && a.ref) {
				const [from, to] = a.ref.split(':').map(parseRef);
				if (from) {
					const end = to ?? from;
					merges.push({
						r0: Math.min(from.row, end.row),
						c0: Math.min(from.col, end.col),
						r1: Math.max(from.row, end.row),
						c1: Math.max(from.col, end.col)
					});
				}
			}
		},
		text(t) {
			if (c && into === 'v') c.v.push(t);
			else if (c && into === 'is') c.is.push(t);
		},
		close(n) {
			if (n === 'v' || n === 't') into = null;
			else if (n === 'rPh') phonetic--;
			else if (n === 'c' && c) {
				const v = c.v.join('');
				let text = '';
				if (c.t === 's') {
					const s = strings[Number(v)];
					if (s === undefined)
						note(
							'error',
							`共享字符串 ${v} 不存在，单元格按空白读取`,
							`shared string ${v} does not exist; the cell is read as blank`
						);
					text = s ?? '';
				} else if (c.t === 'inlineStr') text = xstring(c.is.join(''));
				else if (c.t === 'str') text = xstring(v);
				else if (c.t === 'b') text = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
				else if (c.t === 'e') {
					text = v;
					note(
						'warning',
						`单元格是错误值 ${v}，按原文保留`,
						`the cell holds the error ${v}, kept as printed`
					);
				} else if (c.t === 'd') {
					text = v;
					note(
						'info',
						`日期按工作簿存储的文本保留：${v}`,
						`a date kept as the workbook stores it: ${v}`
					);
				} else if (v !== '') {
					const num = Number(v);
					const isNum = v.trim() !== '' && !Number.isNaN(num);
					text = isNum ? numberText(num) : v;
					if (isNum && styles[c.s] === 'percent') {
						// Shown as a percentage: the printed text is what Excel shows, 0.96 as 96%.
						text = `${numberText(num * 100)}%`;
						note(
							'info',
							`按百分比格式读作 ${text}（存储值 ${v}）`,
							`read as ${text}, as its percent format shows it (stored ${v})`
						);
					}
					if (styles[c.s] === 'date')
						note(
							'info',
							`单元格按日期格式显示，保留其序列值 ${text}（未换算为日期）`,
							`the cell is formatted as a date; its serial ${text} is kept (not turned into a date)`
						);
				}
				if (c.f && v === '' && c.t !== 'inlineStr')
					note(
						'warning',
						'公式没有保存的计算结果，单元格按空白读取',
						'a formula without a stored result; the cell is read as blank'
					);
				if (row > 0 && col > 0) cells.push({ row, col, text });
				c = null;
			}
		}
	});
	return { cells, merges };
}

/** Lays a sheet's cells and merges on the grid: every position up to the row's last used one, merged ranges as one cell. */
function sheetTable(
	name: string,
	cells: RawCell[],
	merges: { r0: number; c0: number; r1: number; c1: number }[],
	at: (row: number, col: number) => SourceRef,
	notes: DocNote[]
): DocTable {
	const key = (r: number, c: number) => `${r},${c}`;
	const anchor = new Map<string, { rowSpan: number; colSpan: number }>();
	const covered = new Set<string>();
	for (const m of merges) {
		if (anchor.has(key(m.r0, m.c0)) || covered.has(key(m.r0, m.c0))) {
			notes.push({
				level: 'warning',
				ref: at(m.r0, m.c0),
				message: msg(
					'合并区域相互重叠，后一个被忽略',
					'merged ranges overlap; the later one is ignored'
				)
			});
			continue;
		}
		anchor.set(key(m.r0, m.c0), { rowSpan: m.r1 - m.r0 + 1, colSpan: m.c1 - m.c0 + 1 });
		for (let r = m.r0; r <= m.r1; r++)
			for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(key(r, c));
	}
	const text = new Map<string, string>();
	const lastCol: number[] = [];
	let lastRow = 0;
	for (const x of cells) {
		if (covered.has(key(x.row, x.col))) {
			// Excel keeps only the first cell of a merged range; a value under it is not printed.
			if (x.text !== '')
				notes.push({
					level: 'warning',
					ref: at(x.row, x.col),
					message: msg(
						`合并单元格下方还存有文字「${x.text}」，打印时不显示`,
						`text “${x.text}” is stored under a merged cell and is not printed`
					)
				});
			continue;
		}
		text.set(key(x.row, x.col), x.text);
		lastCol[x.row] = Math.max(lastCol[x.row] ?? 0, x.col);
		lastRow = Math.max(lastRow, x.row);
	}
	for (const m of merges) {
		if (!anchor.has(key(m.r0, m.c0))) continue;
		lastCol[m.r0] = Math.max(lastCol[m.r0] ?? 0, m.c0);
		lastRow = Math.max(lastRow, m.r1);
	}
	const rows: Cell[][] = [];
	let width = 0;
	for (let r = 1; r <= lastRow; r++) {
		const row: Cell[] = [];
		for (let c = 1; c <= (lastCol[r] ?? 0); c++) {
			if (covered.has(key(r, c))) continue;
			const span = anchor.get(key(r, c)) ?? { rowSpan: 1, colSpan: 1 };
			row.push({ text: text.get(key(r, c)) ?? '', row: r - 1, col: c - 1, ...span, ref: at(r, c) });
			width = Math.max(width, c - 1 + span.colSpan);
		}
		rows.push(row);
	}
	return { id: name, rows, width };
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Every sheet of a form-layout workbook as one table, in the workbook's sheet order. */
export function readXlsxForm(file: string, bytes: Uint8Array): Doc {
	if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
		// A compound file: an encrypted XLSX names an "EncryptionInfo" stream (UTF-16 in its directory).
		const encrypted = /E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o/.test(strFromU8(bytes, true));
		throw encrypted
			? new DocumentError(
					'encrypted',
					msg(
						`「${file}」设有打开密码，无法读取。请在 Excel 或 WPS 中去掉密码后另存为 .xlsx 再导入。`,
						`“${file}” is password-protected and cannot be read. Remove the password in Excel or WPS, save it as .xlsx and import that.`
					)
				)
			: new DocumentError(
					'wrong-format',
					msg(
						`「${file}」是 Excel 97–2003 工作簿（.xls），无法读取。请在 Excel 或 WPS 中打开，另存为 .xlsx 再导入。`,
						`“${file}” is an Excel 97–2003 workbook (.xls), which cannot be read. Open it in Excel or WPS, save it as .xlsx and import that.`
					)
				);
	}
	let files: Unzipped;
	try {
		files = unzipSync(bytes);
	} catch (e) {
		throw new DocumentError(
			'corrupt',
			msg(
				`「${file}」不是可读取的 XLSX 工作簿（文件已损坏或不是 ZIP 格式：${e instanceof Error ? e.message : e}）`,
				`“${file}” is not a readable XLSX workbook (damaged or not a ZIP file: ${e instanceof Error ? e.message : e})`
			),
			String(e)
		);
	}
	let bookPath = 'xl/workbook.xml';
	walk(files['_rels/.rels'] ? strFromU8(files['_rels/.rels']) : '', {
		open(n, a) {
			if (n === 'Relationship' && /\/officeDocument$/.test(a.Type ?? '') && a.Target)
				bookPath = resolve('', a.Target);
		}
	});
	if (!files[bookPath])
		throw new DocumentError(
			'wrong-format',
			msg(
				`「${file}」不是 XLSX 工作簿（找不到 ${bookPath}）`,
				`“${file}” is not an XLSX workbook (${bookPath} is missing)`
			)
		);
	const bookRels = rels(files, bookPath);
	const find = (type: string) => [...bookRels.values()].find((r) => r.type === type)?.target;
	const ssPath = find('sharedStrings');
	const stylesPath = find('styles');
	const strings = ssPath && files[ssPath] ? sharedStrings(strFromU8(files[ssPath])) : [];
	const styles = stylesPath && files[stylesPath] ? numberStyles(strFromU8(files[stylesPath])) : [];

	const sheets: { name: string; path: string | undefined }[] = [];
	walk(strFromU8(files[bookPath]), {
		open(n, a) {
			if (n !== 'sheet') return;
			const rid = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
			sheets.push({
				name: a.name ?? `Sheet${sheets.length + 1}`,
				path: rid ? bookRels.get(rid)?.target : undefined
			});
		}
	});

	const doc: Doc = { file, format: 'xlsx', blocks: [], notes: [] };
	for (const sheet of sheets) {
		const at = (row: number, col: number): SourceRef => ({ file, table: sheet.name, row, col });
		const part = sheet.path ? files[sheet.path] : undefined;
		if (!part || !/worksheets\//.test(sheet.path ?? '')) {
			doc.notes.push({
				level: 'info',
				ref: { file, table: sheet.name },
				message: msg(
					'该工作表不是数据表（如图表），未读取',
					'the sheet holds no cells (e.g. a chart) and is not read'
				)
			});
			continue;
		}
		const { cells, merges } = readSheet(strFromU8(part), strings, styles, at, doc.notes);
		const table = sheetTable(sheet.name, cells, merges, at, doc.notes);
		if (table.rows.length === 0) {
			doc.notes.push({
				level: 'info',
				ref: { file, table: sheet.name },
				message: msg('工作表为空', 'the sheet is empty')
			});
			continue;
		}
		doc.blocks.push({ kind: 'table', table });
	}
	return doc;
}
