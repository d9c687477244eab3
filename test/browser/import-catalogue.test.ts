// The import error catalogue in Chromium: each input dropped on /data/, its counts and messages read from the page in zh and en, and accepted values read back from the loaded data.
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, type CatalogueCase, type ExpectedMessage } from '../fixtures/import-errors';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

/** The rows of a report table as the page shows them: line, column and message cells. */
async function reportRows(page: Page, testid: string) {
	if ((await page.locator(`[data-testid="${testid}"]`).count()) === 0) return [];
	return page.locator(`[data-testid="${testid}"] tbody tr`).evaluateAll((trs) =>
		trs.map((tr) => {
			// Empty cells show as "—".
			const cell = (k: string) => {
				const t = tr.querySelector(`td[data-col="${k}"]`)?.textContent?.trim() ?? '';
				return t === '—' ? '' : t;
			};
			return { line: cell('line'), column: cell('column'), message: cell('message') };
		})
	);
}

function expectShown(
	shown: { line: string; column: string; message: string }[],
	want: readonly ExpectedMessage[],
	lang: 'zh' | 'en'
) {
	expect(shown.length, JSON.stringify(shown)).toBe(want.length);
	for (const w of want)
		expect(
			shown.some(
				(s) =>
					s.message.includes(w[lang]) &&
					(w.line === null ? s.line === '' : s.line.replace(/,/g, '') === String(w.line)) &&
					s.column === (w.column ?? '')
			),
			`${lang}: ${JSON.stringify(w)} in ${JSON.stringify(shown)}`
		).toBe(true);
}

async function check(c: CatalogueCase): Promise<Page> {
	const { page } = await h.open('/data/');
	await page.setInputFiles(
		'input[type=file]',
		c.files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.bytes) }))
	);
	await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
	expect((await page.textContent('[data-testid="totals"]'))?.replace(/\s+/g, ' ')).toContain(
		`读取 ${c.read} = 接受 ${c.accepted} + 拒绝 ${c.rejected}`
	);
	expectShown(await reportRows(page, 'errors'), c.errors, 'zh');
	expectShown(await reportRows(page, 'warnings'), c.warnings, 'zh');
	await page.click('[data-action="lang"]');
	await page.waitForFunction(() => document.documentElement.lang === 'en');
	expect((await page.textContent('[data-testid="totals"]'))?.replace(/\s+/g, ' ')).toContain(
		`Read ${c.read} = accepted ${c.accepted} + rejected ${c.rejected}`
	);
	expectShown(await reportRows(page, 'errors'), c.errors, 'en');
	expectShown(await reportRows(page, 'warnings'), c.warnings, 'en');
	await page.click('[data-action="lang"]');
	return page;
}

/** Loads the accepted rows, downloads the dataset as the page exports it, and returns each table's rows. */
async function loadAndExport(page: Page): Promise<Record<string, Record<string, string>[]>> {
	await page.click('[data-action="load"]');
	await page.waitForSelector('[data-testid="loaded"]', { timeout: 60_000 });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.click('[data-action="export"]')
	]);
	const zip = unzipSync(new Uint8Array(await streamBytes(await download.createReadStream())));
	const out: Record<string, Record<string, string>[]> = {};
	for (const [path, bytes] of Object.entries(zip))
		if (path.startsWith('csv/'))
			out[path.slice(4, -4)] = Papa.parse<Record<string, string>>(strFromU8(bytes), {
				header: true,
				skipEmptyLines: true
			}).data;
	return out;
}

async function streamBytes(s: NodeJS.ReadableStream): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const c of s) chunks.push(Buffer.from(c as Buffer));
	return Buffer.concat(chunks);
}

describe('import error catalogue in the browser', () => {
	it.each(CATALOGUE.map((c) => [c.id, c] as const))('%s', async (_, c: CatalogueCase) => {
		const page = await check(c);
		if (c.values?.length) {
			const tables = await loadAndExport(page);
			for (const v of c.values)
				expect(
					tables[v.table]?.map((r) => (r[v.column] === '' ? null : r[v.column])),
					`${v.table}.${v.column}`
				).toContain(v.value);
		}
		await page.context().close();
	});

	it('raised no console error and sent nothing off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
