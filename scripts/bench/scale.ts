// Benchmark `--units N`: generates N demo units, builds a site of them (+ data/sample) in a scratch copy, and measures build, size and pages.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from '../lib/chromium';
import { mb, reportLines, siteReport } from '../lib/site-report';
import { serveStatic } from '../lib/static-server';
import { kb, median, ms, p95, type BenchOptions, type ScaleOptions } from './lib';
import { sitePages, visitPage, type PageSpec, type Visit } from './pages';
import { buildScaled, ROOT, runNode } from './scale-build';

const sec = (x: number) => `${(x / 1000).toFixed(1).padStart(7)} s`;
const num = (x: number) => x.toLocaleString('en-US');

/** The generated data folder: --data, else generated into the scratch folder (reused there when complete). */
async function demoData(o: ScaleOptions, work: string): Promise<string> {
	if (o.data) return resolve(o.data);
	const dir = join(work, `units-${o.units}-seed-${o.seed}`);
	// The mark sits beside the folder: build-data reads every file in it.
	const done = `${dir}.done`;
	if (existsSync(done)) {
		console.log(`  generate: reused ${dir}`);
		return dir;
	}
	const t = await runNode(
		[
			'--import',
			'tsx',
			'scripts/generate-demo.ts',
			'--units',
			String(o.units),
			'--seed',
			String(o.seed),
			'--out',
			dir
		],
		{
			cwd: ROOT,
			env: { NODE_OPTIONS: `--max-old-space-size=${o.heap}` },
			log: `${dir}.log`
		}
	);
	writeFileSync(done, '');
	console.log(`  generate: ${sec(t)}  → ${dir}`);
	return dir;
}

/** The rows per table, from the built data's manifest (when it lists them so). */
function rowsLine(site: string): string {
	try {
		const m = JSON.parse(readFileSync(join(site, 'data', 'manifest.json'), 'utf8')) as {
			tables?: Record<string, { rows?: number }>;
		};
		return Object.entries(m.tables ?? {})
			.filter(([, t]) => typeof t.rows === 'number')
			.map(([name, t]) => `${name} ${num(t.rows!)}`)
			.join(', ');
	} catch {
		return '';
	}
}

export async function benchScale(opts: BenchOptions): Promise<void> {
	const o = opts.scale;
	if (!o) throw new Error('the scale benchmark needs --units N');
	if (o.site) {
		const site = resolve(o.site);
		console.log(`\nScale: the site built in ${site} (--site: not generated, not built here)`);
		for (const line of reportLines(await siteReport(site))) console.log(`  ${line}`);
		if (!o.buildOnly) await measurePages(site, o, opts.runs);
		return;
	}
	const work = o.work ? resolve(o.work) : mkdtempSync(join(tmpdir(), 'jixiao-scale-'));
	mkdirSync(work, { recursive: true });
	console.log(
		`\nScale: ${num(o.units)} generated units (seed ${o.seed}) + data/sample, in ${work}`
	);
	try {
		const data = await demoData(o, work);
		const build = await buildScaled(join(work, 'site'), [data, join(ROOT, 'data/sample')], {
			heap: o.heap,
			log: (l) => console.log(l)
		});
		const pr = build.vite.prerender;
		console.log(`\nBuild (${num(o.units)} units)`);
		console.log(`  build-data                  ${sec(build.buildData.ms)}`);
		console.log(
			`  vite build                  ${sec(build.vite.ms)}${pr ? `  (bundles ${sec(pr.from).trim()}, prerender ${sec(pr.to - pr.from).trim()}, the rest ${sec(build.vite.ms - pr.to).trim()})` : ''}`
		);
		console.log(`  total                       ${sec(build.total)}`);
		const rows = rowsLine(build.site);
		if (rows) console.log(`  rows: ${rows}`);
		console.log('');
		for (const line of reportLines(await siteReport(build.site))) console.log(`  ${line}`);
		if (!o.buildOnly) await measurePages(build.site, o, opts.runs);
	} finally {
		if (!o.work) rmSync(work, { recursive: true, force: true });
	}
}

