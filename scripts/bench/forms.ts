// Benchmark: the forms grid's in-browser queries (DuckDB-WASM), driven through its filters, sort headers and pager; median and p95.
import type { Page } from 'playwright-core';
import { launch } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import { median, ms, p95 } from './lib';

type Step = [string, (p: Page) => Promise<unknown>];

const select = (name: string, value: string): Step => [
	`${name}=${value || 'any'}`,
	(p) => p.selectOption(`select[name="${name}"]`, value)
];
const click = (what: string, selector: string): Step => [what, (p) => p.click(selector)];

/** Filter, sort and page changes a supervisor makes, each one query of the page and its count. */
const STEPS: Step[] = [
	select('from', '2023'),
	select('to', '2023'),
	select('form', 'department'),
	select('rate', 'lt90'),
	select('rate', ''),
	select('form', ''),
	select('to', ''),
	select('from', '2016'),
	click('sort by gap', 'button[data-sort="gap_pct"]'),
	click('sort by gap, asc', 'button[data-sort="gap_pct"]'),
	click('sort by reason', 'button[data-sort="reason"]'),
	click('sort by unit', 'button[data-sort="unit"]'),
	click('next page', 'button[data-page="next"]'),
	click('last page', 'button[data-page="last"]'),
	click('first page', 'button[data-page="first"]'),
	select('size', '200'),
	select('rule', 'any'),
	select('rule', 'full_marks_on_miss'),
	select('region', '虚构省澄月市'),
	select('sector', '纪检监察')
];

export async function benchForms() {
	const server = await serveStatic('build');
	const browser = await launch();
	try {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(`${server.url}/forms/`);
		await page.waitForSelector('html[data-hydrated]');
		await page.waitForSelector('[data-db-status="ready"]', { timeout: 120_000 });
		const durations: number[] = [];
		const count = () =>
			page.evaluate(() => performance.getEntriesByName('jixiao:query:forms').length);
		for (const [what, act] of STEPS) {
			const before = await count();
			await act(page);
			await page
				.waitForFunction(
					(n) => performance.getEntriesByName('jixiao:query:forms').length > n,
					before,
					{ timeout: 15_000 }
				)
				.catch((e: Error) => {
					throw new Error(`${what}: no query (${e.message})`);
				});
			durations.push(
				await page.evaluate(
					() => performance.getEntriesByName('jixiao:query:forms').at(-1)!.duration
				)
			);
		}
		// The full export: every form, 21 columns plus the printed texts, as CSV.
		await page.selectOption('select[name="rule"]', '');
		await page.selectOption('select[name="region"]', '');
		await page.selectOption('select[name="sector"]', '');
		await page.waitForFunction(
			() => !document.querySelector('[data-testid="forms-filters"] [role="status"]')
		);
		const total = await page.getAttribute('[data-testid="forms-pager-range"]', 'data-total');
		const start = Date.now();
		await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
		const exportMs = Date.now() - start;
		console.log(`\nForms grid in the browser (DuckDB-WASM; page + count per change)`);
		console.log(
			`  ${'changes'.padEnd(26)} ${'n'.padStart(3)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`
		);
		console.log(
			`  ${'filter / sort / page'.padEnd(26)} ${String(durations.length).padStart(3)} ${ms(median(durations))} ${ms(p95(durations))}`
		);
		console.log(`  export of all ${total} rows as CSV (query + file): ${ms(exportMs)}`);
		await context.close();
	} finally {
		await browser.close();
		await server.close();
	}
}
