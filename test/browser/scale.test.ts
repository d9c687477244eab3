// A province-size site in Chromium: N generated units (+ the sample) built in the test, every view's filter, the region level, paging, the unit picker and no-JS pages, checked against the generated CSVs and the partitions each view names.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScaled, runNode } from '../../scripts/bench/scale-build';
import { RULES } from '../../src/lib/audit';
import type { Manifest } from '../../src/lib/db/manifest';
import { NodeConnector } from '../../src/lib/db/node';
import { PartLoader } from '../../src/lib/db/part-loader';
import type { Need } from '../../src/lib/db/parts';
import { wan } from '../../src/lib/format/number';
import { partPath, type IndexBase } from '../../src/lib/search/format';
import { SearchIndex } from '../../src/lib/search/index';
import { GROUPS } from '../../src/lib/search/types';
import { MAX_BARS } from '../../src/lib/views/overview/sizes';
import { PROJECTS_SHOWN } from '../../src/lib/views/unit/load';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../src/lib/views/regions/sizes';
import {
	auditNeeds,
	compareNeeds,
	formsNeeds,
	indicatorsNeeds,
	overviewNeeds,
	projectsNeeds,
	regionNeeds,
	trendsNeeds,
	unitNeeds
} from '../../src/lib/views/needs';
import { ROOT, readRows, unitsTree } from '../helpers/data';
import { startHarness, type Harness } from './harness';

/**
 * JIXIAO_SCALE_UNITS: units generated (default 150: past the sizes where pages change — the
 * ranking's first page, the chart's lowest bars, paged regions, a county of several units — at
 * half the build time of 300, for the CI's 20 minutes). JIXIAO_SCALE_SITE: a site built before (its
 * generated CSVs in JIXIAO_SCALE_DATA, default the folder `data` beside it): nothing generated or
 * built, and nothing deleted.
 */
const UNITS = Number(process.env.JIXIAO_SCALE_UNITS ?? 150);
const GIVEN = process.env.JIXIAO_SCALE_SITE;

let h: Harness;
let work: string | undefined;
let site: string;
let manifest: Manifest;
/** Only its `pathsOf` is used: which files a view's needs name, as the browser's loader reads them. */
let loader: PartLoader;
let duck: NodeConnector;
/** The generated CSVs with the sample's rows. */
let T: ReturnType<typeof tables>;

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Generates the units and builds the site of them and data/sample; returns the site and the CSV folder. */
async function generateAndBuild(): Promise<{ site: string; data: string }> {
	work = mkdtempSync(join(tmpdir(), 'jixiao-scale-test-'));
	const data = join(work, 'data');
	const t0 = performance.now();
	await runNode(
		['--import', 'tsx', 'scripts/generate-demo.ts', '--units', String(UNITS), '--out', data],
		{ cwd: ROOT, log: join(work, 'generate.log') }
	);
	const generated = performance.now() - t0;
	const b = await buildScaled(join(work, 'project'), [data, join(ROOT, 'data/sample')], {
		heap: 4096,
		log: () => {}
	});
	const pr = b.vite.prerender;
	console.log(
		`scale test, ${UNITS} units: generate ${sec(generated)}, build-data ${sec(b.buildData.ms)}, vite build ${sec(b.vite.ms)}` +
			(pr ? ` (prerender ${sec(pr.to - pr.from)})` : '') +
			`, build ${sec(b.total)} (logs in ${join(work, 'project')})`
	);
	return { site: b.site, data };
}

function tables(data: string) {
	const rows = (t: string) => [...readRows('data/sample', t), ...readRows(data, t)];
	const units = rows('units');
	const evaluations = rows('evaluations');
	const evalYear = new Map(evaluations.map((e) => [e.eval_id, Number(e.year)]));
	// The demo's flags are exactly its answer key (test/browser/audit.test.ts), the sample's three are of
	// 2023; a flag of a rule about the unit's years together has no year.
	const flagYears = [
		...readRows(join(data, 'audit-key'), 'planted')
			.filter((p) => RULES.find((r) => r.id === p.kind)!.scope !== 'unit')
			.map((p) => evalYear.get(p.eval_id)!),
		2023,
		2023,
		2023
	];
	return {
		units,
		evaluations,
		indicators: rows('indicators'),
		flagYears,
		years: [...new Set(evaluations.map((e) => Number(e.year)))].sort((a, b) => a - b),
		tree: unitsTree(units)
	};
}

