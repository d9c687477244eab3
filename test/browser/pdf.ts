// Reads a printed PDF back with poppler-utils: text lines and images per page (in PDF points), pages as PNG and as pixels.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}
export interface TextLine extends Box {
	/** The line's words joined without spaces. */
	text: string;
}
export interface PdfPage {
	width: number;
	height: number;
	lines: TextLine[];
	/** Raster images: in a Chromium PDF, every chart canvas is one. */
	images: Box[];
}

const unescape = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
const num = (attrs: string, name: string) =>
	Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? NaN);
const box = (attrs: string): Box => ({
	x0: num(attrs, 'xMin'),
	y0: num(attrs, 'yMin'),
	x1: num(attrs, 'xMax'),
	y1: num(attrs, 'yMax')
});

/** Text lines from `pdftotext -bbox-layout`, images from `pdftohtml -xml`, page by page. */
export function readPdf(pdf: string): PdfPage[] {
	const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
		encoding: 'utf8',
		maxBuffer: 64 << 20
	});
	const pages: PdfPage[] = [];
	for (const [, pageAttrs, body] of html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
		const lines: TextLine[] = [];
		for (const [, lineAttrs, words] of body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g))
			lines.push({
				...box(lineAttrs),
				text: [...words.matchAll(/<word [^>]*>([^<]*)<\/word>/g)]
					.map((w) => unescape(w[1]))
					.join('')
			});
		pages.push({
			width: num(pageAttrs, 'width'),
			height: num(pageAttrs, 'height'),
			lines,
			images: []
		});
	}
	// pdftohtml writes the images as files beside its XML: a scratch folder, removed after.
	const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdfxml-'));
	try {
		const xml = execFileSync('pdftohtml', ['-xml', '-q', '-stdout', pdf, join(dir, 'x')], {
			encoding: 'utf8',
			maxBuffer: 64 << 20
		});
		for (const [, pageAttrs, body] of xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
			const page = pages[num(pageAttrs, 'number') - 1];
			const scale = page.width / num(pageAttrs, 'width');
			for (const [, a] of body.matchAll(/<image ([^>]*)\/>/g)) {
				const [top, left, w, h] = ['top', 'left', 'width', 'height'].map((k) => num(a, k) * scale);
				page.images.push({ x0: left, y0: top, x1: left + w, y1: top + h });
			}
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return pages;
}

/** Renders every page to `<prefix>-<n>.png` with pdftoppm; returns the files in page order. */
export function renderPng(pdf: string, prefix: string, dpi = 72): string[] {
	const dir = join(prefix, '..');
	const base = prefix.slice(dir.length + 1);
	const ours = (f: string) => f.startsWith(`${base}-`) && /-\d+\.png$/.test(f);
	// A longer print of an earlier run left pages this one does not have.
	for (const f of readdirSync(dir).filter(ours)) rmSync(join(dir, f));
	execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, prefix]);
	return readdirSync(dir)
		.filter(ours)
		.sort((a, b) => Number(/(\d+)\.png$/.exec(a)![1]) - Number(/(\d+)\.png$/.exec(b)![1]))
		.map((f) => join(dir, f));
}

/** One page as grey pixels (pdftoppm's PGM), to look for ink inside a box. */
export function pagePixels(
	pdf: string,
	page: number,
	dpi = 72
): { width: number; height: number; px: Uint8Array } {
	const dir = mkdtempSync(join(tmpdir(), 'jixiao-pgm-'));
	try {
		const f = join(dir, 'p');
		execFileSync('pdftoppm', [
			'-r',
			String(dpi),
			'-gray',
			'-singlefile',
			'-f',
			String(page),
			'-l',
			String(page),
			pdf,
			f
		]);
		const buf = readFileSync(`${f}.pgm`);
		// Header: "P5\n<width> <height>\n<max>\n", then one byte per pixel.
		const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))!;
		return { width: +m[1], height: +m[2], px: buf.subarray(m[0].length) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Area two boxes share (0 when they only touch). */
export function overlap(a: Box, b: Box): number {
	const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
	const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
	return w > 0 && h > 0 ? w * h : 0;
}

/**
 * A text line's box from pdftotext spans the font's whole ascent and descent (for Noto CJK about
 * 2.4 × the size), so adjacent lines' boxes touch; its middle half is where the glyphs are.
 */
export function ink(b: Box): Box {
	const q = (b.y1 - b.y0) / 4;
	return { ...b, y0: b.y0 + q, y1: b.y1 - q };
}
