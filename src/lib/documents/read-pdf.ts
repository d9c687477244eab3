// Reads a PDF with a text layer (pdf.js): drawn cell borders (or, without them, shared column bands) make tables, other text makes paragraphs; every piece keeps its page.
//
// pdf.js runs on the calling thread (its "main-thread worker", handed over as globalThis.pdfjsWorker),
// which in the browser is the import worker itself: no second worker, nothing fetched, no CDN.
// pdfjs-dist 5.6.205 is the newest release that supports Node 20 (6.x and unpdf 1.8 need Node 22);
// Node takes its legacy build (the modern one needs DOMMatrix), the browser the modern build.
// Without drawn borders the fallback reads rows of one line each into shared column bands; cells
// that wrap over several lines (and vertically centred neighbours) are not put back together.
// Not done: PDFs whose CJK fonts are not embedded (predefined CMaps such as UniGB-UCS2-H) need
// pdf.js's CMap files served beside the reader; without them such text reads wrongly or not at all.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { msg } from '../schema/msg';
import { DocumentError, type DocumentErrorKind } from './errors';
import type { Block, Cell, Doc, DocNote, DocTable, Paragraph, SourceRef } from './grid';

type PdfJs = typeof import('pdfjs-dist');

let loaded: Promise<PdfJs> | null = null;