/** Every input file of the build is this folder's or the sample's, byte for byte: the CSVs are the site's. */
function checkInputs(data: string) {
	for (const input of manifest.inputs) {
		const name = input.file.split('/').pop()!;
		const file = input.file.startsWith('sample/')
			? join(ROOT, 'data/sample', name)
			: join(data, name);
		const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
		expect(sha, `${input.file} is ${file}`).toBe(input.sha256);
	}
}

beforeAll(async () => {
	const built = GIVEN
		? {
				site: resolve(GIVEN),
				data: resolve(process.env.JIXIAO_SCALE_DATA ?? join(dirname(resolve(GIVEN)), 'data'))
			}
		: await generateAndBuild();
	site = built.site;
	if (!existsSync(join(site, 'index.html'))) throw new Error(`no built site in ${site}`);
	manifest = JSON.parse(readFileSync(join(site, 'data', 'manifest.json'), 'utf8')) as Manifest;
	checkInputs(built.data);
	T = tables(built.data);
	duck = await NodeConnector.open();
	loader = new PartLoader(manifest.parts, duck, async () => null);
	h = await startHarness([], { site });
}, 20 * 60_000);

afterAll(async () => {
	await h?.close();
	await duck?.close();
	if (work && !GIVEN) rmSync(work, { recursive: true, force: true });
});

// ---- figures from the CSVs, without SQL ----

const formsIn = (year: number) => T.evaluations.filter((e) => Number(e.year) === year);
const unitsIn = (year: number) => new Set(formsIn(year).map((e) => e.unit_id)).size;
const latest = () => T.years[T.years.length - 1];
/** A region's units with forms and its forms in a year. */
function inRegion(code: string, year: number) {
	const ids = new Set(T.units.filter((u) => u.region_code.startsWith(code)).map((u) => u.unit_id));
	const forms = formsIn(year).filter((e) => ids.has(e.unit_id));
	return { units: new Set(forms.map((e) => e.unit_id)).size, forms: forms.length };
}
const childrenWithForms = (code: string, year: number) =>
	T.tree.get(code)!.children.filter((c) => inRegion(c, year).forms > 0);

// ---- reading the page ----

const num = (s: string | null) => Number((s ?? '').replace(/[^\d.-]/g, ''));
const kpi = async (page: Page, id: string) => num(await page.textContent(`[data-kpi="${id}"]`));
const keys = (page: Page, testid: string) =>
	page.$$eval(`[data-testid="${testid}"] tbody tr`, (trs) =>
		trs.map((tr) => tr.getAttribute('data-key')!)
	);
const rowCount = (page: Page, testid: string) =>
	page.locator(`[data-testid="${testid}"] tbody tr`).count();
async function ready(page: Page) {
	await page.waitForSelector('[data-db-status="ready"]', { timeout: 120_000 });
}
/** Waits until a DataTable's count says exactly `text` (its rows answer the filter asked). */
async function countSays(page: Page, testid: string, text: string) {
	await page.waitForFunction(
		([sel, t]) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() === t,
		[`[data-testid="${testid}-count"]`, text] as const,
		{ timeout: 60_000 }
	);
}
const rowsText = (n: number, shown?: number) =>
	`${n.toLocaleString('en-US')} 行${shown !== undefined && n > shown ? `（显示前 ${shown} 行）` : ''}`;

/** The partition files a page fetched (paths under data/, without `?v=`). */
const partsFetched = (requests: string[]) =>
	new Set(
		requests
			.map((u) => new URL(u).pathname)
			.filter((p) => p.includes('/data/parts/'))
			.map((p) => p.slice(p.indexOf('/data/') + '/data/'.length))
	);
