// Benchmark: the search — index bytes (raw, gzip, brotli), what each query reads, cold base load and query latency in Chromium (median, p95), and the index against a plain scan in Node.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import type { Manifest } from '../../src/lib/db/manifest';
import {
	decodeRecords,
	partPath,
	type IndexBase,
	type RecordPart
} from '../../src/lib/search/format';
import { SearchIndex } from '../../src/lib/search/index';
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
	const dir = 'build/data';
	const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Manifest;
	const stored = new Map<string, Buffer>([
		['base', readFileSync(`${dir}/${manifest.search.path}`)]
	]);
	const base = JSON.parse(gunzipSync(stored.get('base')!).toString('utf8')) as IndexBase;
	for (const name of Object.keys(base.files))
		stored.set(name, readFileSync(`${dir}/${partPath(name)}`));
	const parsed = new Map<string, unknown>(
		[...stored].map(([n, b]) => [n, JSON.parse(gunzipSync(b).toString('utf8'))])
	);
	let raw = 0;
	let br = 0;
	for (const b of stored.values()) {
		const r = gunzipSync(b);
		raw += r.length;
		br += brotliCompressSync(r, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
	}
	const gz = [...stored.values()].reduce((n, b) => n + b.length, 0);
	/** A fresh index over the files, counting the bytes (as stored) of the parts it reads. */
	const fresh = () => {
		const read: string[] = [];
		const index = new SearchIndex(base, (name) => {
			read.push(name);
			return Promise.resolve(parsed.get(name));
		});
		return { index, bytes: () => read.reduce((n, p) => n + stored.get(p)!.length, 0), read };
	};
	console.log(
		`\nSearch (${base.texts} unique texts, ${base.records} records; a base and ${stored.size - 1} parts)`
	);
	console.log(
		`  index bytes              raw ${kb(raw)}   stored (gzip) ${kb(gz)}   brotli ${kb(br)}   base alone (gzip) ${kb(stored.get('base')!.length)}`
	);
	console.log('  Node, each query on a fresh index: what it reads (gzip as stored, base included)');
	for (const q of QUERIES) {
		const f = fresh();
		const r = await f.index.search(q);
		console.log(
			`    ${q.padEnd(12 - [...q].length)} ${String(r.total).padStart(8)} hits ${String(f.read.length).padStart(4)} parts ${kb(stored.get('base')!.length + f.bytes())}`
		);
	}

	// Node: the index (its parts read) against a scan of every record's text (what no index would cost).
	const all = fresh().index;
	const texts = Object.keys(base.files)
		.filter((n) => n[0] === 't')
		.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
		.flatMap((n) => parsed.get(n) as string[]);
	const counts = Object.keys(base.files)
		.filter((n) => n[0] === 'r')
		.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
		.flatMap((n) => decodeRecords(parsed.get(n) as RecordPart).map((l) => l.length));
	const scan = (q: string) => {
		const terms = queryTerms(q);
		let n = 0;
		texts.forEach((t, id) => {
			// Every record's text folded, as a scan without an index would.
			for (let k = 0; k < counts[id]; k++) {
				const f = fold(t);
				if (terms.every((x) => f.includes(x))) n++;
			}
		});
		return n;
	};
	for (const q of QUERIES) await all.search(q);
	const nodeTimes = async (fn: (q: string) => unknown) => {
		const xs: number[] = [];
		for (let r = 0; r < opts.runs; r++)
			for (const q of QUERIES) {
				const t0 = performance.now();
				await fn(q);
				xs.push(performance.now() - t0);
			}
		return xs;
	};
	const idx = await nodeTimes((q) => all.search(q));
	const sc = await nodeTimes(scan);
	console.log(`  Node, ${QUERIES.length} queries × ${opts.runs}, parts read   median        p95`);
	console.log(`    bigram index + verify   ${fmt(median(idx))} ${fmt(p95(idx))}`);
	console.log(`    scan of every record    ${fmt(median(sc))} ${fmt(p95(sc))}`);

	// Chromium: the published site, the index fetched cold, queries typed into the page's box.
	const server = await serveStatic('build');
	const browser = await launch();
	try {
		const loads: number[] = [];
		const engine: number[] = [];
		const endToEnd: number[] = [];
		const firstBytes: number[] = [];
		for (let r = 0; r < opts.runs; r++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			await page.goto(`${server.url}/search/?q=${encodeURIComponent(QUERIES[0])}`);
			await page.waitForSelector('[data-testid="search-summary"]', { timeout: 60_000 });
			loads.push(
				await page.evaluate(() => performance.getEntriesByName('jixiao:search:load')[0].duration)
			);
			firstBytes.push(
				await page.evaluate(() =>
					performance
						.getEntriesByType('resource')
						.filter((e) => e.name.includes('/data/search/'))
						.reduce((n, e) => n + (e as PerformanceResourceTiming).encodedBodySize, 0)
				)
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
			`    cold base load (fetch+parse)  ${String(loads.length).padStart(3)} ${ms(median(loads))} ${ms(p95(loads))}`
		);
		console.log(
			`    index bytes fetched before the first answer (${QUERIES[0]}) ${kb(median(firstBytes))}`
		);
		console.log(
			`    query (parts fetched, search) ${String(engine.length).padStart(3)} ${fmt(median(engine))} ${fmt(p95(engine))}`
		);
		console.log(
			`    query typed → results shown   ${String(endToEnd.length).padStart(3)} ${ms(median(endToEnd))} ${ms(p95(endToEnd))}`
		);
	} finally {
		await browser.close();
		await server.close();
	}
}
