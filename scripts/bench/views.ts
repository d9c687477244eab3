// Benchmark: each view's in-browser queries (DuckDB-WASM), driven through the view's own year control; median and p95.
import type { Page } from 'playwright-core';
import { launch } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import { median, ms, p95 } from './lib';

/** Each view's in-browser queries, driven through its own controls; median and p95 per view. */
export async function benchViews() {
	const server = await serveStatic('build');
	const browser = await launch();
	// 2024 down to 2016 and back up: no year twice in a row, and never the latest (prerendered) one.
	const down = Array.from({ length: 9 }, (_, i) => String(2024 - i));
	const sequence = [...down, ...down.slice(0, -1).reverse()];
	const views: {
		name: string;
		path: string;
		measure: string;
		step: (page: Page, y: string) => Promise<void>;
	}[] = [
		{
			name: 'overview (year)',
			path: '/',
			measure: 'overview',
			step: (p, y) => p.click(`nav.years a:text-is("${y}")`)
		},
		{
			name: 'projects (year filter)',
			path: '/projects/',
			measure: 'projects',
			step: (p, y) => p.selectOption('select[name="year"]', y).then(() => {})
		},
		{
			name: 'indicators (year filter)',
			path: '/indicators/',
			measure: 'indicators',
			step: (p, y) => p.selectOption('select[name="year"]', y).then(() => {})
		},
		{
			name: 'compare (year)',
			path: '/compare/',
			measure: 'compare',
			step: (p, y) => p.selectOption('select[name="year"]', y).then(() => {})
		},
		{
			name: 'audit (year filter)',
			path: '/audit/',
			measure: 'audit',
			step: (p, y) => p.selectOption('select[name="year"]', y).then(() => {})
		}
	];
	console.log(
		`\nIn-browser queries per view (DuckDB-WASM, each driven through the view's own control)`
	);
	console.log(
		`  ${'view'.padEnd(26)} ${'n'.padStart(3)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`
	);
	try {
		for (const v of views) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${server.url}${v.path}`);
			await page.waitForSelector('html[data-hydrated]');
			await page.waitForSelector('[data-db-status="ready"]', { timeout: 120_000 });
			const durations: number[] = [];
			for (const y of sequence) {
				const before = await page.evaluate(
					(m) => performance.getEntriesByName(`jixiao:query:${m}`).length,
					v.measure
				);
				const has = await page
					.locator(
						v.name.startsWith('overview')
							? `nav.years a:text-is("${y}")`
							: `select[name="year"] option[value="${y}"]`
					)
					.count();
				if (!has) continue;
				await v.step(page, y);
				const got = await page
					.waitForFunction(
						([m, n]) => performance.getEntriesByName(`jixiao:query:${m}`).length > (n as number),
						[v.measure, before] as const,
						{ timeout: 15_000 }
					)
					.then(
						() => true,
						() => false
					);
				if (got)
					durations.push(
						await page.evaluate(
							(m) => performance.getEntriesByName(`jixiao:query:${m}`).at(-1)!.duration,
							v.measure
						)
					);
			}
			console.log(
				`  ${v.name.padEnd(26)} ${String(durations.length).padStart(3)} ${ms(median(durations))} ${ms(p95(durations))}`
			);
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}
}
