// Context that follows the user, in Chromium: a year's unit links, the language in shared links, busy on a year change, the compare picker's partial names, like-for-like KPIs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRows } from '../helpers/data';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const SHOTS = '/work/shots/context';
const ready = (page: Page) => page.waitForSelector('[data-db-status="ready"]', { timeout: 60_000 });
const shot = (page: Page, name: string, selector: string) =>
	page.locator(selector).screenshot({ path: `${SHOTS}/${name}.png` });

/** The change of 2023's department-form budget from 2022, over all units and over those in both years (from the CSVs). */
function budgetChange2023() {
	const dept = allRows('evaluations').filter((e) => e.form === 'department');
	const of = (y: number) => dept.filter((e) => Number(e.year) === y);
	const both = new Set(
		of(2023)
			.map((e) => e.unit_id)
			.filter((u) => of(2022).some((e) => e.unit_id === u))
	);
	const sum = (rows: typeof dept) => rows.reduce((s, e) => s + Number(e.budget_final), 0);
	const pct = (now: number, before: number) => `+${((now / before - 1) * 100).toFixed(1)}%`;
	return {
		units: both.size,
		like: pct(
			sum(of(2023).filter((e) => both.has(e.unit_id))),
			sum(of(2022).filter((e) => both.has(e.unit_id)))
		),
		all: pct(sum(of(2023)), sum(of(2022)))
	};
}

