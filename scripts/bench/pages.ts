// Measures pages of a built site cold in Chromium: paint, DuckDB ready, first answer to a year change, bytes by kind, heap, query latency.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fileKind, FILE_KINDS, type FileKind } from '../lib/site-report';
import { rendererMemory } from '../lib/proc-memory';
import type { StaticServer } from '../lib/static-server';
import { changeYear, hasControl, yearChoices, type Control } from './drive';

/** A page to measure: its path, and the year control and query (`jixiao:query:<measure>`) it answers with. */
export interface PageSpec {
	name: string;
	path: string;
	/** The query a year change sets off; undefined: whichever comes. */
	measure?: string;
	/** Tried in order; the first the page shows is used. None: the page is only loaded. */
	controls: Control[];
}

const YEAR_SELECT: Control = { kind: 'select', selector: 'select[name="year"]' };
const YEAR_LINKS: Control = { kind: 'links', selector: 'nav.years a' };

const dirs = (d: string) =>
	existsSync(d)
		? readdirSync(d, { withFileTypes: true })
				.filter((e) => e.isDirectory())
				.map((e) => e.name)
		: [];

/**
 * The pages the scale benchmark visits, found in the built site: the overviews (home and the
 * latest year's), a unit's page, and each view with a year control.
 */
export function sitePages(site: string): PageSpec[] {
	const latest = dirs(join(site, 'years'))
		.filter((y) => /^\d{4}$/.test(y))
		.sort()
		.at(-1);
	const unit = dirs(join(site, 'units'))
		.sort()
		.find((id) => existsSync(join(site, 'units', id, 'index.html')));
	const pages: (PageSpec | null)[] = [
		{ name: 'overview', path: '/', measure: 'overview', controls: [YEAR_LINKS] },
		latest
			? {
					name: `year ${latest}`,
					path: `/years/${latest}/`,
					measure: 'overview',
					controls: [YEAR_LINKS]
				}
			: null,
		unit ? { name: 'unit', path: `/units/${unit}/`, controls: [YEAR_SELECT, YEAR_LINKS] } : null,
		{ name: 'audit', path: '/audit/', measure: 'audit', controls: [YEAR_SELECT] },
		{
			name: 'forms',
			path: '/forms/',
			measure: 'forms',
			// One year's forms (from = to): a range open at one end covers every year before or after.
			controls: [{ kind: 'range', selector: 'select[name="to"]', params: ['from', 'to'] }]
		},
		{ name: 'trends', path: '/trends/', measure: 'trends', controls: [] },
		{ name: 'compare', path: '/compare/', measure: 'compare', controls: [YEAR_SELECT] },
		{ name: 'projects', path: '/projects/', measure: 'projects', controls: [YEAR_SELECT] },
		{ name: 'indicators', path: '/indicators/', measure: 'indicators', controls: [YEAR_SELECT] }
	];
	return pages.filter((p): p is PageSpec => p !== null);
}

type Bytes = Record<FileKind, number>;
const noBytes = (): Bytes => Object.fromEntries(FILE_KINDS.map((k) => [k, 0])) as Bytes;

/** One cold visit's figures; NaN where the page has no such thing (no control, no DuckDB). */
export interface Visit {
	fcp: number;
	dbReady: number;
	/** When the first year change was answered (ms since navigation start). */
	firstAnswer: number;
	/** That answer's query alone. */
	firstQuery: number;
	/** Transferred bytes (as sent: brotli where accepted) until the first answer, by kind. */
	before: Bytes;
	/** Transferred bytes of the whole visit (all year changes included), by kind. */
	all: Bytes;
	/** The files' own bytes of the whole visit (before compression). */
	decoded: number;
	/** The page's JS heap (main thread) after the first answer, bytes. */
	heap: number;
	/** The page's renderer (workers and DuckDB-WASM included): resident at the end, and its peak. */
	rss: number;
	rssPeak: number;
	/** The queries of the later year changes, ms. */
	latencies: number[];
	/** The query measure that answered ('' when none did). */
	measured: string;
}

export interface VisitOptions {
	timeout: number;
	/** Year changes after the first, for the latency. */
	changes: number;
}

/** Sums of `bytes` whose finish is at or before `until` (epoch ms; Infinity: all). */
function sum(reqs: { kind: FileKind; bytes: number; end: number }[], until = Infinity): Bytes {
	const b = noBytes();
	for (const r of reqs) if (r.end <= until) b[r.kind] += r.bytes;
	return b;
}

