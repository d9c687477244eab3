// Benchmark: the built site cold in headless Chromium — first paint, chart, DuckDB-WASM ready and loaded, first query, bytes per kind.
import { existsSync } from 'node:fs';
import { launch } from '../lib/chromium';
import { fileKind, FILE_KINDS, type FileKind } from '../lib/site-report';
import { serveStatic } from '../lib/static-server';
import { kb, median, ms, type BenchOptions } from './lib';

export async function benchSite(opts: BenchOptions) {
	if (!existsSync('build/index.html'))
		throw new Error('build/ is missing: run npm run build first');
	const server = await serveStatic('build');
	const browser = await launch();
	const samples: Record<string, number[]> = {
		fcp: [],
		chart: [],
		dbReady: [],
		dbLoaded: [],
		firstQuery: []
	};
	const kinds = FILE_KINDS.filter((k) => k !== 'precompressed');
	const bytes = Object.fromEntries(kinds.map((k) => [k, [] as number[]])) as Record<
		FileKind,
		number[]
	>;
	try {
		for (let run = 0; run < opts.runs; run++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const seen = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<FileKind, number>;
			const pending: Promise<void>[] = [];
			page.on('requestfinished', (req) =>
				pending.push(
					req.sizes().then((s) => {
						seen[fileKind(new URL(req.url()).pathname)] +=
							s.responseBodySize + s.responseHeadersSize;
					})
				)
			);
			await page.goto(`${server.url}/`);
			await page.waitForSelector('[data-chart-drawn="true"]', { timeout: 60_000 });
			const chart = await page.evaluate(() => performance.now());
			await page.waitForSelector('[data-db-status="ready"]', { timeout: 120_000 });
			const t = await page.evaluate(() => {
				const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
				const mark = performance.getEntriesByName('jixiao:db-ready')[0] as
					PerformanceMark | undefined;
				const detail = mark?.detail as { ready: number; loaded: number } | undefined;
				return {
					fcp,
					readyAt: mark?.startTime ?? NaN,
					ready: detail?.ready ?? NaN,
					loaded: detail?.loaded ?? NaN
				};
			});
			await page.click('nav.years a:text-is("2023")');
			await page.waitForFunction(
				() => performance.getEntriesByName('jixiao:query:overview').length > 0
			);
			const q = await page.evaluate(
				() => performance.getEntriesByName('jixiao:query:overview')[0].duration
			);
			await page.waitForLoadState('networkidle');
			await Promise.all(pending);
			samples.fcp.push(t.fcp);
			samples.chart.push(chart);
			samples.dbReady.push(t.readyAt);
			samples.dbLoaded.push(t.readyAt - t.ready + t.loaded);
			samples.firstQuery.push(q);
			for (const k of kinds) bytes[k].push(seen[k]);
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}
	console.log(
		`\nOverview (/), cold cache, ${opts.runs} runs, medians (time since navigation start)`
	);
	console.log(`  first contentful paint      ${ms(median(samples.fcp))}`);
	console.log(`  chart drawn (canvas)        ${ms(median(samples.chart))}`);
	console.log(`  DuckDB-WASM ready           ${ms(median(samples.dbReady))}`);
	console.log(`  data loaded into DuckDB     ${ms(median(samples.dbLoaded))}`);
	console.log(
		`  first in-browser query      ${ms(median(samples.firstQuery))}  (the 2023 overview: 4 queries)`
	);
	console.log(`\nBytes transferred per cold visit (brotli q5, compressed on the fly), medians`);
	let total = 0;
	for (const k of kinds) {
		const b = median(bytes[k]);
		total += b;
		console.log(`  ${k.padEnd(26)}  ${kb(b)}`);
	}
	console.log(`  ${'total'.padEnd(26)}  ${kb(total)}`);
}
