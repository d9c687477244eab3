// The region level in Chromium: overview → regions → province → city → (a county of one unit leads to it) → unit, the ranking's paging and search, the year switch, no-JS reading, and the unit picker.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allRows, ROOT, unitsTree } from '../helpers/data';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
}, 90_000);
afterAll(async () => {
	expect(h?.offOrigin ?? []).toEqual([]);
	await h?.close();
});

const units = allRows('units');
const evaluations = allRows('evaluations');
const tree = unitsTree(units);
const REF = '430212-jiwei';

/** A region's units with forms and its forms in a year, from the CSVs. */
function expected(code: string, year: number) {
	const ids = new Set(units.filter((u) => u.region_code.startsWith(code)).map((u) => u.unit_id));
	const forms = evaluations.filter((e) => Number(e.year) === year && ids.has(e.unit_id));
	return { units: new Set(forms.map((e) => e.unit_id)).size, forms: forms.length };
}

/** Children of a region with forms in a year. */
const childrenWithForms = (code: string, year: number) =>
	tree.get(code)!.children.filter((c) => expected(c, year).forms > 0);

async function ready(page: Page) {
	await page.waitForSelector('[data-db-status="ready"]', { timeout: 60_000 });
}

/** Waits for the answer to exactly this query string (`?` for none). */
async function answered(page: Page, search: string) {
	await page.waitForSelector(`[data-testid="region-answer"][data-answered="${search}"]`, {
		timeout: 30_000
	});
}

const rankKeys = (page: Page) =>
	page.$$eval('[data-testid="region-ranking"] tbody tr', (trs) =>
		trs.map((tr) => tr.getAttribute('data-key')!)
	);
const kpi = async (page: Page, id: string) =>
	Number((await page.textContent(`[data-kpi="${id}"]`))!.replace(/,/g, ''));

