// Benchmark: the built site cold in headless Chromium (paint, chart, DuckDB, queries, import, bytes), the data format choice and the audit.
// Prints medians over several runs; it never fails on a number. Run `npm run build` first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { launch } from '../test/browser/chromium';
import { serveStatic } from './lib/static-server';

const { values } = parseArgs({
	options: {
		runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
		large: { type: 'boolean', default: false }
	}
});
const RUNS = Number(values.runs);

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;
const kb = (x: number) => `${(x / 1024).toFixed(1).padStart(9)} KB`;

type Kind = 'html' | 'js' | 'css' | 'wasm' | 'data' | 'other';
function kindOf(url: string): Kind {
	const p = new URL(url).pathname;
	if (p.endsWith('/') || p.endsWith('.html') || p.endsWith('__data.json')) return 'html';
	if (p.endsWith('.js')) return 'js';
	if (p.endsWith('.css')) return 'css';
	if (p.endsWith('.wasm')) return 'wasm';
	if (p.includes('/data/')) return 'data';
	return 'other';
}

async function benchSite() {
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
	const bytes: Record<Kind, number[]> = {
		html: [],
		js: [],
		css: [],
		wasm: [],
		data: [],
		other: []
	};
	try {
		for (let run = 0; run < RUNS; run++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const seen: Record<Kind, number> = { html: 0, js: 0, css: 0, wasm: 0, data: 0, other: 0 };
			const pending: Promise<void>[] = [];
			page.on('requestfinished', (req) =>
				pending.push(
					req.sizes().then((s) => {
						seen[kindOf(req.url())] += s.responseBodySize + s.responseHeadersSize;
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
			for (const k of Object.keys(seen) as Kind[]) bytes[k].push(seen[k]);
			await context.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}
	console.log(`\nOverview (/), cold cache, ${RUNS} runs, medians (time since navigation start)`);
	console.log(`  first contentful paint      ${ms(median(samples.fcp))}`);
	console.log(`  chart drawn (canvas)        ${ms(median(samples.chart))}`);
	console.log(`  DuckDB-WASM ready           ${ms(median(samples.dbReady))}`);
	console.log(`  data loaded into DuckDB     ${ms(median(samples.dbLoaded))}`);
	console.log(
		`  first in-browser query      ${ms(median(samples.firstQuery))}  (the 2023 overview: 4 queries)`
	);
	console.log(`\nBytes transferred per cold visit (brotli where offered), medians`);
	let total = 0;
	for (const k of Object.keys(bytes) as Kind[]) {
		const b = median(bytes[k]);
		total += b;
		console.log(`  ${k.padEnd(26)}  ${kb(b)}`);
	}
	console.log(`  ${'total'.padEnd(26)}  ${kb(total)}`);
}

function timeMedian(fn: () => unknown, n = 5): number {
	const xs: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = performance.now();
		fn();
		xs.push(performance.now() - t0);
	}
	return median(xs);
}

/** Arrow IPC (what the site loads) against Parquet decoded in JavaScript (hyparquet), per table. */
async function benchFormats(dir: string, label: string) {
	console.log(`\nData format for the browser — ${label} (decode medians of 5 in Node)`);
	console.log(
		`  ${'table'.padEnd(12)} ${'rows'.padStart(8)}  ${'arrow br'.padStart(12)} ${'parquet'.padStart(12)} ${'arrow decode'.padStart(12)} ${'parquet decode'.padStart(15)}`
	);
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
		tables: Record<string, { rows: number; arrow: { path: string }; parquet: { path: string } }>;
	};
	for (const [name, t] of Object.entries(manifest.tables)) {
		const arrow = readFileSync(join(dir, t.arrow.path));
		const parquet = readFileSync(join(dir, t.parquet.path));
		const br = brotliCompressSync(arrow, {
			params: { [constants.BROTLI_PARAM_QUALITY]: arrow.length > 1 << 20 ? 9 : 11 }
		}).length;
		const ab = parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength);
		const arrowMs = timeMedian(() => tableFromIPC(arrow).numRows);
		const xs: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t0 = performance.now();
			await parquetReadObjects({ file: ab, compressors });
			xs.push(performance.now() - t0);
		}
		console.log(
			`  ${name.padEnd(12)} ${String(t.rows).padStart(8)}  ${kb(br)} ${kb(parquet.length)} ${ms(arrowMs)} ${ms(median(xs)).padStart(15)}`
		);
	}
}

async function largeFormats() {
	const { generateDemo, headerOf } = await import('../src/lib/demo/generate');
	const { toCsv } = await import('../src/lib/export/csv');
	const { buildData } = await import('../src/lib/build/build-data');
	const { mkdirSync, writeFileSync } = await import('node:fs');
	const tmp = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
	try {
		const t0 = performance.now();
		const demo = generateDemo({ units: 2000 });
		mkdirSync(join(tmp, 'demo'));
		for (const [name, rows] of Object.entries(demo.tables)) {
			const header = headerOf(name as keyof typeof demo.tables);
			writeFileSync(
				join(tmp, 'demo', `${name}.csv`),
				toCsv(
					header,
					rows.map((r) => header.map((h) => r[h]))
				)
			);
		}
		const t1 = performance.now();
		await buildData({ dataDirs: [join(tmp, 'demo')], outDir: join(tmp, 'out') });
		const t2 = performance.now();
		console.log(
			`\nLarge dataset: 2,000 units, ${demo.tables.indicators.length.toLocaleString('en-US')} indicator rows — generate ${ms(t1 - t0)}, build-data ${ms(t2 - t1)}`
		);
		await benchFormats(join(tmp, 'out'), '2,000 units');
		await benchAudit(join(tmp, 'out'), '2,000 units');
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

const p95 = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};

/** Each view's in-browser queries, driven through its own controls; median and p95 per view. */
async function benchViews() {
	const server = await serveStatic('build');
	const browser = await launch();
	// 2024 down to 2016 and back up: no year twice in a row, and never the latest (prerendered) one.
	const down = Array.from({ length: 9 }, (_, i) => String(2024 - i));
	const sequence = [...down, ...down.slice(0, -1).reverse()];
	const views: {
		name: string;
		path: string;
		measure: string;
		step: (page: import('playwright-core').Page, y: string) => Promise<void>;
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

/** Import throughput in the browser: ~100k indicator rows with their units and forms, through /data. */
async function benchImport() {
	const { generateDemo, headerOf } = await import('../src/lib/demo/generate');
	const { toCsv } = await import('../src/lib/export/csv');
	const { writeFileSync } = await import('node:fs');
	const demo = generateDemo({ units: 290 });
	const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-bench-'));
	const paths: string[] = [];
	let bytes = 0;
	let rows = 0;
	for (const name of ['units', 'evaluations', 'indicators'] as const) {
		const header = headerOf(name);
		const text = toCsv(
			header,
			demo.tables[name].map((r) => header.map((h) => r[h]))
		);
		const p = join(dir, `${name}.csv`);
		writeFileSync(p, text);
		paths.push(p);
		bytes += Buffer.byteLength(text);
		rows += demo.tables[name].length;
	}
	const server = await serveStatic('build');
	const browser = await launch();
	const times: number[] = [];
	const loads: number[] = [];
	const audits: number[] = [];
	let flags = '';
	try {
		for (let run = 0; run < Math.max(3, Math.min(RUNS, 5)); run++) {
			const page = await browser.newPage();
			await page.goto(`${server.url}/data/`);
			await page.waitForSelector('html[data-hydrated]');
			const t0 = performance.now();
			await page.setInputFiles('input[type=file]', paths);
			await page.waitForSelector('[data-testid="totals"]', { timeout: 300_000 });
			times.push(performance.now() - t0);
			// Loading into DuckDB-WASM, then the audit of the whole loaded dataset.
			await page.waitForSelector('[data-db-status="ready"]', { timeout: 120_000 });
			const t1 = performance.now();
			await page.click('[data-action="load"]');
			await page.waitForSelector('[data-testid="loaded-audit"]', { timeout: 300_000 });
			loads.push(performance.now() - t1);
			const text = (await page.textContent('[data-testid="loaded-audit"]')) ?? '';
			audits.push(Number(/用时 (\d+) 毫秒|\((\d+) ms\)/.exec(text)?.slice(1).find(Boolean) ?? NaN));
			flags = /(\d[\d,]*) 个疑点|(\d[\d,]*) flags/.exec(text)?.slice(1).find(Boolean) ?? '?';
			await page.close();
		}
	} finally {
		await browser.close();
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
	const m = median(times) / 1000;
	console.log(
		`\nImport in the browser (read, decode, parse, normalise, validate in a Web Worker), ${times.length} runs`
	);
	console.log(
		`  ${demo.tables.indicators.length.toLocaleString('en-US')} indicator rows + units + forms = ${rows.toLocaleString('en-US')} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB`
	);
	console.log(
		`  median ${ms(m * 1000)}  →  ${Math.round(rows / m).toLocaleString('en-US')} rows/s, ${(bytes / 1024 / 1024 / m).toFixed(1)} MB/s`
	);
	console.log(
		`  then load into DuckDB-WASM and audit: median ${ms(median(loads))}, of which the audit ${ms(median(audits))} (${flags} flags)`
	);
}

/** The audit in Node (as at build time and in `npm run audit`): read, run the rules, write the tables. */
async function benchAudit(dir: string, label: string) {
	const { openBuiltDataset } = await import('../src/lib/db/node');
	const { readAuditInput, runAudit, writeAudit } = await import('../src/lib/audit');
	const db = await openBuiltDataset(dir);
	try {
		const read: number[] = [];
		const rules: number[] = [];
		const write: number[] = [];
		let result: ReturnType<typeof runAudit> | null = null;
		for (let i = 0; i < Math.max(3, RUNS); i++) {
			const t0 = performance.now();
			const input = await readAuditInput(db);
			const t1 = performance.now();
			result = runAudit(input);
			const t2 = performance.now();
			await writeAudit(db, result);
			write.push(performance.now() - t2);
			read.push(t1 - t0);
			rules.push(t2 - t1);
		}
		console.log(
			`\nAudit in Node DuckDB — ${label}: ${result!.forms.length.toLocaleString('en-US')} forms, ${result!.indicators.length.toLocaleString('en-US')} indicator rows, ${result!.flags.length.toLocaleString('en-US')} flags`
		);
		console.log(
			`  read ${ms(median(read))}   rules ${ms(median(rules))}   write ${ms(median(write))}   (medians of ${read.length})`
		);
	} finally {
		await db.close();
	}
}

await benchSite();
await benchViews();
await benchImport();
await benchFormats('build/data', 'bundled data');
await benchAudit('build/data', 'bundled data');
if (values.large) await largeFormats();