async function measurePages(site: string, o: ScaleOptions, runs: number): Promise<void> {
	const server = await serveStatic(site);
	const browser = await launch();
	const specs = sitePages(site).filter((p) => !o.pages || o.pages.includes(p.name.split(' ')[0]));
	const results = new Map<PageSpec, Visit[]>();
	const vo = { timeout: o.timeout, changes: o.changes };
	try {
		// One visit first, untimed: the server compresses each file once (then serves it from memory).
		await visitPage(browser, server, site, specs[0], { ...vo, changes: 0 });
		for (let run = 0; run < runs; run++) {
			const line: string[] = [];
			for (const spec of specs) {
				const t0 = performance.now();
				const v = await visitPage(browser, server, site, spec, vo).catch((e: unknown) => {
					console.log(`  ${spec.name}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
					return null;
				});
				line.push(`${spec.name} ${sec(performance.now() - t0).trim()}`);
				if (v)
					console.log(
						`    ${spec.name}: FCP ${ms(v.fcp).trim()}, DuckDB ready ${ms(v.dbReady).trim()}, answer ${ms(v.firstAnswer).trim()}, to answer ${kb(sumBytes(v.before)).trim()} (data ${kb(v.before.data).trim()}), visit ${kb(sumBytes(v.all)).trim()}, heap ${mb(v.heap)}, renderer peak ${mb(v.rssPeak)}, queries ${v.latencies.map((x) => x.toFixed(0)).join(' ')} ms`
					);
				if (v) results.set(spec, [...(results.get(spec) ?? []), v]);
			}
			console.log(`  run ${run + 1}/${runs}: ${line.join(', ')}`);
		}
	} finally {
		await browser.close();
		await server.close();
	}
	printPages(results, runs, o);
	console.log(
		`  (server: ${server.stats.compressed} files compressed on the fly in ${sec(server.stats.compressMs).trim()}, ${server.stats.cacheHits} sent from its cache)`
	);
}

const sumBytes = (b: Visit['all']) => Object.values(b).reduce((a, x) => a + x, 0);

const med = (vs: Visit[], f: (v: Visit) => number) => {
	const xs = vs.map(f).filter((x) => !Number.isNaN(x));
	return xs.length ? median(xs) : NaN;
};
const cell = (x: number, f: (x: number) => string, width: number) =>
	Number.isNaN(x) ? '—'.padStart(width) : f(x).padStart(width);

function printPages(results: Map<PageSpec, Visit[]>, runs: number, o: ScaleOptions): void {
	const W = 14;
	console.log(
		`\nPages, cold (fresh context), ${runs} runs, medians; times since navigation start. ` +
			`"answer": the first year change answered in the browser (after DuckDB is ready)`
	);
	console.log(
		`  ${'page'.padEnd(W)} ${'FCP'.padStart(10)} ${'DB ready'.padStart(10)} ${'answer'.padStart(10)} ${'its query'.padStart(10)} ${'JS heap'.padStart(10)} ${'renderer'.padStart(10)} ${'peak'.padStart(10)}`
	);
	for (const [spec, vs] of results) {
		const t = (f: (v: Visit) => number) => cell(med(vs, f), ms, 10);
		const m = (f: (v: Visit) => number) => cell(med(vs, f), mb, 10);
		console.log(
			`  ${spec.name.padEnd(W)} ${t((v) => v.fcp)} ${t((v) => v.dbReady)} ${t((v) => v.firstAnswer)} ${t((v) => v.firstQuery)} ${m((v) => v.heap)} ${m((v) => v.rss)} ${m((v) => v.rssPeak)}`
		);
	}
	console.log(
		`\nBytes per cold visit as transferred (brotli q5 on the fly), medians. "to answer": until the first year change is answered; "its data": of that, the dataset's files under data/ (target ≤ 2 MB); "visit": all, the later year changes included`
	);
	const kinds = ['html', 'page-data', 'js', 'css', 'wasm', 'data', 'other'] as const;
	console.log(
		`  ${'page'.padEnd(W)} ${'to answer'.padStart(12)} ${'its data'.padStart(12)} ${'visit'.padStart(12)} ${kinds.map((k) => k.padStart(12)).join(' ')} ${'unencoded'.padStart(12)}`
	);
	for (const [spec, vs] of results) {
		const answered = vs.some((v) => !Number.isNaN(v.firstAnswer));
		const k = (f: (v: Visit) => number) => cell(med(vs, f), kb, 12);
		console.log(
			`  ${spec.name.padEnd(W)} ${answered ? k((v) => sumBytes(v.before)) : '—'.padStart(12)} ${answered ? k((v) => v.before.data) : '—'.padStart(12)} ${k((v) => sumBytes(v.all))} ${kinds.map((kind) => k((v) => v.all[kind])).join(' ')} ${k((v) => v.decoded)}`
		);
	}
	console.log(
		`\nIn-browser query per year change (${o.changes} changes a visit after the first, over ${runs} runs)`
	);
	console.log(
		`  ${'page'.padEnd(W)} ${'query'.padEnd(12)} ${'n'.padStart(4)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`
	);
	for (const [spec, vs] of results) {
		const xs = vs.flatMap((v) => v.latencies);
		const name = vs.find((v) => v.measured)?.measured ?? '';
		const why = !spec.controls.length
			? '(no control)'
			: vs.every((v) => Number.isNaN(v.dbReady))
				? '(no DuckDB)'
				: '(none came)';
		console.log(
			`  ${spec.name.padEnd(W)} ${(name || why).padEnd(12)} ${String(xs.length).padStart(4)} ${cell(xs.length ? median(xs) : NaN, ms, 10)} ${cell(xs.length ? p95(xs) : NaN, ms, 10)}`
		);
	}
}