/** pdf.js, with its worker code installed to run on this thread. */
function pdfjs(): Promise<PdfJs> {
	loaded ??= (async () => {
		const node = typeof process !== 'undefined' && !!process.versions?.node;
		// Node's legacy build is named through a variable so that the site's bundler leaves it out
		// (1.7 MB the browser never loads); Node resolves it as usual.
		const legacy = 'pdfjs-dist/legacy/build/';
		const [lib, worker] = node
			? await Promise.all([
					import(/* @vite-ignore */ `${legacy}pdf.mjs`) as Promise<PdfJs>,
					import(/* @vite-ignore */ `${legacy}pdf.worker.mjs`) as Promise<unknown>
				])
			: await Promise.all([import('pdfjs-dist'), browserWorker()]);
		(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
		return lib;
	})();
	return loaded;
}

/**
 * pdf.js's worker code, evaluated in a worker scope, takes that scope's own port: it listens on
 * `self` and posts a "ready" message to the page that the import worker's page never asked for.
 * While it loads, `postMessage` is hidden so that it finds no port and only hands over its handler.
 */
async function browserWorker(): Promise<unknown> {
	const scope = globalThis as { postMessage?: unknown };
	const own = Object.prototype.hasOwnProperty.call(scope, 'postMessage');
	const saved = scope.postMessage;
	if (typeof saved === 'function') scope.postMessage = undefined;
	try {
		// @ts-expect-error the worker entry ships without type declarations
		return await import('pdfjs-dist/build/pdf.worker.mjs');
	} finally {
		if (own) scope.postMessage = saved;
		else delete scope.postMessage;
	}
}

/**
 * Chromium (crbug 981259) writes some ideographs as the radicals that share their glyph in the
 * font (⻔ for 门, ⽀ for 支). Kangxi radicals fold by NFKC, except ⼾, whose NFKC form is 戶 but
 * whose glyph in a simplified font is 户; the CJK Radicals Supplement has no such mapping. These
 * pairs are the radicals that share a glyph with an ideograph in the Noto CJK fonts (read from
 * their cmaps, the simplified-Chinese face first) where NFKC does not already give it.
 */
const RADICALS = new Map(
	[
		...'⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼾户'
	].flatMap((ch, i, all) => (i % 2 === 0 ? [[ch, all[i + 1]] as const] : []))
);
const RADICAL_RE = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

interface Item {
	str: string;
	x0: number;
	x1: number;
	/** Baseline and glyph centre, from the top of the page. */
	base: number;
	mid: number;
	size: number;
}

interface Line {
	items: Item[];
	mid: number;
	size: number;
	x0: number;
	x1: number;
	/** 1-based line number on the page. */
	no: number;
}

interface Seg {
	/** Position across (y of a horizontal rule, x of a vertical one) and extent along. */
	at: number;
	from: number;
	to: number;
}

/** Items that print something, in page coordinates (origin top left, PDF points). */
function pageItems(
	lib: PdfJs,
	items: TextItem[],
	vt: number[]
): { items: Item[]; radicals: number } {
	const out: Item[] = [];
	let radicals = 0;
	for (const it of items) {
		if (!it.str || !it.transform) continue;
		const m = lib.Util.transform(vt, it.transform);
		const size = Math.hypot(m[2], m[3]) || it.height || 1;
		const str = it.str.replace(RADICAL_RE, (ch) => {
			radicals++;
			return RADICALS.get(ch) ?? ch.normalize('NFKC');
		});
		out.push({ str, x0: m[4], x1: m[4] + it.width, base: m[5], mid: m[5] - size * 0.35, size });
	}
	return { items: out, radicals };
}

/** Items grouped into visual lines: same centre within half the smaller font height, left to right. */
function toLines(items: Item[], firstNo = 1): Line[] {
	const sorted = [...items].sort((a, b) => a.mid - b.mid || a.x0 - b.x0);
	const lines: Line[] = [];
	for (const it of sorted) {
		const last = lines.at(-1);
		if (last && Math.abs(it.mid - last.mid) <= Math.min(it.size, last.size) * 0.5) {
			last.items.push(it);
			last.x0 = Math.min(last.x0, it.x0);
			last.x1 = Math.max(last.x1, it.x1);
		} else lines.push({ items: [it], mid: it.mid, size: it.size, x0: it.x0, x1: it.x1, no: 0 });
	}
	lines.forEach((l, i) => {
		l.items.sort((a, b) => a.x0 - b.x0);
		l.no = firstNo + i;
	});
	return lines;
}

const lineText = (l: Line) => l.items.map((i) => i.str).join('');

/** Ruling lines from the page's drawing operators: thin filled rectangles and stroked lines, in page coordinates. */
function rulings(
	lib: PdfJs,
	fnArray: number[],
	argsArray: unknown[],
	vt: number[]
): { h: Seg[]; v: Seg[] } {
	const OPS = lib.OPS;
	const h: Seg[] = [];
	const v: Seg[] = [];
	let ctm = [1, 0, 0, 1, 0, 0];
	const stack: number[][] = [];
	const pt = (x: number, y: number) => {
		const [a, b, c, d, e, f] = lib.Util.transform(vt, ctm);
		return [a * x + c * y + e, b * x + d * y + f];
	};
	const edge = (p: number[], q: number[]) => {
		if (Math.abs(p[1] - q[1]) < 0.5)
			h.push({ at: p[1], from: Math.min(p[0], q[0]), to: Math.max(p[0], q[0]) });
		else if (Math.abs(p[0] - q[0]) < 0.5)
			v.push({ at: p[0], from: Math.min(p[1], q[1]), to: Math.max(p[1], q[1]) });
	};
	for (let i = 0; i < fnArray.length; i++) {
		const fn = fnArray[i];
		if (fn === OPS.save) stack.push(ctm);
		else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
		else if (fn === OPS.transform) ctm = lib.Util.transform(ctm, argsArray[i] as number[]);
		else if (fn === OPS.constructPath) {
			const [paint, paths] = argsArray[i] as [number, ArrayLike<number>[]];
			const filled = paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke;
			const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke;
			if (!filled && !stroked) continue;
			const data = paths?.[0];
			if (!data) continue;
			// Subpaths of moveTo/lineTo/closePath (DrawOPS 0, 1, 4); curves make no rule.
			let sub: number[][] = [];
			const flush = () => {
				if (sub.length >= 2) {
					const xs = sub.map((p) => p[0]);
					const ys = sub.map((p) => p[1]);
					const w = Math.max(...xs) - Math.min(...xs);
					const hh = Math.max(...ys) - Math.min(...ys);
					const rect = sub.every(
						(p, k) =>
							k === 0 ||
							Math.abs(p[0] - sub[k - 1][0]) < 0.5 ||
							Math.abs(p[1] - sub[k - 1][1]) < 0.5
					);
					if (filled && rect && Math.min(w, hh) <= 3 && Math.max(w, hh) >= 2) {
						// A border drawn as a thin filled box: its centre line.
						if (w >= hh)
							h.push({
								at: (Math.min(...ys) + Math.max(...ys)) / 2,
								from: Math.min(...xs),
								to: Math.max(...xs)
							});
						else
							v.push({
								at: (Math.min(...xs) + Math.max(...xs)) / 2,
								from: Math.min(...ys),
								to: Math.max(...ys)
							});
					} else if (stroked) for (let k = 1; k < sub.length; k++) edge(sub[k - 1], sub[k]);
				}
				sub = [];
			};
			let curve = false;
			for (let k = 0; k < data.length;) {
				const op = data[k];
				if (op === 0) {
					flush();
					sub.push(pt(data[k + 1], data[k + 2]));
					k += 3;
				} else if (op === 1) {
					sub.push(pt(data[k + 1], data[k + 2]));
					k += 3;
				} else if (op === 4) {
					if (sub.length) sub.push(sub[0]);
					k += 1;
				} else {
					curve = true;
					k += op === 2 ? 7 : 5;
				}
			}
			if (!curve) flush();
		}
	}
	return { h, v };
}

/** Rules at the same position (within 1.5 pt) joined where they touch. */
function mergeSegs(segs: Seg[]): Seg[] {
	const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
	const groups: Seg[][] = [];
	for (const s of sorted) {
		const g = groups.at(-1);
		if (g && Math.abs(s.at - g[0].at) <= 1.5) g.push(s);
		else groups.push([s]);
	}
	const out: Seg[] = [];
	for (const g of groups) {
		const at = g.reduce((t, s) => t + s.at, 0) / g.length;
		const runs = [...g].sort((a, b) => a.from - b.from);
		let cur: Seg | null = null;
		for (const s of runs) {
			if (cur && s.from <= cur.to + 2) cur.to = Math.max(cur.to, s.to);
			else {
				if (cur) out.push(cur);
				cur = { at, from: s.from, to: s.to };
			}
		}
		if (cur) out.push(cur);
	}
	return out;
}

interface Grid {
	/** The table runs on from the previous page / on to the next one through a row cut by the page break. */
	openTop: boolean;
	openBottom: boolean;
	xs: number[];
	ys: number[];
	h: Seg[];
	v: Seg[];
	top: number;
	bottom: number;
	left: number;
	right: number;
}

/** Groups of crossing rules, each a table's grid: row lines and column lines. */
function grids(hs: Seg[], vs: Seg[]): Grid[] {
	const all = [...hs.map((s) => ({ s, hz: true })), ...vs.map((s) => ({ s, hz: false }))];
	const parent = all.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	const T = 2;
	for (let i = 0; i < all.length; i++)
		for (let j = i + 1; j < all.length; j++) {
			const a = all[i];
			const b = all[j];
			if (a.hz === b.hz) continue;
			const hz = a.hz ? a.s : b.s;
			const vt = a.hz ? b.s : a.s;
			if (vt.at >= hz.from - T && vt.at <= hz.to + T && hz.at >= vt.from - T && hz.at <= vt.to + T)
				parent[find(i)] = find(j);
		}
	const comps = new Map<number, { h: Seg[]; v: Seg[] }>();
	all.forEach((x, i) => {
		const k = find(i);
		if (!comps.has(k)) comps.set(k, { h: [], v: [] });
		(x.hz ? comps.get(k)!.h : comps.get(k)!.v).push(x.s);
	});
	const out: Grid[] = [];
	for (const { h, v } of comps.values()) {
		if (h.length < 2 || v.length < 2) continue;
		const pos = (segs: Seg[]) => {
			const at = [...new Set(segs.map((s) => s.at))].sort((a, b) => a - b);
			return at.filter((x, i) => i === 0 || x - at[i - 1] > 1.5);
		};
		const xs = pos(v);
		const ys = pos(h);
		if (xs.length < 2 || ys.length < 2) continue;
		// A row cut by a page break has side rules but no closing rule: its edge is where the side rules end.
		const vTop = Math.min(...v.map((s) => s.from));
		const vBottom = Math.max(...v.map((s) => s.to));
		const openTop = vTop < ys[0] - 3;
		const openBottom = vBottom > ys.at(-1)! + 3;
		if (openTop) ys.unshift(vTop);
		if (openBottom) ys.push(vBottom);
		out.push({
			openTop,
			openBottom,
			xs,
			ys,
			h,
			v,
			top: ys[0],
			bottom: ys.at(-1)!,
			left: xs[0],
			right: xs.at(-1)!
		});
	}
	return out.sort((a, b) => a.top - b.top);
}

const covers = (segs: Seg[], at: number, along: number) =>
	segs.some((s) => Math.abs(s.at - at) <= 1.5 && s.from - 1 <= along && s.to + 1 >= along);

interface PdfCell {
	row: number;
	col: number;
	rowSpan: number;
	colSpan: number;
	box: { x0: number; x1: number; y0: number; y1: number };
	lines: Item[];
}

/** The cells of a ruled grid: a slot joins its neighbour where no rule separates them. */
function gridCells(g: Grid): PdfCell[] {
	const R = g.ys.length - 1;
	const C = g.xs.length - 1;
	const taken = Array.from({ length: R }, () => Array<boolean>(C).fill(false));
	const cells: PdfCell[] = [];
	for (let r = 0; r < R; r++)
		for (let c = 0; c < C; c++) {
			if (taken[r][c]) continue;
			const midY = (g.ys[r] + g.ys[r + 1]) / 2;
			let cs = 1;
			while (c + cs < C && !taken[r][c + cs] && !covers(g.v, g.xs[c + cs], midY)) cs++;
			let rs = 1;
			const open = (rr: number) => {
				for (let k = 0; k < cs; k++) {
					if (taken[rr][c + k]) return false;
					if (covers(g.h, g.ys[rr], (g.xs[c + k] + g.xs[c + k + 1]) / 2)) return false;
				}
				return true;
			};
			while (r + rs < R && open(r + rs)) rs++;
			for (let a = 0; a < rs; a++) for (let b = 0; b < cs; b++) taken[r + a][c + b] = true;
			// A place no border closes on the right or below (a row printed with fewer cells) is no cell.
			const right = covers(g.v, g.xs[c + cs], (g.ys[r] + g.ys[r + rs]) / 2);
			const below = covers(g.h, g.ys[r + rs], (g.xs[c] + g.xs[c + cs]) / 2);
			if (!right && !below) continue;
			cells.push({
				row: r,
				col: c,
				rowSpan: rs,
				colSpan: cs,
				box: { x0: g.xs[c], x1: g.xs[c + cs], y0: g.ys[r], y1: g.ys[r + rs] },
				lines: []
			});
		}
	return cells;
}

/** A cell's text: its lines top to bottom joined with "\n" (lines of only spaces, which Chromium emits between lines, left out). */
const textOf = (items: Item[]) =>
	toLines(items)
		.map(lineText)
		.filter((t) => t.trim() !== '')
		.join('\n');

interface PageTable {
	grid: { xs: number[]; openTop: boolean; openBottom: boolean } | null;
	top: number;
	bottom: number;
	cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string }[];
	nRows: number;
}