/** The base and exactly the files these needs name. */
const named = (...needs: Need[]) =>
	new Set([manifest.parts.base.path, ...needs.flatMap((n) => loader.pathsOf(n))]);

describe(`the overview at ${UNITS} units`, () => {
	it('shows one page of the ranking with its total, pages on, switches the year, and reads only the unit-year summaries', async () => {
		const Y = latest();
		// The size crosses the thresholds: more units than the first page and than the chart's bars.
		expect(unitsIn(Y)).toBeGreaterThan(Math.max(50, MAX_BARS));
		const { page, requests } = await h.open('/');
		expect(await kpi(page, 'units')).toBe(unitsIn(Y));
		expect(await kpi(page, 'forms')).toBe(formsIn(Y).length);
		// The page carries one page of rows and says how many there are; DuckDB then brings the rest.
		expect(await rowCount(page, 'unit-table')).toBe(50);
		const carried = (await page.textContent('[data-testid="unit-table-count"]'))!.replace(
			/\s+/g,
			' '
		);
		expect(carried).toBe(`共 ${unitsIn(Y).toLocaleString('en-US')} 行，已载入前 50 行`);
		const prerendered = await keys(page, 'unit-table');
		await ready(page);
		await countSays(page, 'unit-table', rowsText(unitsIn(Y), 50));
		const first = await keys(page, 'unit-table');
		// The first page is the same rows, in the same order, before and after.
		expect(first).toEqual(prerendered);
		await page.click('section:has([data-testid="unit-table"]) [data-action="more"]');
		const two = await keys(page, 'unit-table');
		expect(two.length).toBe(100);
		expect(two.slice(0, 50)).toEqual(first);
		expect(new Set(two).size).toBe(100);
		// Another year, from DuckDB: its KPIs as the CSVs count them.
		const other = T.years[2];
		await page.click(`nav.years a[href$="/years/${other}/"]`);
		await page.waitForSelector(
			`[data-testid="overview-results"][data-year="${other}"][aria-busy="false"]`,
			{ timeout: 60_000 }
		);
		expect(await page.textContent('h1')).toContain(String(other));
		expect(await kpi(page, 'units')).toBe(unitsIn(other));
		expect(await kpi(page, 'forms')).toBe(formsIn(other).length);
		expect(await kpi(page, 'flags')).toBe(T.flagYears.filter((y) => y === other).length);
		expect(await rowCount(page, 'unit-table')).toBe(50);
		// The year's first answer carries the first page; every row follows, for the table's pages.
		await countSays(page, 'unit-table', rowsText(unitsIn(other), 50));
		await page.click('section:has([data-testid="unit-table"]) [data-action="more"]');
		expect((await keys(page, 'unit-table')).length).toBe(100);
		// The base and the summaries of the year and the year before: no form, indicator or flag file.
		// (the latest year's and the year before's, for the ranking's every row; then the other year's)
		expect(partsFetched(requests)).toEqual(named(...overviewNeeds(Y), ...overviewNeeds(other)));
		expect([...partsFetched(requests)].every((p) => /(^|\/)(base|unit_years)\.bin$/.test(p))).toBe(
			true
		);
		await h.shot(page, `scale-${UNITS}-overview`);
	});
});

