// Benchmark: the search — index bytes (raw, brotli), cold index load and query latency in Chromium (median, p95), and the index against a plain scan in Node.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import { SearchIndex, type SerializedIndex } from '../../src/lib/search/index';
import { fold, queryTerms } from '../../src/lib/search/text';
import { launch } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import { kb, median, ms, p95, type BenchOptions } from './lib';

/** Queries a supervisor types: words, parts of words, several words, a single character, traditional, nothing found. */
const QUERIES = [
	'资金',
	'资金到位',
	'结案',
	'办案经费',
	'纪委监委',
	'到位率',
	'延期',
	'率',
	'资金 下达',
	'資金',
	'培训',
	'满意度',
	'渌口',
	'完成',
	'没有这个词'
];

const fmt = (x: number) => `${x.toFixed(2).padStart(8)} ms`;

export async function benchSearch(opts: BenchOptions) {
	const path = 'build/data/search-index.json.gz';
	const stored = readFileSync(path);
	const raw = gunzipSync(stored);
	const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
	const data = JSON.parse(raw.toString('utf8')) as SerializedIndex;
	const index = new SearchIndex(data);
	console.log(`\nSearch (${data.texts.length} unique texts, ${index.records} records)`);
	console.log(
		`  index bytes              raw ${kb(raw.length)}   stored (gzip) ${kb(stored.length)}   brotli ${kb(br.length)}`
	);

	// Node: the index against a scan of every record's text (what no index would cost).
	const fields = [
		...data.units.name,
		...data.units.short,
		...data.forms.fields.flat(),
		...data.indicators.fields.flat()
	].filter((id) => id >= 0);
	const scan = (q: string) => {
		const terms = queryTerms(q);
		let n = 0;
		for (const id of fields) {
			const f = fold(data.texts[id]);
			if (terms.every((t) => f.includes(t))) n++;
		}
		return n;
	};
	const nodeTimes = (fn: (q: string) => unknown) => {
		const xs: number[] = [];
		for (let r = 0; r < opts.runs; r++)
			for (const q of QUERIES) {
				const t0 = performance.now();
				fn(q);
				xs.push(performance.now() - t0);
			}
		return xs;
	};
	const idx = nodeTimes((q) => index.search(q));
	const sc = nodeTimes(scan);
	console.log(`  Node, ${QUERIES.length} queries × ${opts.runs}      median        p95`);
	console.log(`    bigram index + verify   ${fmt(median(idx))} ${fmt(p95(idx))}`);
	console.log(`    scan of every record    ${fmt(median(sc))} ${fmt(p95(sc))}`);

	// Chromium: the published site, the index fetched cold, queries typed into the page's box.
	const server = await serveStatic('build');
	const browser = await launch();
	try {
		const loads: number[] = [];
		const engine: number[] = [];
		const endToEnd: number[] = [];
		for (let r = 0; r < opts.runs; r++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${server.url}/search/?q=${encodeURIComponent(QUERIES[0])}`);
			await page.waitForSelector('[data-testid="search-summary"]', { timeout: 60_000 });
			loads.push(
				await page.evaluate(() => performance.getEntriesByName('jixiao:search:load')[0].duration)
			);
			for (const q of QUERIES.slice(1)) {
				const before = await page.evaluate(
					() => performance.getEntriesByName('jixiao:search:query').length
				);
				const t0 = performance.now();
				await page.fill('[data-testid="search-page-form"] input[name="q"]', q);
				await page.press('[data-testid="search-page-form"] input[name="q"]', 'Enter');
				await page.waitForFunction(
					(n) =>
						performance.getEntriesByName('jixiao:search:query').length > n &&
						document.querySelector('[data-testid="search-status"]')?.getAttribute('data-status') ===
							'ready',
					before
				);
				endToEnd.push(performance.now() - t0);
				engine.push(
					await page.evaluate(
						() => performance.getEntriesByName('jixiao:search:query').at(-1)!.duration
					)
				);
			}
			await context.close();
		}
		console.log(`  Chromium                          n     median        p95`);
		console.log(
			`    cold index load (fetch+parse) ${String(loads.length).padStart(3)} ${ms(median(loads))} ${ms(p95(loads))}`
		);
		console.log(
			`    query (search only)           ${String(engine.length).padStart(3)} ${fmt(median(engine))} ${fmt(p95(engine))}`
		);
		console.log(
			`    query typed → results shown   ${String(endToEnd.length).padStart(3)} ${ms(median(endToEnd))} ${ms(p95(endToEnd))}`
		);
	} finally {
		await browser.close();
		await server.close();
	}
}