describe('the region level', () => {
	it('leads from the overview down to a unit: province, city, then a county of one unit straight to that unit, with breadcrumbs', async () => {
		const { page } = await h.open('/');
		await page.click('header.site nav a[href$="/regions/"]');
		await page.waitForSelector('[data-testid="region-index"]');
		expect(await page.textContent('[data-testid="region-index"] a[data-code="43"]')).toBe('湖南省');
		await h.shot(page, 'regions-index-zh-1280');
		await page.click('[data-testid="region-index"] a[data-code="99"]');
		await page.waitForURL(/\/regions\/99\/$/);
		await answered(page, '?');
		const latest = 2025;
		expect(await kpi(page, 'units')).toBe(expected('99', latest).units);
		expect(await kpi(page, 'forms')).toBe(expected('99', latest).forms);
		expect((await rankKeys(page)).sort()).toEqual(childrenWithForms('99', latest).sort());
		// The city first in the ranking, then its first county.
		const city = (await rankKeys(page))[0];
		await page.click(`[data-testid="region-ranking"] tr[data-key="${city}"] td[data-col="name"] a`);
		await page.waitForURL(new RegExp(`/regions/${city}/$`));
		await answered(page, '?');
		expect(await kpi(page, 'forms')).toBe(expected(city, latest).forms);
		expect(await page.textContent('[data-testid="region-crumbs"]')).toContain(tree.get(city)!.name);
		await h.shot(page, 'region-city-zh-1280');
		const county = (await rankKeys(page))[0];
		expect(county.startsWith(city)).toBe(true);
		// The demo's counties hold one unit each: a county of one unit has no page, its row leads to the unit.
		const node = tree.get(county)!;
		expect(node.units).toBe(1);
		const unit = node.only!;
		expect(units.find((u) => u.unit_id === unit)!.region_code).toBe(county);
		expect(
			await page.textContent(
				`[data-testid="region-ranking"] tr[data-key="${county}"] td[data-col="name"]`
			)
		).toBe(node.name);
		await page.click(
			`[data-testid="region-ranking"] tr[data-key="${county}"] td[data-col="name"] a`
		);
		await page.waitForURL(new RegExp(`/units/${unit}/\\?year=${latest}#year-${latest}$`));
		// The unit's header says where it lies: each region with a page a link back up, its county (of this unit alone) named.
		const crumbs = page.locator('[data-testid="region-crumbs"]');
		await crumbs.waitFor();
		expect(
			await crumbs
				.locator('[data-code]')
				.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-code')))
		).toEqual(['99', city, county]);
		expect(
			await crumbs
				.locator('a[data-code]')
				.evaluateAll((xs) => xs.map((x) => x.getAttribute('data-code')))
		).toEqual(['99', city]);
		expect(await crumbs.locator(`[data-code="${county}"]`).textContent()).toBe(node.name);
		await crumbs.locator(`a[data-code="${city}"]`).click();
		await page.waitForURL(new RegExp(`/regions/${city}/$`));
	});

	it('writes no page for a region of one unit', async () => {
		const one = [...tree.values()].filter((n) => n.units === 1);
		expect(one.length).toBeGreaterThan(0);
		for (const n of one) expect(existsSync(join(ROOT, 'build/regions', n.code))).toBe(false);
		for (const n of [...tree.values()].filter((x) => x.units > 1))
			expect(existsSync(join(ROOT, 'build/regions', n.code, 'index.html'))).toBe(true);
	});

	it('pages and searches the ranking in the browser, and switches the year', async () => {
		const { page } = await h.open('/regions/99/');
		await ready(page);
		await answered(page, '?');
		const all = await rankKeys(page);
		expect(all.length).toBeGreaterThan(5);
		// Five a page: the pages hold every child once, in the ranking's order.
		await page.selectOption('[data-testid="region-pager"] select', '5');
		await answered(page, '?size=5');
		expect(await rankKeys(page)).toEqual(all.slice(0, 5));
		expect(await page.textContent('[data-testid="region-pager-range"]')).toContain(
			`共 ${all.length} 行`
		);
		await page.click('[data-testid="region-pager"] button[data-page="next"]');
		await answered(page, '?page=2&size=5');
		expect(await rankKeys(page)).toEqual(all.slice(5, 10));
		// Sorted by name through the header.
		await page.click('[data-testid="region-ranking"] th[data-col="name"] button');
		await answered(page, '?sort=name&dir=asc&size=5');
		// Search: part of a city's name finds it.
		const target = tree.get(all[all.length - 1])!;
		await page.fill('[data-testid="region-search"] input[name="q"]', target.name.slice(0, 2));
		await page.press('[data-testid="region-search"] input[name="q"]', 'Enter');
		await page.waitForSelector('[data-testid="region-answer"][data-answered*="q="]');
		expect(await rankKeys(page)).toContain(target.code);
		await page.fill('[data-testid="region-search"] input[name="q"]', '没有这个地方');
		await page.press('[data-testid="region-search"] input[name="q"]', 'Enter');
		await page.waitForSelector('text=没有名称或代码包含“没有这个地方”的下级');
		await page.fill('[data-testid="region-search"] input[name="q"]', '');
		await page.press('[data-testid="region-search"] input[name="q"]', 'Enter');
		// Another year: the KPIs and the ranking are that year's.
		await page.selectOption('select[name="year"]', '2019');
		await page.waitForSelector(
			'[data-testid="region-answer"][data-year="2019"][data-answered*="year=2019"]',
			{
				timeout: 30_000
			}
		);
		expect(await kpi(page, 'units')).toBe(expected('99', 2019).units);
		expect(await kpi(page, 'forms')).toBe(expected('99', 2019).forms);
		expect(await page.textContent('h1')).toContain('2019');
		await page.goBack();
		await page.waitForSelector('[data-testid="region-answer"]:not([data-year="2019"])');
	});

	it('reads a prerendered region page without JavaScript: crumbs, KPIs, the first page of the ranking', async () => {
		const city = tree.get('99')!.children[0];
		const { page } = await h.open(`/regions/${city}/`, { javaScriptEnabled: false });
		expect(await kpi(page, 'forms')).toBe(expected(city, 2025).forms);
		expect((await rankKeys(page)).sort()).toEqual(childrenWithForms(city, 2025).sort());
		expect(await page.textContent('[data-testid="region-crumbs"]')).toContain('虚构省');
		expect(await page.textContent('[data-testid="region-code"]')).toBe(city);
		await h.shot(page, 'region-city-nojs');
	});

	for (const [lang, width] of [
		// Each language once, each width once: the layouts that differ (CI time is shared).
		['zh', 1280],
		['en', 375]
	] as const)
		it(`shows a region page and the list of regions at ${width} px in ${lang}`, async () => {
			const city = tree.get('99')!.children[0];
			const q = lang === 'en' ? '?lang=en' : '';
			const { page, context } = await h.open(`/regions/${city}/${q}`, { width });
			await page.waitForSelector(`[data-testid="region-answer"][data-answered]`);
			if (lang === 'en') expect(await page.textContent('h1')).toContain(tree.get(city)!.name);
			await h.shot(page, `region-${lang}-${width}`);
			await context.close();
			const { page: index, context: c2 } = await h.open(`/regions/${q}`, { width });
			await h.shot(index, `regions-index-${lang}-${width}`);
			await c2.close();
			const { page: unit, context: c3 } = await h.open(`/units/${REF}/${q}`, { width });
			await unit.locator('[data-testid="region-crumbs"]').screenshot({
				path: `${h.shotsDir}/unit-crumbs-${lang}-${width}.png`
			});
			await c3.close();
		});
});