describe(`the region level at ${UNITS} units`, () => {
	it('leads from /regions/ to the province, a city, a county and a unit, paging and searching a ranking on the way', async () => {
		const Y = latest();
		const answered = (page: Page, search: string) =>
			page.waitForSelector(`[data-testid="region-answer"][data-answered="${search}"]`, {
				timeout: 60_000
			});
		const { page, requests } = await h.open('/regions/');
		await page.click('[data-testid="region-index"] a[data-code="99"]');
		await page.waitForURL(/\/regions\/99\/$/);
		await answered(page, '?');
		expect(await kpi(page, 'units')).toBe(inRegion('99', Y).units);
		expect(await kpi(page, 'forms')).toBe(inRegion('99', Y).forms);
		expect((await keys(page, 'region-ranking')).sort()).toEqual(childrenWithForms('99', Y).sort());
		// The city with the most counties, ranked a page size smaller than their number: two pages.
		const city = childrenWithForms('99', Y).sort(
			(a, b) => childrenWithForms(b, Y).length - childrenWithForms(a, Y).length
		)[0];
		const counties = childrenWithForms(city, Y);
		const size = [...PAGE_SIZES].reverse().find((s) => s < counties.length)!;
		expect(size, 'a city of more counties than the smallest page').toBeDefined();
		/** The ranking's query string, the page size in it when it is not the default. */
		const qs = (q: { q?: string; page?: number }) => {
			const u = new URLSearchParams();
			if (q.q) u.set('q', q.q);
			if (q.page) u.set('page', String(q.page));
			if (size !== DEFAULT_PAGE_SIZE) u.set('size', String(size));
			return `?${u}`;
		};
		await page.click(`[data-testid="region-ranking"] tr[data-key="${city}"] td[data-col="name"] a`);
		await page.waitForURL(new RegExp(`/regions/${city}/$`));
		await answered(page, '?');
		expect(await kpi(page, 'forms')).toBe(inRegion(city, Y).forms);
		expect(await page.textContent('[data-testid="region-crumbs"]')).toContain(
			T.tree.get(city)!.name
		);
		await ready(page);
		if (size !== DEFAULT_PAGE_SIZE) {
			await page.selectOption('[data-testid="region-pager"] select', String(size));
			await answered(page, qs({}));
		}
		const page1 = await keys(page, 'region-ranking');
		expect(page1.length).toBe(size);
		expect(await page.getAttribute('[data-testid="region-pager-range"]', 'data-total')).toBe(
			String(counties.length)
		);
		await page.click('[data-testid="region-pager"] button[data-page="next"]');
		await answered(page, qs({ page: 2 }));
		const page2 = await keys(page, 'region-ranking');
		expect(page2.length).toBe(Math.min(size, counties.length - size));
		expect(new Set([...page1, ...page2]).size).toBe(page1.length + page2.length);
		expect([...page1, ...page2].every((c) => counties.includes(c))).toBe(true);
		await h.shot(page, `scale-${UNITS}-region-city`);
		// Search: part of a county's name on the second page finds it (one of several units if there
		// is one: it has a page; a county of one unit has none and leads to the unit).
		const county = page2.find((c) => T.tree.get(c)!.units > 1) ?? page2[page2.length - 1];
		const node = T.tree.get(county)!;
		const part = node.name.slice(0, 2);
		await page.fill('[data-testid="region-search"] input[name="q"]', part);
		await page.press('[data-testid="region-search"] input[name="q"]', 'Enter');
		await answered(page, qs({ q: part }));
		const found = await keys(page, 'region-ranking');
		const matching = counties.filter((c) => T.tree.get(c)!.name.includes(part) || c.includes(part));
		expect(found).toContain(county);
		expect(found.length).toBe(Math.min(size, matching.length));
		expect(found.every((c) => matching.includes(c))).toBe(true);
		await page.click(
			`[data-testid="region-ranking"] tr[data-key="${county}"] td[data-col="name"] a`
		);
		let unit: string;
		if (node.units > 1) {
			await page.waitForURL(new RegExp(`/regions/${county}/$`));
			await answered(page, '?');
			expect(
				await page.$$eval('[data-testid="region-crumbs"] [data-code]', (xs) =>
					xs.map((x) => x.getAttribute('data-code'))
				)
			).toEqual(['99', city, county]);
			unit = (await keys(page, 'region-ranking'))[0];
			expect(T.units.find((u) => u.unit_id === unit)!.region_code).toBe(county);
			await page.click(
				`[data-testid="region-ranking"] tr[data-key="${unit}"] td[data-col="name"] a`
			);
		} else unit = node.only!;
		await page.waitForURL(new RegExp(`/units/${unit}/\\?year=${Y}#year-${Y}$`));
		await page.waitForSelector(`h2[data-year="${Y}"]`, { timeout: 60_000 });
		expect(await page.textContent('h1')).toContain(T.units.find((u) => u.unit_id === unit)!.name);
		expect(
			await page
				.locator('[data-testid="region-crumbs"] [data-code]')
				.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-code')))
		).toEqual(['99', city, county]);
		// Each region with a page is a link; a county of this unit alone is named, not linked.
		expect(
			await page
				.locator('[data-testid="region-crumbs"] a[data-code]')
				.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-code')))
		).toEqual(node.units > 1 ? ['99', city, county] : ['99', city]);
		await page.waitForSelector('[data-testid="unit-results"][aria-busy="false"]');
		await h.shot(page, `scale-${UNITS}-unit`);
		// The year's summaries for the regions, at most the unit's own file for its page (its latest
		// year is prerendered): nothing else.
		const fetched = partsFetched(requests);
		const allowed = named(...regionNeeds(Y), ...unitNeeds(unit));
		expect([...fetched].filter((p) => !allowed.has(p))).toEqual([]);
		expect([...named(...regionNeeds(Y))].filter((p) => !fetched.has(p))).toEqual([]);
	});

	it('a county of several units has its page: its crumbs, its units ranked, one opened; one of a single unit has none', async () => {
		const Y = latest();
		const counties = [...T.tree.values()].filter((n) => n.level === 'county');
		const several = counties.find((n) => n.units > 1 && inRegion(n.code, Y).units > 1);
		expect(several, 'the generated data has a county of several units with forms').toBeDefined();
		const county = several!;
		const { page } = await h.open(`/regions/${county.code}/`);
		await page.waitForSelector('[data-testid="region-answer"][data-answered="?"]', {
			timeout: 60_000
		});
		expect(
			await page.$$eval('[data-testid="region-crumbs"] [data-code]', (xs) =>
				xs.map((x) => x.getAttribute('data-code'))
			)
		).toEqual(['99', county.code.slice(0, 4), county.code]);
		expect(await kpi(page, 'units')).toBe(inRegion(county.code, Y).units);
		const ranked = await keys(page, 'region-ranking');
		const under = T.units.filter((u) => u.region_code === county.code).map((u) => u.unit_id);
		expect(ranked.length).toBe(inRegion(county.code, Y).units);
		expect(ranked.every((k) => under.includes(k))).toBe(true);
		await page.click(
			`[data-testid="region-ranking"] tr[data-key="${ranked[0]}"] td[data-col="name"] a`
		);
		await page.waitForURL(new RegExp(`/units/${ranked[0]}/\\?year=${Y}#year-${Y}$`));
		// Every region of its place has a page: each crumb is a link.
		await page.waitForSelector('[data-testid="region-crumbs"]');
		expect(
			await page
				.locator('[data-testid="region-crumbs"] a[data-code]')
				.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-code')))
		).toEqual(['99', county.code.slice(0, 4), county.code]);
		// A county of one unit has no page; the site's pages never link to one.
		const single = counties.filter((n) => n.units === 1);
		expect(single.length).toBeGreaterThan(0);
		for (const n of single) expect(existsSync(join(site, 'regions', n.code))).toBe(false);
	});
});