/** Lines outside ruled tables: runs of lines with two or more wide-gap segments sharing column bands. */
function bandTables(lines: Line[]): { tables: PageTable[]; rest: Line[] } {
	const segsOf = (l: Line) => {
		const segs: Item[][] = [];
		let prev: Item | null = null;
		for (const it of l.items) {
			if (it.str.trim() === '') {
				// A space item separates pieces only when it is wider than a character.
				if (it.x1 - it.x0 > it.size) prev = null;
				continue;
			}
			// Within a cell, CJK glyphs stand edge to edge and words a space apart; more than
			// 0.6 of the font size between two pieces is the gap between two cells.
			if (!prev || it.x0 - prev.x1 > 0.6 * Math.min(it.size, prev.size)) segs.push([it]);
			else segs.at(-1)!.push(it);
			prev = it;
		}
		return segs;
	};
	const tables: PageTable[] = [];
	const rest: Line[] = [];
	let run: { line: Line; segs: Item[][] }[] = [];
	const close = () => {
		if (run.length >= 3) {
			const starts = run.flatMap((x) => x.segs.map((s) => s[0].x0)).sort((a, b) => a - b);
			const size = Math.min(...run.map((x) => x.line.size));
			const bands: number[] = [];
			for (const x of starts) if (!bands.length || x - bands.at(-1)! > size) bands.push(x);
			const band = (x: number) => bands.findLastIndex((b) => b <= x + size / 2);
			tables.push({
				grid: null,
				top: run[0].line.mid,
				bottom: run.at(-1)!.line.mid,
				nRows: run.length,
				cells: run.flatMap((x, r) =>
					x.segs.map((s) => ({
						row: r,
						col: Math.max(0, band(s[0].x0)),
						rowSpan: 1,
						colSpan: 1,
						text: s.map((i) => i.str).join('')
					}))
				)
			});
		} else rest.push(...run.map((x) => x.line));
		run = [];
	};
	for (const line of lines) {
		const segs = segsOf(line);
		if (segs.length >= 2) run.push({ line, segs });
		else {
			close();
			rest.push(line);
		}
	}
	close();
	// Two segments of one line that fall in the same band stay apart as printed: keep the first's column.
	for (const t of tables) {
		const seen = new Set<string>();
		t.cells = t.cells.filter((c) => {
			const k = `${c.row},${c.col}`;
			if (!seen.has(k)) return (seen.add(k), true);
			const first = t.cells.find((x) => x.row === c.row && x.col === c.col)!;
			first.text += ` ${c.text}`;
			return false;
		});
	}
	rest.sort((a, b) => a.mid - b.mid);
	return { tables, rest };
}