describe('the unit picker', () => {
	it('searches units by part of a name, code or region, lists a capped count, and picks by keyboard', async () => {
		const { page } = await h.open('/forms/');
		await ready(page);
		const box = page.locator('[data-testid="unit-picker"] input[role="combobox"]');
		await box.fill('纪委');
		const count = page.locator('[data-testid="unit-picker-count"]');
		const n = units.filter((u) =>
			[u.name, u.short_name, u.unit_id, u.region, u.region_code].some((x) => x.includes('纪委'))
		).length;
		expect(Number(await count.getAttribute('data-total'))).toBe(n);
		expect(await page.locator('[data-testid="unit-picker"] [role="option"]').count()).toBe(12);
		expect(await count.textContent()).toContain(`${n} 个匹配，显示前 12 个`);
		expect(await box.getAttribute('aria-expanded')).toBe('true');
		await h.shot(page, 'picker-zh-1280');
		// By code: the sample unit alone; arrow down and Enter choose it.
		await box.fill('430212');
		expect(await count.getAttribute('data-total')).toBe('1');
		await box.press('ArrowDown');
		expect(await box.getAttribute('aria-activedescendant')).toBeTruthy();
		await box.press('Enter');
		await page.waitForURL(/unit=430212-jiwei/);
		expect(await box.inputValue()).toBe('渌口区纪委监委');
		// A region's name finds its units; Escape closes the list.
		const city = tree.get(tree.get('99')!.children[0])!;
		await box.fill(city.name);
		const inCity = units.filter((u) => u.region_code.startsWith(city.code)).length;
		expect(Number(await count.getAttribute('data-total'))).toBe(inCity);
		await box.press('Escape');
		expect(await box.getAttribute('aria-expanded')).toBe('false');
		// The clear button goes back to all units.
		await page.click('[data-testid="unit-picker"] button.clear');
		await page.waitForURL((u) => !u.search.includes('unit='));
	});

	it('works in English at 375 px', async () => {
		const { page } = await h.open('/audit/?lang=en', { width: 375 });
		await ready(page);
		const box = page.locator('[data-testid="unit-picker"] input[role="combobox"]');
		await box.fill('jiwei');
		expect(await page.textContent('[data-testid="unit-picker-count"]')).toMatch(/matches/);
		await h.shot(page, 'picker-en-375');
		await page.click(`[data-testid="unit-picker"] [role="option"][data-unit="${REF}"]`);
		await page.waitForURL(/unit=430212-jiwei/);
	});
});
