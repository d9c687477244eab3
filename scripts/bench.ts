// Benchmark: the built site cold in headless Chromium (paint, chart, DuckDB, queries, import, bytes), the data format choice and the audit.
// Prints medians over several runs; it never fails on a number. Run `npm run build` first.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { launch } from './lib/chromium';
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

/** Long tasks (≥ 50 ms) of the main thread, collected from the first moment of the page. */
function observeLongTasks() {
	const w = window as unknown as { __longtasks: { start: number; duration: number }[] };
	w.__longtasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries())
			w.__longtasks.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask', buffered: true });
}

interface ImportRun {
	check: number;
	load: number;
	audit: number;
	worker: { check: number; batches: number };
	longestCheck: number;
	longestLoad: number;
	flags: string;
}

/** One import through /data: choose the files, wait for the report, load, wait for the audit. */
async function importOnce(
	browser: import('playwright-core').Browser,
	url: string,
	paths: string[],
	throttle: number
): Promise<ImportRun> {
	const page = await browser.newPage();
	try {
		await page.addInitScript(observeLongTasks);
		await page.goto(`${url}/data/`);
		await page.waitForSelector('html[data-hydrated]');
		await page.waitForSelector('[data-db-status="ready"]', { timeout: 120_000 });
		if (throttle > 1) {
			const cdp = await page.context().newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
		}
		const now = () => page.evaluate(() => performance.now());
		const t0 = await now();
		const w0 = performance.now();
		await page.setInputFiles('input[type=file]', paths);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 600_000 });
		const check = performance.now() - w0;
		const t1 = await now();
		const w1 = performance.now();
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded-audit"]', { timeout: 600_000 });
		const load = performance.now() - w1;
		const t2 = await now();
		const got = await page.evaluate(() => {
			const tasks = (window as unknown as { __longtasks: { start: number; duration: number }[] })
				.__longtasks;
			const m = performance.getEntriesByName('jixiao:import:check').at(-1) as
				PerformanceMeasure | undefined;
			const l = performance.getEntriesByName('jixiao:import:load').at(-1) as
				PerformanceMeasure | undefined;
			return {
				tasks,
				worker: (m?.detail ?? { check: NaN, batches: NaN }) as { check: number; batches: number },
				audit: (l?.detail as { audit: number } | undefined)?.audit ?? NaN,
				text: document.querySelector('[data-testid="loaded-audit"]')?.textContent ?? ''
			};
		});
		const longest = (from: number, to: number) =>
			Math.max(
				0,
				...got.tasks.filter((x) => x.start >= from && x.start < to).map((x) => x.duration)
			);
		return {
			check,
			load,
			audit: got.audit,
			worker: got.worker,
			longestCheck: longest(t0, t1),
			longestLoad: longest(t1, t2),
			flags: /(\d[\d,]*) 个疑点|(\d[\d,]*) flags/.exec(got.text)?.slice(1).find(Boolean) ?? '?'
		};
	} finally {
		await page.close();
	}
}

/**
 * Import in the browser: ~100k indicator rows with their units and forms (~17 MB of CSV) through
 * /data — throughput of the check (worker) and of the load (DuckDB-WASM + audit), and the longest
 * main-thread task of each, without and with 6× CPU throttling (CDP Emulation.setCPUThrottlingRate).
 */
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
	const runs: Record<number, ImportRun[]> = { 1: [], 6: [] };
	try {
		for (const throttle of [1, 6])
			for (let run = 0; run < (throttle === 1 ? Math.max(3, Math.min(RUNS, 5)) : 2); run++)
				runs[throttle].push(await importOnce(browser, server.url, paths, throttle));
	} finally {
		await browser.close();
		await server.close();
		rmSync(dir, { recursive: true, force: true });
	}
	const mbytes = bytes / 1024 / 1024;
	const med = (xs: ImportRun[], f: (r: ImportRun) => number) => median(xs.map(f));
	console.log(
		`\nImport in the browser: ${demo.tables.indicators.length.toLocaleString('en-US')} indicator rows + units + forms = ${rows.toLocaleString('en-US')} rows, ${mbytes.toFixed(1)} MB of CSV`
	);
	for (const throttle of [1, 6]) {
		const xs = runs[throttle];
		const check = med(xs, (r) => r.check) / 1000;
		const load = med(xs, (r) => r.load) / 1000;
		console.log(
			`  CPU ${throttle === 1 ? 'not throttled' : `throttled ${throttle}×`} (${xs.length} runs, medians; longest task = max over runs)`
		);
		console.log(
			`    check (read, decode, parse, validate, Arrow batches; worker)  ${ms(check * 1000)}  →  ${(mbytes / check).toFixed(1)} MB/s, ${Math.round(rows / check).toLocaleString('en-US')} rows/s   [worker: check ${ms(med(xs, (r) => r.worker.check))}, batches ${ms(med(xs, (r) => r.worker.batches))}]`
		);
		console.log(
			`    load into DuckDB-WASM + audit (worker)                        ${ms(load * 1000)}  →  ${(mbytes / load).toFixed(1)} MB/s   [audit ${ms(med(xs, (r) => r.audit))}, ${xs[0]?.flags} flags]`
		);
		const worst = (f: (r: ImportRun) => number) => Math.max(...xs.map(f));
		const lt = (x: number) => (x === 0 ? '   < 50 ms (none)' : ms(x));
		console.log(
			`    longest main-thread task: during the check ${lt(worst((r) => r.longestCheck))}, during load + audit ${lt(worst((r) => r.longestLoad))}`
		);
	}
}

