// Benchmark: an import of ~100k rows through /data in headless Chromium — check and load throughput, longest main-thread task, CPU throttled too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from '../lib/chromium';
import { serveStatic } from '../lib/static-server';
import { median, ms, type BenchOptions } from './lib';

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
	browser: Browser,
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
export async function benchImport(opts: BenchOptions) {
	const { generateDemo, headerOf } = await import('../../src/lib/demo/generate');
	const { toCsv } = await import('../../src/lib/export/csv');
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
			for (let run = 0; run < (throttle === 1 ? Math.max(3, Math.min(opts.runs, 5)) : 2); run++)
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