async function pageContent(
	lib: PdfJs,
	page: PDFPageProxy
): Promise<{
	tables: PageTable[];
	lines: Line[];
	radicals: number;
	images: boolean;
	empty: boolean;
}> {
	const vp = page.getViewport({ scale: 1 });
	const vt = vp.transform as number[];
	const tc = await page.getTextContent();
	const { items, radicals } = pageItems(
		lib,
		tc.items.filter((i): i is TextItem => 'str' in i),
		vt
	);
	const ops = await page.getOperatorList();
	const images = ops.fnArray.some(
		(f) => f === lib.OPS.paintImageXObject || f === lib.OPS.paintInlineImageXObject
	);
	const visible = items.filter((i) => i.str.trim() !== '');
	if (visible.length === 0) return { tables: [], lines: [], radicals, images, empty: true };

	const { h, v } = rulings(lib, ops.fnArray, ops.argsArray, vt);
	const tables: PageTable[] = [];
	const inTable = new Set<Item>();
	for (const g of grids(mergeSegs(h), mergeSegs(v))) {
		const cells = gridCells(g);
		for (const it of items) {
			const cx = (it.x0 + it.x1) / 2;
			const cell = cells.find(
				(c) => cx >= c.box.x0 && cx <= c.box.x1 && it.mid >= c.box.y0 && it.mid <= c.box.y1
			);
			if (cell) {
				cell.lines.push(it);
				inTable.add(it);
			}
		}
		if (!cells.some((c) => c.lines.length)) continue; // a drawn box with no text is no table
		tables.push({
			grid: { xs: g.xs, openTop: g.openTop, openBottom: g.openBottom },
			top: g.top,
			bottom: g.bottom,
			nRows: g.ys.length - 1,
			cells: cells.map((c) => ({ ...c, text: textOf(c.lines) }))
		});
	}
	const outside = toLines(items.filter((i) => !inTable.has(i)));
	const banded = bandTables(outside);
	return {
		tables: [...tables, ...banded.tables].sort((a, b) => a.top - b.top),
		lines: banded.rest,
		radicals,
		images,
		empty: false
	};
}