/** The audit in Node (as at build time and in `npm run audit`): read, run the rules, write the tables. */
async function benchAudit(dir: string, label: string) {
	const { openBuiltDataset } = await import('../src/lib/db/node');
	const { runAudit } = await import('../src/lib/audit');
	const { readAuditInput } = await import('../src/lib/queries/audit-input');
	const { writeAudit } = await import('../src/lib/dataset/audit');
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

/** Reading the reference document in each format (Node): first read (loads the reader), then medians; and the reader chunks' bytes in the build. */
async function benchDocuments() {
	const { readDocument } = await import('../src/lib/documents/read');
	const { importDocuments } = await import('../src/lib/documents/import');
	const files = [
		'test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt',
		'test/fixtures/documents/lukou-2023.html',
		'test/fixtures/documents/lukou-2023-gbk.html',
		'test/fixtures/documents/lukou-2023.docx',
		'test/fixtures/documents/lukou-2023.xlsx',
		'test/fixtures/documents/lukou-2023.pdf'
	];
	console.log(
		`\nReading the reference document (Node, read + recognise + canonical rows; first run loads the reader, then median of ${RUNS})`
	);
	console.log(
		`  ${'file'.padEnd(36)} ${'bytes'.padStart(9)} ${'first'.padStart(10)} ${'median'.padStart(10)}  forms  rows`
	);
	for (const path of files) {
		const bytes = new Uint8Array(readFileSync(path));
		const name = path.split('/').pop()!;
		const unit = { unit_id: 'u1', provenance: 'published' as const };
		const once = async () => {
			const t0 = performance.now();
			const read = await readDocument({ name, bytes });
			const imp = importDocuments([{ read, unit }]);
			return { ms: performance.now() - t0, read, imp };
		};
		const first = await once();
		const xs: number[] = [];
		for (let i = 0; i < RUNS; i++) xs.push((await once()).ms);
		const rows = [...first.imp.result.rows.values()].reduce((n, r) => n + r.length, 0);
		console.log(
			`  ${name.padEnd(36)} ${String(bytes.length).padStart(9)} ${ms(first.ms)} ${ms(median(xs))}  ${String(first.read.recognised?.forms.length ?? 0).padStart(5)} ${String(rows).padStart(5)}`
		);
	}
	documentChunks();
}

/**
 * The bytes the document readers add, from the built import worker's own import graph: the chunks
 * it fetches only when a document is dropped (its dynamic imports), each reader's on top of the
 * core. The page chunks and the worker itself hold none of it (the browser tests check that).
 */
function documentChunks() {
	const dir = 'build/_app/immutable/workers';
	const entry = existsSync(dir)
		? readdirSync(dir).find((f) => /^import\.worker-.*\.js$/.test(f))
		: undefined;
	if (!entry) return console.log('  (no build: run npm run build for the reader chunks)');
	const code = (f: string) => readFileSync(join(dir, f), 'utf8');
	const deps = (f: string, kind: 'static' | 'dynamic') => {
		const re =
			kind === 'dynamic'
				? /import\(\s*[`'"]\.\/(?:chunks\/)?([\w-]+\.js)[`'"]\s*\)/g
				: /(?:from|import)\s*["']\.\/(?:chunks\/)?([\w-]+\.js)["']/g;
		const base = f.includes('/') ? '' : 'chunks/';
		return [...code(f).matchAll(re)].map((m) =>
			f.startsWith('chunks/') || base ? `chunks/${m[1]}` : m[1]
		);
	};
	const closure = (roots: string[], dynamic = false, stop: ReadonlySet<string> = new Set()) => {
		const seen = new Set<string>();
		const stack = [...roots];
		while (stack.length) {
			const f = stack.pop()!;
			if (seen.has(f) || stop.has(f) || !existsSync(join(dir, f))) continue;
			seen.add(f);
			stack.push(...deps(f, 'static'), ...(dynamic ? deps(f, 'dynamic') : []));
		}
		return seen;
	};
	const size = (files: Iterable<string>) => {
		let raw = 0;
		let br = 0;
		for (const f of files) {
			const b = readFileSync(join(dir, f));
			raw += b.length;
			br += brotliCompressSync(b).length;
		}
		return `${kb(raw)} raw ${kb(br)} brotli`;
	};
	const worker = closure([entry]);
	const coreRoots = deps(entry, 'dynamic');
	const core = new Set([...closure(coreRoots)].filter((f) => !worker.has(f)));
	console.log(
		`\nDocument readers in the build: the import worker (${size(worker)}) holds none of them; a dropped document fetches`
	);
	console.log(`  core: recogniser, tables, text reader   ${size(core)}`);
	// Each reader's chunks, by a word only its code has (the XML readers each count htmlparser2, which they share).
	const label: [RegExp, string][] = [
		[/getOperatorList/, 'PDF reader with pdf.js'],
		[/空段落/, 'text reader'],
		[/gridSpan/, 'DOCX reader (+ htmlparser2)'],
		[/mergeCell/, 'XLSX form reader (+ htmlparser2)'],
		[/charset/, 'HTML reader (+ htmlparser2)']
	];
	for (const f of [...core].flatMap((c) => deps(c, 'dynamic'))) {
		const own = [...closure([f], true, new Set([...core, ...worker]))];
		const text = own.map(code).join('\n');
		const name = label.find(([re]) => re.test(text))?.[1] ?? f;
		console.log(`  + ${name.padEnd(36)} ${size(own)}`);
	}
}

const only = process.env.BENCH_ONLY;
if (!only || only === 'site') await benchSite();
if (!only || only === 'views') await benchViews();
if (!only || only === 'import') await benchImport();
if (!only || only === 'documents') await benchDocuments();
if (only) process.exit(0);
await benchFormats('build/data', 'bundled data');
await benchAudit('build/data', 'bundled data');
if (values.large) await largeFormats();
