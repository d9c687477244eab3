// The unit profile printed to an A4 PDF: charts and headings never overlap, no heading ends a page; prerendered charts keep their font.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { ink, overlap, pagePixels, readPdf, renderPng, type Box } from './pdf';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const UNITS = [
	['430212-jiwei', 'lukou'],
	['990115-jiwei-15', 'demo']
] as const;
const squeeze = (s: string) => s.replace(/\s+/g, '');
const where = (b: Box) =>
	`(${b.x0.toFixed(0)},${b.y0.toFixed(0)})–(${b.x1.toFixed(0)},${b.y1.toFixed(0)})`;

describe('print', () => {
	for (const [id, name] of UNITS)
		for (const lang of ['zh', 'en'] as const)
			it(`${name} profile (${lang}) on A4: charts and headings apart, no heading alone at a page foot`, async () => {
				const { page, context } = await h.open(`/units/${id}/?lang=${lang}`);
				await page.waitForFunction(
					() =>
						document.querySelectorAll('figure.chart canvas').length > 0 &&
						[...document.querySelectorAll('[data-chart-drawn]')].every(
							(e) => e.getAttribute('data-chart-drawn') === 'true'
						),
					null,
					{ timeout: 30_000 }
				);
				const charts = await page.locator('figure.chart').count();
				// Each heading's own text, and its badge (★ 公开), which may print as a line of its own.
				const headings = await page.evaluate(() =>
					[...document.querySelectorAll('main :is(h1, h2, h3, h4)')]
						.filter((e) => !e.closest('.no-print'))
						.map((e) => {
							const own = e.cloneNode(true) as HTMLElement;
							own.querySelectorAll('.badge, [data-testid="source"]').forEach((b) => b.remove());
							return {
								text: own.textContent ?? '',
								badge: [...e.querySelectorAll('.badge')].map((b) => b.textContent).join('')
							};
						})
				);
				const dir = mkdtempSync(join(tmpdir(), 'jixiao-print-'));
				const pdf = join(dir, `${name}-${lang}.pdf`);
				writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
				await context.close();
				const pngs = renderPng(pdf, join(h.shotsDir, `print-${name}-${lang}`));
				const pages = readPdf(pdf);
				expect(pngs).toHaveLength(pages.length);

				// A line is a heading's when it holds the heading's text, perhaps with the start of its badge.
				const isHeading = (line: string) =>
					headings.some(
						(hd) =>
							line.startsWith(squeeze(hd.text)) &&
							squeeze(hd.badge).startsWith(line.slice(squeeze(hd.text).length))
					);
				let images = 0;
				let headingLines = 0;
				pages.forEach((p, i) => {
					const at = `page ${i + 1}`;
					// A4 in points.
					expect(Math.round(p.width)).toBe(596);
					expect(Math.round(p.height)).toBe(843);
					images += p.images.length;
					const heads = p.lines.filter((l) => isHeading(l.text));
					headingLines += heads.length;
					// No two charts share ground, and no text (headings included) lies on a chart.
					p.images.forEach((a, j) =>
						p.images.slice(j + 1).forEach((b) => {
							expect(overlap(a, b), `${at}: charts ${where(a)} and ${where(b)} overlap`).toBe(0);
						})
					);
					for (const l of p.lines)
						for (const c of p.images)
							expect(
								overlap(ink(l), c),
								`${at}: “${l.text}” ${where(l)} lies on the chart ${where(c)}`
							).toBe(0);
					for (const hd of heads)
						for (const l of p.lines)
							if (l !== hd)
								expect(
									overlap(ink(hd), ink(l)),
									`${at}: heading “${hd.text}” overlaps “${l.text}”`
								).toBe(0);
					// Each chart is drawn on the page (ink inside its box).
					if (p.images.length > 0) {
						const g = pagePixels(pdf, i + 1);
						const k = g.width / p.width;
						for (const c of p.images) {
							let dark = 0;
							let all = 0;
							for (let y = Math.ceil(c.y0 * k); y < Math.floor(c.y1 * k); y++)
								for (let x = Math.ceil(c.x0 * k); x < Math.floor(c.x1 * k); x++, all++)
									if (g.px[y * g.width + x] < 200) dark++;
							expect(dark / all, `${at}: chart ${where(c)} is blank`).toBeGreaterThan(0.01);
						}
					}
					// The lowest thing on a page is not a heading: a heading goes with what follows it.
					const blocks: (Box & { text?: string })[] = [...p.lines, ...p.images];
					const last = blocks.reduce((a, b) => (b.y1 > a.y1 ? b : a), blocks[0]);
					expect(
						last.text !== undefined && isHeading(last.text),
						`${at}: heading “${last.text}” is alone at the foot of the page`
					).toBe(false);
				});
				expect(images, 'every chart is printed once').toBe(charts);
				const printed = pages.flatMap((p) => p.lines.map((l) => l.text));
				expect(
					headings
						.map((hd) => squeeze(hd.text))
						.filter((t) => !printed.some((l) => l.startsWith(t) && isHeading(l))),
					'every heading is found in the PDF, on a line of its own'
				).toEqual([]);
				expect(headingLines).toBeGreaterThanOrEqual(headings.length);
			});

	it('prerendered charts (no JavaScript) keep their font: the SVG style attributes are well-formed', async () => {
		// (A unit's page draws its charts in the browser only: test/browser/unit-page.test.ts.)
		for (const path of ['/', '/trends/']) {
			const { page, context } = await h.open(path, { javaScriptEnabled: false });
			const texts = await page.evaluate(() =>
				[...document.querySelectorAll('figure.chart .ssr svg text')].map((t) => ({
					// On the label, or once on the SVG's root when every label shares it (not the page's own font).
					family:
						(t as SVGTextElement).style.fontFamily ||
						(t.closest('svg') as SVGSVGElement).style.fontFamily,
					size: (t as SVGTextElement).style.fontSize,
					stray: t.getAttributeNames().filter((n) => !/^[a-z:-]+$/.test(n))
				}))
			);
			expect(texts.length, path).toBeGreaterThan(10);
			for (const t of texts) {
				expect(t.family, path).toContain('Noto Sans CJK SC');
				expect(t.size, path).toMatch(/px$/);
				expect(t.stray, path).toEqual([]);
			}
			await context.close();
		}
	});
});