describe(`every view's filter at ${UNITS} units`, () => {
	it('forms grid: a year range, its next page, and a unit found by part of its name among all', async () => {
		const [a, b] = [T.years[3], T.years[5]];
		const answered = (page: Page, search: string) =>
			page.waitForSelector(`[data-testid="forms-answer"][data-answered="${search}"]`, {
				timeout: 60_000
			});
		const total = (page: Page) =>
			page.getAttribute('[data-testid="forms-pager-range"]', 'data-total').then(Number);
		const { page, requests } = await h.open(`/forms/?from=${a}&to=${a}`);
		await answered(page, `?from=${a}&to=${a}`);
		expect(await total(page)).toBe(formsIn(a).length);
		await page.selectOption('[data-testid="forms-filters"] select[name="to"]', String(b));
		await answered(page, `?from=${a}&to=${b}`);
		const range = T.evaluations.filter((e) => Number(e.year) >= a && Number(e.year) <= b);
		expect(await total(page)).toBe(range.length);
		const page1 = await keys(page, 'forms-grid');
		expect(page1.length).toBe(50);
		await page.click('[data-testid="forms-pager"] button[data-page="next"]');
		await answered(page, `?from=${a}&to=${b}&page=2`);
		const page2 = await keys(page, 'forms-grid');
		expect(page2.length).toBe(50);
		expect(new Set([...page1, ...page2]).size).toBe(100);
		expect(page2.every((id) => range.some((e) => e.eval_id === id))).toBe(true);
		// The picker: the first few characters of a name that only one unit's fields hold.
		const fields = (u: Record<string, string>) => [
			u.name,
			u.short_name,
			u.unit_id,
			u.region,
			u.region_code
		];
		const matches = (q: string) => T.units.filter((u) => fields(u).some((f) => f.includes(q)));
		const [target, q] = T.units
			.filter((u) => u.provenance === 'synthetic')
			.flatMap((u) => [2, 3, 4, 5].map((n) => [u, [...u.short_name].slice(0, n).join('')] as const))
			.find(([, q]) => matches(q).length === 1)!;
		const box = page.locator('[data-testid="unit-picker"] input[role="combobox"]');
		// Several match a common part: the count says how many, twelve are listed.
		const common = T.tree.get(T.tree.get('99')!.children[0])!.name;
		await box.fill(common);
		expect(Number(await page.getAttribute('[data-testid="unit-picker-count"]', 'data-total'))).toBe(
			matches(common).length
		);
		expect(await page.locator('[data-testid="unit-picker"] [role="option"]').count()).toBe(12);
		await box.fill(q);
		expect(await page.getAttribute('[data-testid="unit-picker-count"]', 'data-total')).toBe('1');
		await box.press('Enter');
		await answered(page, `?from=${a}&to=${b}&unit=${encodeURIComponent(target.unit_id)}`);
		expect(await box.inputValue()).toBe(target.short_name);
		expect((await keys(page, 'forms-grid')).sort()).toEqual(
			range
				.filter((e) => e.unit_id === target.unit_id)
				.map((e) => e.eval_id)
				.sort()
		);
		expect(partsFetched(requests)).toEqual(
			named(
				...formsNeeds({ yearFrom: a, yearTo: a }),
				...formsNeeds({ yearFrom: a, yearTo: b }),
				...formsNeeds({ unitId: target.unit_id })
			)
		);
	});

	it('audit: a year', async () => {
		const [a, b] = [T.years[1], T.years[4]];
		const { page, requests } = await h.open(`/audit/?year=${a}`);
		const flags = (y: number) => T.flagYears.filter((x) => x === y).length;
		await countSays(page, 'audit-flags', rowsText(flags(a), 50));
		expect(await kpi(page, 'flags')).toBe(flags(a));
		await page.selectOption('[data-testid="audit-filters"] select[name="year"]', String(b));
		await page.waitForURL(new RegExp(`year=${b}`));
		await countSays(page, 'audit-flags', rowsText(flags(b), 50));
		expect(await kpi(page, 'flags')).toBe(flags(b));
		expect(await rowCount(page, 'audit-flags')).toBe(Math.min(50, flags(b)));
		expect(partsFetched(requests)).toEqual(
			named(...auditNeeds({ year: a }), ...auditNeeds({ year: b }))
		);
	});

	it('projects: a year', async () => {
		const [a, b] = [T.years[2], T.years[6]];
		const projects = (y: number) => formsIn(y).filter((e) => e.form === 'project').length;
		const { page, requests } = await h.open(`/projects/?year=${a}`);
		await countSays(page, 'projects', rowsText(projects(a), 50));
		await page.selectOption('[data-testid="project-filters"] select[name="year"]', String(b));
		await page.waitForURL(new RegExp(`year=${b}`));
		await countSays(page, 'projects', rowsText(projects(b), 50));
		// Fifty rows at a time in the page, however many projects a year has.
		expect(await rowCount(page, 'projects')).toBe(Math.min(50, projects(b)));
		expect(partsFetched(requests)).toEqual(
			named(...projectsNeeds({ year: a }), ...projectsNeeds({ year: b }))
		);
	});

	it('indicators: a year', async () => {
		const [a, b] = [T.years[0], T.years[7]];
		const formYear = new Map(T.evaluations.map((e) => [e.eval_id, Number(e.year)]));
		const reasons = (y: number) =>
			T.indicators.filter((i) => i.deviation_reason !== '' && formYear.get(i.eval_id) === y).length;
		const { page, requests } = await h.open(`/indicators/?year=${a}`);
		await countSays(page, 'reasons', rowsText(reasons(a), 50));
		await page.selectOption('[data-testid="indicator-filters"] select[name="year"]', String(b));
		await page.waitForURL(new RegExp(`year=${b}`));
		await countSays(page, 'reasons', rowsText(reasons(b), 50));
		expect(await page.textContent('h1')).toContain(String(b));
		expect(partsFetched(requests)).toEqual(named(...indicatorsNeeds(a), ...indicatorsNeeds(b)));
	});

	it('search: the base and only the parts the query leads to, as the index in Node reads them; its hits as the CSVs hold them', async () => {
		const dir = join(site, 'data');
		const inflate = (path: string): unknown =>
			JSON.parse(gunzipSync(readFileSync(join(dir, path))).toString('utf8'));
		const base = inflate(manifest.search.path) as IndexBase;
		const read: string[] = [];
		const index = new SearchIndex(base, (name) => {
			read.push(name);
			return Promise.resolve(inflate(partPath(name)));
		});
		// The first two characters of the last deviation reason: in the data, and not in every text.
		const q = [...T.indicators.filter((i) => i.deviation_reason !== '').at(-1)!.deviation_reason]
			.slice(0, 2)
			.join('');
		const r = await index.search(q);
		const reasons = T.indicators.filter((i) => i.deviation_reason.includes(q)).length;
		expect(reasons).toBeGreaterThan(0);
		expect(r.groups.reasons.filter((x) => x.field === 'deviation_reason')).toHaveLength(reasons);
		expect(read.length).toBeLessThan(Object.keys(base.files).length);

		const { page, requests } = await h.open(`/search/?q=${encodeURIComponent(q)}`);
		await page.waitForSelector('[data-testid="search-summary"]', { timeout: 60_000 });
		for (const g of GROUPS)
			expect(
				Number(
					await page
						.locator(`[data-testid="search-summary"] .jump`)
						.nth(GROUPS.indexOf(g))
						.getAttribute('data-count')
				),
				g
			).toBe(r.groups[g].length);
		const fetched = new Set(
			requests
				.map((u) => new URL(u).pathname)
				.filter((p) => p.includes('/data/search/'))
				.map((p) => p.slice(p.indexOf('/data/') + '/data/'.length))
		);
		expect(fetched).toEqual(new Set([manifest.search.path, ...read.map(partPath)]));
	});

	it('trends: every year’s forms as the CSVs count them, from no file its needs do not name', async () => {
		const { page, requests } = await h.open('/trends/');
		await page.click('[data-panel="below90"] [data-action="table"]');
		for (const y of T.years) {
			const row = page.locator('[data-testid="below90-table"] tbody tr').filter({
				has: page.locator(`td[data-col="year"]:text-is("${y}")`)
			});
			expect(num(await row.locator('td[data-col="forms"]').textContent()), String(y)).toBe(
				formsIn(y).length
			);
		}
		const fetched = partsFetched(requests);
		const allowed = named(...trendsNeeds());
		expect([...fetched].filter((p) => !allowed.has(p))).toEqual([]);
	});

	it('compare: two units, and another year', async () => {
		// Two discipline commissions of different cities, each with department forms in every year.
		const dept = (id: string, y: number) =>
			T.evaluations.find(
				(e) => e.unit_id === id && e.form === 'department' && Number(e.year) === y
			);
		const full = T.units.filter(
			(u) => u.provenance === 'synthetic' && T.years.every((y) => dept(u.unit_id, y))
		);
		const one = full[full.length - 1];
		const two = full.find((u) => u.region_code.slice(0, 4) !== one.region_code.slice(0, 4))!;
		const [a, b] = [T.years[4], T.years[8]];
		const { page, requests } = await h.open(
			`/compare/?units=${one.unit_id},${two.unit_id}&year=${a}`
		);
		const budgets = async (y: number) => {
			for (const u of [one, two]) {
				const cell = `[data-testid="compare-year"] tr[data-key="${u.unit_id}"] td[data-col="budget"]`;
				await page.waitForFunction(
					([sel, want]) => document.querySelector(sel)?.textContent === want,
					[cell, wan(Number(dept(u.unit_id, y)!.budget_final))] as const,
					{ timeout: 60_000 }
				);
			}
			expect(await keys(page, 'compare-year')).toEqual([one.unit_id, two.unit_id]);
		};
		await budgets(a);
		await page.selectOption('[data-testid="picker"] select[name="year"]', String(b));
		await page.waitForURL(new RegExp(`year=${b}`));
		await budgets(b);
		expect(partsFetched(requests)).toEqual(named(...compareNeeds([one.unit_id, two.unit_id])));
	});
});

