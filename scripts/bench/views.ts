// Benchmark: each view's in-browser queries (DuckDB-WASM), driven through the view's own year control; median and p95.
import { launch } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import { changeYear, yearChoices, type Control } from './drive';
import { median, ms, p95 } from './lib';

const YEAR: Control = { kind: 'select', selector: 'select[name="year"]' };

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
		control: Control;
	}[] = [
		{
			name: 'overview (year)',
			path: '/',
			measure: 'overview',
			control: { kind: 'links', selector: 'nav.years a' }
		},
		{
			name: 'projects (year filter)',
			path: '/projects/',
			measure: 'projects',
			control: YEAR
		},
		{
			name: 'indicators (year filter)',
			path: '/indicators/',
			measure: 'indicators',
			control: YEAR
		},
		{
			name: 'compare (year)',
			path: '/compare/',
			measure: 'compare',
			control: YEAR
		},
		{
			name: 'audit (year filter)',
			path: '/audit/',
			measure: 'audit',
			control: YEAR
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
			const { years } = await yearChoices(page, v.control);
			for (const y of sequence) {
				if (!years.includes(y)) continue;
				const q = await changeYear(page, v.control, y, v.measure, 15_000);
				if (q) durations.push(q.duration);
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