describe('context that follows the user', () => {
	it('overview 2023: like-for-like KPI changes, busy at once on a year change, units open at the year', async () => {
		const { page } = await h.open('/years/2023/');
		const e = budgetChange2023();
		expect(e).toEqual({ units: 40, like: '+5.8%', all: '+6.9%' });
		const change = page.locator('[data-kpi-change="budget_final"]');
		expect(await change.textContent()).toContain(e.like);
		expect(await change.textContent()).toContain(`同口径（${e.units} 个单位）`);
		expect(await page.textContent('[data-kpi-change-all="budget_final"]')).toContain(
			`全部单位 ${e.all}`
		);
		await shot(page, 'overview-kpis-zh-1280', '[data-testid="kpis"]');
		await page.click('[data-action="lang"]');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await change.textContent()).toContain(`like-for-like (${e.units} units)`);
		expect(await page.textContent('[data-kpi-change-all="budget_final"]')).toContain(
			`All units ${e.all}`
		);
		await shot(page, 'overview-kpis-en-1280', '[data-testid="kpis"]');
		await page.click('[data-action="lang"]');
		await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');

		// A year change: the old figures are marked busy and dimmed at once, and "查询中…" is said.
		await ready(page);
		await page.evaluate(() => {
			const region = document.querySelector('[data-testid="overview-results"]')!;
			const w = window as unknown as { seenBusy?: { opacity: string; status: string } };
			new MutationObserver((_, obs) => {
				if (region.getAttribute('aria-busy') !== 'true') return;
				w.seenBusy = {
					opacity: getComputedStyle(region).opacity,
					status: document.querySelector('nav.years [role="status"]')?.textContent ?? ''
				};
				obs.disconnect();
			}).observe(region, { attributes: true });
		});
		await page.click('nav.years a[href$="/years/2022/"]');
		await page.waitForSelector('[data-testid="overview-results"][data-year="2022"]');
		await page.waitForSelector('[data-testid="overview-results"][aria-busy="false"]');
		const seen = await page.evaluate(
			() => (window as unknown as { seenBusy?: { opacity: string; status: string } }).seenBusy
		);
		expect(seen?.status).toBe('查询中…');
		expect(Number(seen?.opacity)).toBeLessThan(1);
		expect(page.url()).toMatch(/\/years\/2022\/$/);

		// The 2022 ranking's units open at 2022, not at their latest year.
		const link = page.locator('[data-testid="unit-table"] td[data-col="unit"] a').first();
		const href = (await link.getAttribute('href'))!;
		expect(href).toMatch(/^\/units\/[^/]+\/\?year=2022#year-2022$/);
		await link.click();
		await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === href);
		await page.waitForSelector('h2[data-year="2022"]');
		expect(await page.locator('h2[data-year]').count()).toBe(1);
	});

	let shared = '';
	let added = '';

	it('the compare picker says when no name matches, adds a unit from part of its name, lists several; lang=en rides along', async () => {
		const { page } = await h.open('/compare/');
		const chosen = await page
			.locator('[data-testid="picker"] li[data-unit]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
		const input = page.locator('[data-testid="picker"] input[name="unit"]');
		const message = page.locator('[data-testid="pick-message"]');

		await input.fill('芦淞');
		await input.press('Enter');
		expect((await message.textContent())!.trim()).toBe('没有名称包含“芦淞”的单位');
		await shot(page, 'compare-picker-zh-1280', '[data-testid="picker"]');
		// English: the message follows, and the address says so in place.
		await page.click('[data-action="lang"]');
		await page.waitForFunction(() => location.search.includes('lang=en'));
		expect((await message.textContent())!.trim()).toBe('No unit name contains “芦淞”');
		await shot(page, 'compare-picker-en-1280', '[data-testid="picker"]');

		// A part of a short name that exactly one unit's names contain, of a unit not chosen yet.
		const units = allRows('units');
		const names = (u: (typeof units)[number]) => `${u.short_name} ${u.name}`;
		const target = units.find(
			(u) =>
				!chosen.includes(u.unit_id) &&
				units.filter((x) => names(x).includes(u.short_name.slice(0, 3))).length === 1
		)!;
		added = target.unit_id;
		await input.fill(target.short_name.slice(0, 3));
		await input.press('Enter');
		await page.waitForSelector(`[data-testid="picker"] li[data-unit="${target.unit_id}"]`);
		expect(await message.textContent()).toContain(`Added “${target.short_name}”`);
		// The filter change keeps the language in the URL.
		const url = new URL(page.url());
		expect(url.searchParams.get('units')).toContain(target.unit_id);
		expect(url.searchParams.get('lang')).toBe('en');

		await input.fill('纪委');
		await input.press('Enter');
		const open = units.filter(
			(u) => names(u).includes('纪委') && ![...chosen, target.unit_id].includes(u.unit_id)
		);
		expect(await message.textContent()).toContain(`${open.length} units’ names contain “纪委”`);
		expect(await page.locator('[data-testid="pick-matches"] button').count()).toBe(
			Math.min(12, open.length)
		);

		// A header link carries it (a copied link keeps the language) and keeps it once followed; back
		// brings the filtered page with it.
		const nav = page.locator('header.site nav a[href^="/trends/"]');
		expect(await nav.getAttribute('href')).toBe('/trends/?lang=en');
		await nav.click();
		await page.waitForFunction(
			() => location.pathname === '/trends/' && location.search === '?lang=en'
		);
		await page.goBack();
		await page.waitForFunction(() => location.pathname === '/compare/');
		shared = page.url();
		expect(new URL(shared).searchParams.get('lang')).toBe('en');
		expect(new URL(shared).searchParams.get('units')).toContain(target.unit_id);
	});

	it('a link copied in English opens in English in a fresh browser (no storage)', async () => {
		expect(shared).not.toBe('');
		const url = new URL(shared);
		const { page } = await h.open(`${url.pathname}${url.search}`);
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await page.textContent('header.site nav')).toContain('Overview');
		expect(await page.textContent('h1')).toBe('Compare units');
		await page.waitForSelector(`[data-testid="picker"] li[data-unit="${added}"]`);
		// Back to Chinese: the parameter goes, zh being the default.
		await page.click('[data-action="lang"]');
		await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
		await page.waitForFunction(() => !location.search.includes('lang='));
		expect(new URL(page.url()).searchParams.get('units')).toContain(added);
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