describe(`without JavaScript at ${UNITS} units`, () => {
	it('the overview, a region and a unit show their figures and the first page of each long table', async () => {
		const Y = latest();
		const { page: overview } = await h.open('/', { javaScriptEnabled: false });
		expect(await kpi(overview, 'units')).toBe(unitsIn(Y));
		expect(await kpi(overview, 'forms')).toBe(formsIn(Y).length);
		expect(await rowCount(overview, 'unit-table')).toBe(50);
		// The page carries the ranking's first 50 rows and says how many there are in all.
		expect(
			(await overview.textContent('[data-testid="unit-table-count"]'))!.replace(/\s+/g, ' ').trim()
		).toBe(`共 ${unitsIn(Y).toLocaleString('en-US')} 行，已载入前 50 行`);

		// The city with the most counties: the first page of its ranking, and how many there are.
		const city = childrenWithForms('99', Y).sort(
			(a, b) => childrenWithForms(b, Y).length - childrenWithForms(a, Y).length
		)[0];
		const counties = childrenWithForms(city, Y).length;
		const { page: region } = await h.open(`/regions/${city}/`, { javaScriptEnabled: false });
		expect(await kpi(region, 'units')).toBe(inRegion(city, Y).units);
		expect(await kpi(region, 'forms')).toBe(inRegion(city, Y).forms);
		expect(await rowCount(region, 'region-ranking')).toBe(Math.min(DEFAULT_PAGE_SIZE, counties));
		expect(await region.getAttribute('[data-testid="region-pager-range"]', 'data-total')).toBe(
			String(counties)
		);

		const id = T.units.filter((u) => u.provenance === 'synthetic').at(-1)!.unit_id;
		const { page: unit } = await h.open(`/units/${id}/`, { javaScriptEnabled: false });
		const mine = T.evaluations.filter((e) => e.unit_id === id);
		const last = Math.max(...mine.map((e) => Number(e.year)));
		expect(await unit.getAttribute('h2[data-year]', 'data-year')).toBe(String(last));
		expect(
			(
				await unit
					.locator('[data-testid="unit-year-results"] article[data-eval]')
					.evaluateAll((as) => as.map((a) => a.getAttribute('data-eval')!))
			).sort()
		).toEqual(
			mine
				.filter((e) => Number(e.year) === last)
				.map((e) => e.eval_id)
				.sort()
		);
		// Its projects table holds its first rows, and says how many there are.
		const projects = mine.filter((e) => e.form === 'project').length;
		expect(projects).toBeGreaterThan(PROJECTS_SHOWN);
		expect(await rowCount(unit, 'unit-projects')).toBe(PROJECTS_SHOWN);
		expect(await unit.textContent('[data-testid="unit-projects-count"]')).toContain(
			projects.toLocaleString('en-US')
		);
		const dept = mine.find((e) => e.form === 'department' && Number(e.year) === last)!;
		expect(await unit.textContent(`article[data-eval="${dept.eval_id}"] table.budget`)).toContain(
			dept.budget_final_text
		);
		expect(await unit.textContent('h1')).toContain(T.units.find((u) => u.unit_id === id)!.name);
	});
});

describe(`across the site at ${UNITS} units`, () => {
	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