async function jsHeap(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	await cdp.detach();
	return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
}

/** Opens `spec` in a fresh context (cold cache) and measures it. */
export async function visitPage(
	browser: Browser,
	server: StaticServer,
	site: string,
	spec: PageSpec,
	opts: VisitOptions
): Promise<Visit> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const base = new URL(server.url).pathname.replace(/\/$/, '');
	const reqs: { kind: FileKind; bytes: number; decoded: number; end: number }[] = [];
	const pending: Promise<void>[] = [];
	try {
		const page = await context.newPage();
		page.setDefaultTimeout(opts.timeout);
		page.on('requestfinished', (req) =>
			pending.push(
				req.sizes().then(
					(s) => {
						const path = new URL(req.url()).pathname.slice(base.length);
						const t = req.timing();
						reqs.push({
							kind: fileKind(path),
							bytes: s.responseBodySize + s.responseHeadersSize,
							decoded: decodedSize(site, path),
							end: t.startTime + Math.max(0, t.responseEnd)
						});
					},
					() => {}
				)
			)
		);
		await page.goto(`${server.url}${spec.path}`);
		await page.waitForSelector('html[data-hydrated]');
		const origin = await page.evaluate(() => performance.timeOrigin);
		const fcp = await page
			.waitForFunction(
				() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
				undefined,
				{ timeout: 10_000 }
			)
			.then(
				(h) => h.jsonValue() as Promise<number>,
				() => NaN
			);
		let control: Control | undefined;
		for (const c of spec.controls) if (!control && (await hasControl(page, c))) control = c;
		const v: Visit = {
			fcp,
			dbReady: NaN,
			firstAnswer: NaN,
			firstQuery: NaN,
			before: noBytes(),
			all: noBytes(),
			decoded: 0,
			heap: NaN,
			rss: NaN,
			rssPeak: NaN,
			latencies: [],
			measured: ''
		};
		let answeredAt = Infinity;
		// A page that answers in the browser starts DuckDB when idle (within 1.5 s of hydrating);
		// one that does not (a unit's page: its year links open other prerendered pages) leaves it idle.
		const starts =
			control !== undefined &&
			(await page
				.waitForSelector('[data-db-status]:not([data-db-status="idle"])', { timeout: 5000 })
				.then(
					() => true,
					() => false
				));
		if (control && starts) {
			// The overview answers a year change from DuckDB only once it is ready (before, it opens the prerendered year).
			await page.waitForSelector('[data-db-status="ready"]', { timeout: opts.timeout });
			const { years, current } = await yearChoices(page, control);
			const others = years.filter((y) => y !== current);
			const first = others[0];
			if (first) {
				const q = await changeYear(page, control, first, spec.measure, opts.timeout);
				if (q) {
					v.firstAnswer = q.startTime + q.duration;
					v.firstQuery = q.duration;
					v.measured = q.name;
					answeredAt = origin + v.firstAnswer;
				}
				v.heap = await jsHeap(page);
				// Down the years and back, never the same year twice in a row.
				const cycle = [...others.slice(1), current ?? '', ...others.slice(0, -1).reverse()].filter(
					Boolean
				);
				for (let i = 0; i < opts.changes && cycle.length > 0; i++) {
					const r = await changeYear(
						page,
						control,
						cycle[i % cycle.length],
						spec.measure,
						Math.min(opts.timeout, 60_000)
					);
					if (r) v.latencies.push(r.duration);
				}
			}
		} else v.heap = await jsHeap(page);
		v.dbReady = await page.evaluate(
			() => performance.getEntriesByName('jixiao:db-ready')[0]?.startTime ?? NaN
		);
		await page.waitForLoadState('networkidle', { timeout: opts.timeout }).catch(() => {});
		const mem = rendererMemory();
		v.rss = mem?.rss ?? NaN;
		v.rssPeak = mem?.peak ?? NaN;
		await Promise.all(pending);
		v.before = answeredAt === Infinity ? v.before : sum(reqs, answeredAt);
		v.all = sum(reqs);
		v.decoded = reqs.reduce((a, r) => a + r.decoded, 0);
		return v;
	} finally {
		await context.close();
	}
}

/** The file's own size for a URL path of the site (0 when it is not a file there). */
function decodedSize(site: string, path: string): number {
	try {
		const p = decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path);
		return statSync(join(site, p)).size;
	} catch {
		return 0;
	}
}
