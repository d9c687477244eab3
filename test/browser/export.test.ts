// Table downloads in a real browser, read back: the overview ranking as XLSX and the deviation
// reasons as CSV, every row under the right header with the figures the page table shows; every
// matching row listed and downloaded; any search text (NUL included) answered.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralize } from '../../src/lib/export/neutralize';
import { allRows } from '../helpers/data';
import { grid, readXlsx, renderNumFmt } from '../helpers/xlsx';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

async function ready(page: Page) {
	await page.waitForSelector('[data-db-status="ready"]', { timeout: 90_000 });
}

async function download(page: Page, click: () => Promise<void>) {
	const [d] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

/** A DataTable's header texts and its cells as shown (link and badge text included). */
async function shownTable(page: Page, testid: string) {
	const table = page.locator(`[data-testid="${testid}"]`);
	const header = (await table.locator('thead th').allInnerTexts()).map((t) =>
		t.replace(/[▲▼]/g, '').trim()
	);
	const rows = await table
		.locator('tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()))
		);
	return { header, rows };
}

const tools = (page: Page, testid: string) =>
	page.locator(`[data-testid="${testid}"]`).locator('xpath=../..').locator('.table-tools');

describe('overview ranking as XLSX', () => {
	for (const lang of ['zh', 'en'] as const)
		it(`holds every row under its header, as the page shows it (${lang})`, async () => {
			const { page, context } = await h.open(`/years/2023/${lang === 'en' ? '?lang=en' : ''}`);
			await page.waitForSelector('[data-testid="unit-table"] tbody tr');
			const shown = await shownTable(page, 'unit-table');
			const file = await download(page, () =>
				tools(page, 'unit-table').locator('button:has-text("XLSX")').click()
			);
			expect(file.name).toBe('jixiao-units-2023.xlsx');
			// Kept for a look (test-results/downloads/), as a visitor would open it.
			const dir = join(h.shotsDir, '..', 'downloads');
			mkdirSync(dir, { recursive: true });
			writeFileSync(join(dir, `jixiao-units-2023-${lang}.xlsx`), file.bytes);
			const [sheet] = readXlsx(new Uint8Array(file.bytes));
			expect(sheet.frozenRows).toBe(1);
			const g = grid(sheet);
			expect(g[0].map((c) => c?.value)).toEqual(shown.header);
			expect(g.length - 1).toBe(shown.rows.length);
			expect(shown.rows.length).toBe(
				allRows('evaluations').filter((e) => e.year === '2023' && e.form === 'department').length
			);
			shown.rows.forEach((row, ri) =>
				row.forEach((text, ci) => {
					const c = g[ri + 1][ci] ?? null;
					const at = `row ${ri + 1} ${shown.header[ci]}`;
					if (c === null) return expect(text, at).toBe('—');
					expect(c.formula).toBe(false);
					const cellText = typeof c.value === 'number' ? renderNumFmt(c.value, c.numFmt) : c.value;
					expect(cellText, at).toBe(text);
				})
			);
			// The columns the tester found wrong: grade as its label, the rate change in points with a
			// signed format, rates as fractions under a percent format, provenance as its label.
			const col = (zh: string, en: string) =>
				g[0].findIndex((c) => c?.value === (lang === 'zh' ? zh : en));
			const grades = g.slice(1).map((r) => r[col('等级（折算）', 'Grade (computed)')]?.value);
			expect(
				grades.every((v) =>
					(lang === 'zh'
						? ['优', '良', '中', '差']
						: ['Excellent', 'Good', 'Fair', 'Poor']
					).includes(v as string)
				)
			).toBe(true);
			const change = g
				.slice(1)
				.map((r) => r[col('执行率变化（百分点）', 'Rate change (pp)')])
				.find(Boolean)!;
			expect(change.numFmt).toBe('+0.0;"−"0.0;"±"0.0');
			const rate = g
				.slice(1)
				.map((r) => r[col('执行率', 'Execution rate')])
				.find(Boolean)!;
			expect(rate.numFmt).toBe('0.00%');
			expect(rate.value as number).toBeLessThan(2);
			const prov = new Set(g.slice(1).map((r) => r[col('来源', 'Source')]?.value));
			expect(prov).toEqual(
				new Set(lang === 'zh' ? ['★ 公开', '合成'] : ['★ Published', 'Synthetic'])
			);
			await context.close();
		});
});

describe('deviation reasons', () => {
	it('lists and downloads every matching row (450 for 进度, not 200), each under its header', async () => {
		const expected = allRows('indicators').filter((i) => i.deviation_reason.includes('进度'));
		expect(expected.length).toBeGreaterThan(200);
		const { page } = await h.open('/indicators/?q=进度');
		// Until its rows are in, the table does not claim to answer the search.
		const claims = async () => {
			const heading = (await page.textContent('h2:has-text("偏差原因")')) ?? '';
			const reasons = await page
				.locator('[data-testid="reasons"] td[data-col="reason"]')
				.allTextContents();
			return !heading.includes('进度') || reasons.every((r) => r.includes('进度'));
		};
		expect(await claims()).toBe(true);
		await ready(page);
		await page.waitForFunction(
			(n) =>
				document.querySelector('[data-testid="reasons-count"]')?.textContent?.startsWith(`${n} 行`),
			expected.length.toLocaleString('en-US')
		);
		expect(await page.textContent('h2:has-text("偏差原因")')).toContain('“进度”');
		expect(await claims()).toBe(true);
		expect(await page.locator('[data-testid="reasons-pending"]').count()).toBe(0);
		expect(await page.locator('[data-testid="reasons"] tbody tr').count()).toBe(50);
		await page.click(`button:has-text("全部 ${expected.length.toLocaleString('en-US')} 行")`);
		expect(await page.locator('[data-testid="reasons"] tbody tr').count()).toBe(expected.length);
		const shown = await shownTable(page, 'reasons');
		const file = await download(page, () =>
			tools(page, 'reasons').locator('button:has-text("CSV")').click()
		);
		expect(file.name).toBe('jixiao-deviation-reasons.csv');
		const text = file.bytes.toString('utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const csv = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
		expect(csv.errors).toEqual([]);
		expect(csv.data[0]).toEqual(shown.header);
		expect(csv.data.length - 1).toBe(expected.length);
		shown.rows.forEach((row, ri) =>
			row.forEach((t, ci) =>
				expect(csv.data[ri + 1][ci], `row ${ri + 1} ${shown.header[ci]}`).toBe(
					t === '—' ? '' : neutralize(t)
				)
			)
		);
		const reasons = csv.data.slice(1).map((r) => r[shown.header.indexOf('偏差原因')]);
		expect(reasons.every((r) => r.includes('进度'))).toBe(true);
		await h.shot(page, 'indicators-reasons-all-zh');
	});

	it('says how many reasons there are before the query engine has loaded, and downloads them all once it has', async () => {
		const total = allRows('indicators').filter((i) => i.deviation_reason !== '').length;
		const { page } = await h.open('/indicators/', { javaScriptEnabled: false });
		const count = await page.textContent('[data-testid="reasons-count"]');
		expect(count).toContain(`共 ${total.toLocaleString('en-US')} 行`);
		const js = await h.open('/indicators/');
		await ready(js.page);
		await js.page.waitForFunction(
			(n) =>
				document.querySelector('[data-testid="reasons-count"]')?.textContent?.startsWith(`${n} 行`),
			total.toLocaleString('en-US')
		);
		const file = await download(js.page, () =>
			tools(js.page, 'reasons').locator('button:has-text("XLSX")').click()
		);
		expect(grid(readXlsx(new Uint8Array(file.bytes))[0]).length - 1).toBe(total);
	});

	for (const [q, label] of [
		['%00', 'NUL'],
		['a%00b%01%1F%7F', 'control characters'],
		['%25', 'percent sign'],
		["'%3B%20DROP%20TABLE%20units%3B--", 'a quote']
	] as const)
		it(`answers a search for ${label}`, async () => {
			const text = decodeURIComponent(q);
			const expected = allRows('indicators').filter((i) =>
				i.deviation_reason.includes(text)
			).length;
			const { page } = await h.open(`/indicators/?q=${q}`);
			await ready(page);
			await page.waitForFunction(
				(n) =>
					document
						.querySelector('[data-testid="reasons-count"]')
						?.textContent?.startsWith(`${n} 行`) &&
					!document.querySelector('[data-testid="indicator-filters"] [role="status"]'),
				String(expected)
			);
			expect(await page.locator('[data-testid="query-error"]').count()).toBe(0);
			expect(await page.locator('[data-testid="control-note"]').count()).toBe(
				// eslint-disable-next-line no-control-regex
				/[\u0000-\u001f\u007f]/.test(text) ? 1 : 0
			);
			if (label === 'NUL') {
				expect(await page.textContent('h2:has-text("偏差原因")')).toContain('“[U+0000]”');
				await h.shot(page, 'indicators-nul');
			}
		});

	it('reads in English, with the count and the show-more button', async () => {
		const { page } = await h.open('/indicators/?lang=en');
		await ready(page);
		await page.waitForFunction(() =>
			/rows$/.test(
				document
					.querySelector('[data-testid="reasons-count"]')
					?.textContent?.split('(')[0]
					.trim() ?? ''
			)
		);
		const more = page.locator('[data-testid="reasons"]').locator('xpath=../..').locator('.more');
		expect(await more.textContent()).toMatch(/Show 50 more \(of [\d,]+\)/);
		await h.shot(page, 'indicators-en');
	});
});

describe('across the pages', () => {
	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