/** Consecutive lines of running text (no wider gap than 1.6 line heights) as one paragraph. */
function paragraphs(lines: Line[], file: string, page: number): Paragraph[] {
	const out: Paragraph[] = [];
	let cur: Line[] = [];
	const flush = () => {
		if (!cur.length) return;
		out.push({
			text: cur.map(lineText).join('\n'),
			ref: { file, page, line: cur[0].no, lineEnd: cur.at(-1)!.no }
		});
		cur = [];
	};
	for (const l of lines) {
		const prev = cur.at(-1);
		if (prev && l.mid - prev.mid > 1.6 * Math.max(l.size, prev.size)) flush();
		cur.push(l);
	}
	flush();
	return out;
}

const fail = (kind: DocumentErrorKind, zh: string, en: string, detail?: string) =>
	new DocumentError(kind, msg(zh, en), detail);

/** Every page's tables and running text, in reading order; a table that runs on over a page break continues. */
export async function readPdf(file: string, bytes: Uint8Array): Promise<Doc> {
	const lib = await pdfjs();
	let pdf: PDFDocumentProxy;
	try {
		pdf = await lib.getDocument({
			data: bytes.slice(), // pdf.js takes the buffer over; the caller keeps its bytes
			disableFontFace: true,
			useSystemFonts: false,
			isEvalSupported: false,
			isOffscreenCanvasSupported: false,
			stopAtErrors: false,
			verbosity: 0
		}).promise;
	} catch (e) {
		const name = e instanceof Error ? e.name : '';
		if (name === 'PasswordException')
			throw fail(
				'encrypted',
				`「${file}」设有打开密码，无法读取。请去掉密码后另存为 PDF 再导入。`,
				`“${file}” is password-protected and cannot be read. Remove the password, save it again as PDF and import that.`
			);
		throw fail(
			'corrupt',
			`「${file}」不是可读取的 PDF（文件已损坏或格式不对：${e instanceof Error ? e.message : e}）`,
			`“${file}” is not a readable PDF (damaged or not a PDF: ${e instanceof Error ? e.message : e})`,
			String(e)
		);
	}
	const notes: DocNote[] = [];
	const blocks: Block[] = [];
	let tableNo = 0;
	let anyText = false;
	let radicals = 0;
	let open: { table: DocTable; xs: number[]; page: number; openBottom: boolean } | null = null;
	try {
		for (let p = 1; p <= pdf.numPages; p++) {
			let content: Awaited<ReturnType<typeof pageContent>>;
			try {
				content = await pageContent(lib, await pdf.getPage(p));
			} catch (e) {
				notes.push({
					level: 'error',
					ref: { file, page: p },
					message: msg(
						`第 ${p} 页无法读取（${e instanceof Error ? e.message : e}），已跳过`,
						`page ${p} cannot be read (${e instanceof Error ? e.message : e}) and is skipped`
					)
				});
				open = null;
				continue;
			}
			radicals += content.radicals;
			if (content.empty) {
				if (content.images)
					notes.push({
						level: 'warning',
						ref: { file, page: p },
						message: msg(
							`第 ${p} 页只有图像、没有文字层（可能是扫描页），未从中读取任何内容`,
							`page ${p} holds only images and no text layer (a scan?); nothing is read from it`
						)
					});
				open = null;
				continue;
			}
			anyText = true;
			const paras = paragraphs(content.lines, file, p);
			// Tables and paragraphs in the order they stand on the page.
			const placed: ({ y: number } & (
				{ kind: 'table'; t: PageTable } | { kind: 'text'; p: Paragraph; y: number }
			))[] = [
				...content.tables.map((t) => ({ kind: 'table' as const, t, y: t.top })),
				...paras.map((para, i) => ({
					kind: 'text' as const,
					p: para,
					y: content.lines.find((l) => l.no === para.ref.line)?.mid ?? i
				}))
			].sort((a, b) => a.y - b.y);
			placed.forEach((x, k) => {
				if (x.kind === 'text') {
					const last = blocks.at(-1);
					if (last?.kind === 'text' && !open) last.paragraphs.push(x.p);
					else blocks.push({ kind: 'text', paragraphs: [x.p] });
					open = null;
					return;
				}
				const t = x.t;
				const continues =
					k === 0 &&
					open !== null &&
					open.page === p - 1 &&
					t.grid !== null &&
					t.grid.xs.length === open.xs.length &&
					t.grid.xs.every((v, i) => Math.abs(v - open!.xs[i]) <= 1.5);
				let table: DocTable;
				let offset = 0;
				// A row cut in two by the page break: its halves are one row; a cell's text goes on after "\n".
				const split = continues && open !== null && open.openBottom && t.grid!.openTop;
				if (continues && open) {
					table = open.table;
					offset = table.rows.length - (split ? 1 : 0);
				} else {
					table = { id: ++tableNo, rows: [], width: 0 };
					blocks.push({ kind: 'table', table });
				}
				const id = table.id;
				for (let r = split ? 1 : 0; r < t.nRows; r++) table.rows.push([]);
				for (const c of [...t.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
					if (split && c.row === 0) {
						const above = table.rows
							.flat()
							.find(
								(x) =>
									x.col === c.col && x.row + x.rowSpan === offset + 1 && x.colSpan === c.colSpan
							);
						if (above) {
							if (c.text) above.text = above.text ? `${above.text}\n${c.text}` : c.text;
							above.rowSpan += c.rowSpan - 1;
							continue;
						}
					}
					const ref: SourceRef = {
						file,
						page: p,
						table: id,
						row: offset + c.row + 1,
						col: c.col + 1
					};
					const cell: Cell = {
						text: c.text,
						row: offset + c.row,
						col: c.col,
						rowSpan: c.rowSpan,
						colSpan: c.colSpan,
						ref
					};
					table.rows[offset + c.row].push(cell);
					table.width = Math.max(table.width, c.col + c.colSpan);
				}
				open = t.grid ? { table, xs: t.grid.xs, page: p, openBottom: t.grid.openBottom } : null;
			});
		}
	} finally {
		await pdf.destroy();
	}
	if (!anyText)
		throw fail(
			'empty',
			`「${file}」没有文字层（可能是扫描件或图片），无法读取。本工具不做文字识别，也不猜测内容：请使用带文字的 PDF、Word 或网页原件。`,
			`“${file}” has no text layer (a scan or an image), so nothing can be read. Jixiao does no character recognition and guesses nothing: use a PDF with text, the Word file or the web page.`
		);
	if (radicals > 0)
		notes.push({
			level: 'info',
			ref: { file },
			message: msg(
				`PDF 把 ${radicals} 个汉字记为形状相同的部首（如「⻔」记「门」），已按汉字读取`,
				`the PDF records ${radicals} characters as the radicals that share their shape (⻔ for 门); they are read as the characters`
			)
		});
	return { file, format: 'pdf', blocks, notes };
}
