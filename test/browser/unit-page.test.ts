// A unit's one page, years as sections: the latest year prerendered and read without JavaScript, another year (?year=) read in the browser, form links, tabs, back/forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { allRows, ROOT } from '../helpers/data';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const REF = '430212-jiwei';
const evals = allRows('evaluations');
const indicators = allRows('indicators');

/** The synthetic unit with the most years of forms, its years newest first (from the CSVs). */
const DEMO = (() => {
	const years = new Map<string, Set<number>>();
	for (const e of evals.filter((e) => e.unit_id !== REF))
		years.set(e.unit_id, (years.get(e.unit_id) ?? new Set()).add(Number(e.year)));
	const [id, ys] = [...years].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0];
	return { id, years: [...ys].sort((a, b) => b - a) };
})();
const LATEST = DEMO.years[0];
const OLDEST = DEMO.years[DEMO.years.length - 1];
const formsOf = (unit: string, year: number) =>
	evals.filter((e) => e.unit_id === unit && Number(e.year) === year);

/** The forms on the page, in order, and each one's indicator rows, to compare with the CSVs. */
async function shownForms(page: Page) {
	return page.locator('[data-testid="unit-year-results"] article[data-eval]').evaluateAll((as) =>
		as.map((a) => ({
			id: a.getAttribute('data-eval')!,
			indicators: a.querySelectorAll('table.indicators tr[data-seq]').length
		}))
	);
}

/** The forms of a unit's year as the CSVs have them: the department form first. */
function expectedForms(unit: string, year: number) {
	return formsOf(unit, year)
		.sort((a, b) =>
			a.form === b.form ? a.eval_id.localeCompare(b.eval_id) : a.form === 'department' ? -1 : 1
		)
		.map((e) => ({
			id: e.eval_id,
			indicators: indicators.filter((i) => i.eval_id === e.eval_id).length
		}));
}

/** Whether an element is (at least partly) inside the window. */
const inView = (page: Page, selector: string) =>
	page.$eval(selector, (el) => {
		const r = el.getBoundingClientRect();
		return r.top < window.innerHeight && r.bottom > 0;
	});

describe('without JavaScript', () => {
	it('reads the latest year’s forms and a tab per year', async () => {
		const { page, context } = await h.open(`/units/${DEMO.id}/`, { javaScriptEnabled: false });
		expect(await page.locator('h2[data-year]').getAttribute('data-year')).toBe(String(LATEST));
		expect((await shownForms(page)).map((f) => f.id).sort()).toEqual(
			expectedForms(DEMO.id, LATEST)
				.map((f) => f.id)
				.sort()
		);
		const tabs = page.locator('[data-testid="year-tabs"] a');
		expect(await tabs.allTextContents()).toEqual(DEMO.years.map(String));
		expect(await page.locator('[data-testid="year-tabs"] a[aria-current]').textContent()).toBe(
			String(LATEST)
		);
		expect(await page.isVisible('[data-testid="year-nojs"]')).toBe(false);
		await context.close();
	});

	it('a tab for an older year says it needs JavaScript instead of showing the latest forms under it', async () => {
		const { page, context } = await h.open(`/units/${DEMO.id}/`, { javaScriptEnabled: false });
		await page.click(`[data-testid="year-tabs"] a[data-year="${OLDEST}"]`);
		await page.waitForURL((u) => u.search === `?year=${OLDEST}` && u.hash === `#year-${OLDEST}`);
		expect(await page.isVisible('[data-testid="year-nojs"]')).toBe(true);
		const note = (await page.textContent('[data-testid="year-nojs"]'))!;
		expect(note).toContain('JavaScript');
		expect(note).toContain(String(LATEST));
		expect(await page.isVisible('[data-testid="unit-year-results"]')).toBe(false);
		expect(await page.isVisible('h2[data-year]')).toBe(false);
		await h.shot(page, 'unit-page-nojs-older');
		// The latest year's tab shows its forms again.
		await page.click(`[data-testid="year-tabs"] a[data-year="${LATEST}"]`);
		await page.waitForURL((u) => u.hash === `#year-${LATEST}`);
		expect(await page.isVisible('[data-testid="year-nojs"]')).toBe(false);
		expect(await page.isVisible(`h2[data-year="${LATEST}"]`)).toBe(true);
		await context.close();
	});

	it('a link to a form of an older year says so too, and the latest year’s forms stay hidden', async () => {
		const form = formsOf(DEMO.id, OLDEST).find((e) => e.form === 'project')!;
		const { page, context } = await h.open(
			`/units/${DEMO.id}/?year=${OLDEST}#${encodeURIComponent(form.eval_id)}`,
			{ javaScriptEnabled: false }
		);
		expect(await page.isVisible('[data-testid="year-nojs"]')).toBe(true);
		expect(await page.isVisible('[data-testid="unit-year-results"]')).toBe(false);
		// Each form of every year not shown has its place; none of the latest year's is doubled.
		const anchors = await page.$$eval('[data-form-anchor]', (els) => els.map((e) => e.id));
		const older = evals.filter((e) => e.unit_id === DEMO.id && Number(e.year) !== LATEST);
		expect(anchors.sort()).toEqual(older.map((e) => e.eval_id).sort());
		await context.close();
	});

	it('says so in English too', async () => {
		const { page, context } = await h.open(
			`/units/${DEMO.id}/?year=${OLDEST}&lang=en#year-${OLDEST}`,
			{ javaScriptEnabled: false }
		);
		expect(await page.textContent('[data-testid="year-nojs"]')).toContain('need JavaScript');
		await context.close();
	});
});

describe('with JavaScript', () => {
	it('a link into a unit’s page loads it whole (its __data.json is not published); leaving it and Back work', async () => {
		// The build publishes no unit page's data file, and keeps the others' (the list of units').
		expect(existsSync(join(ROOT, 'build/units', DEMO.id, '__data.json'))).toBe(false);
		expect(existsSync(join(ROOT, 'build/units/__data.json'))).toBe(true);
		const { page, context, requests } = await h.open('/units/');
		const marked = () => page.evaluate(() => (window as { mark?: number }).mark ?? null);
		await page.evaluate(() => ((window as { mark?: number }).mark = 1));
		const link = page.locator(`main a[href$="units/${DEMO.id}/"]`).first();
		await link.hover();
		await link.click();
		await page.waitForURL((u) => u.pathname === `/units/${DEMO.id}/`);
		await page.waitForSelector('html[data-hydrated]');
		// A new document: the mark set on the list is gone.
		expect(await marked()).toBeNull();
		expect(await shownForms(page)).toEqual(expectedForms(DEMO.id, LATEST));
		// Back on the list (from the browser's cache or loaded again), another unit's link loads too.
		await page.goBack();
		await page.waitForURL((u) => u.pathname === '/units/');
		await page.waitForSelector('html[data-hydrated]');
		await page.evaluate(() => ((window as { mark?: number }).mark = 1));
		await page.locator(`main a[href$="units/${REF}/"]`).first().click();
		await page.waitForURL((u) => u.pathname === `/units/${REF}/`);
		await page.waitForSelector('html[data-hydrated]');
		expect(await marked()).toBeNull();
		await page.goBack();
		await page.waitForURL((u) => u.pathname === '/units/');
		await page.waitForSelector('html[data-hydrated]');
		await page.evaluate(() => ((window as { mark?: number }).mark = 1));
		await page.locator(`main a[href$="units/${DEMO.id}/"]`).first().click();
		await page.waitForURL((u) => u.pathname === `/units/${DEMO.id}/`);
		await page.waitForSelector('html[data-hydrated]');
		expect(await marked()).toBeNull();
		// Leaving is a move within the site, as before; Back loads the unit's page again.
		await page.evaluate(() => ((window as { mark?: number }).mark = 2));
		await page.click('header.site nav a[href$="/trends/"]');
		await page.waitForURL((u) => u.pathname === '/trends/');
		expect(await marked()).toBe(2);
		await page.goBack();
		await page.waitForURL((u) => u.pathname === `/units/${DEMO.id}/`);
		await page.waitForSelector(`h2[data-year="${LATEST}"]`);
		await page.waitForSelector('html[data-hydrated]');
		expect(await shownForms(page)).toEqual(expectedForms(DEMO.id, LATEST));
		expect(requests.filter((u) => /\/units\/[^/]+\/__data\.json/.test(u))).toEqual([]);
		await context.close();
	});

	it('reads an older year (?year=) in the browser: exactly its forms and indicators in the CSVs', async () => {
		const { page, context } = await h.open(`/units/${DEMO.id}/?year=${OLDEST}`);
		await page.waitForSelector(`h2[data-year="${OLDEST}"]`, { timeout: 60_000 });
		await page.waitForSelector('[data-testid="unit-year-results"][aria-busy="false"]');
		expect(await shownForms(page)).toEqual(expectedForms(DEMO.id, OLDEST));
		const dept = formsOf(DEMO.id, OLDEST).find((e) => e.form === 'department')!;
		const budget = (await page.textContent(`article[data-eval="${dept.eval_id}"] table.budget`))!;
		expect(budget).toContain(dept.budget_final_text);
		expect(budget).toContain(dept.executed_text);
		expect(await page.locator('[data-testid="year-tabs"] a[aria-current]').textContent()).toBe(
			String(OLDEST)
		);
		await context.close();
	});

	it('a form link (?year=…#<eval_id>) scrolls to the form once its year is read', async () => {
		const form = formsOf(DEMO.id, OLDEST).find((e) => e.form === 'project')!;
		const { page, context } = await h.open(
			`/units/${DEMO.id}/?year=${OLDEST}#${encodeURIComponent(form.eval_id)}`
		);
		await page.waitForSelector(`article[id="${form.eval_id}"]`, { timeout: 60_000 });
		await page.waitForFunction(
			(id) => {
				const r = document.getElementById(id)?.getBoundingClientRect();
				return !!r && r.top < window.innerHeight && r.bottom > 0;
			},
			form.eval_id,
			{ timeout: 10_000 }
		);
		expect(await inView(page, `article[id="${form.eval_id}"]`)).toBe(true);
		await context.close();
	});

	it('the profile’s flag links open their form, in the latest year or another', async () => {
		const { page, context } = await h.open(`/units/${DEMO.id}/`);
		const links = page.locator('[data-testid="unit-flags"] a[href*="?year="]');
		const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(hrefs.length).toBeGreaterThan(0);
		// One link of a year that is not prerendered, if the unit has one, else the first.
		const href =
			hrefs.find((x) => !x.includes(`year=${LATEST}`) && !x.includes('#year-')) ?? hrefs[0];
		const id = decodeURIComponent(href.split('#')[1]);
		await page.click(`[data-testid="unit-flags"] a[href="${href}"]`);
		await page.waitForSelector(`article[id="${id}"]`, { timeout: 60_000 });
		await page.waitForFunction(
			(i) => {
				const r = document.getElementById(i)?.getBoundingClientRect();
				return !!r && r.top < window.innerHeight && r.bottom > 0;
			},
			id,
			{ timeout: 10_000 }
		);
		await context.close();
	});

	it('switches years with the tabs, and back and forward between them', async () => {
		const { page, context } = await h.open(`/units/${DEMO.id}/`);
		const second = DEMO.years[1];
		expect(await shownForms(page)).toEqual(expectedForms(DEMO.id, LATEST));
		for (const y of [second, OLDEST]) {
			await page.click(`[data-testid="year-tabs"] a[data-year="${y}"]`);
			await page.waitForURL((u) => u.search === `?year=${y}` && u.hash === `#year-${y}`);
			await page.waitForSelector(`h2[data-year="${y}"]`, { timeout: 60_000 });
			expect(await shownForms(page)).toEqual(expectedForms(DEMO.id, y));
			expect(await page.locator('[data-testid="year-tabs"] a[aria-current]').textContent()).toBe(
				String(y)
			);
			// The tabs stay in view: the page scrolled to the year, not to its top.
			expect(await inView(page, '[data-testid="year-tabs"]')).toBe(true);
		}
		await h.shot(page, 'unit-page-older-year');
		await page.goBack();
		await page.waitForSelector(`h2[data-year="${second}"]`, { timeout: 30_000 });
		expect(await shownForms(page)).toEqual(expectedForms(DEMO.id, second));
		await page.goBack();
		await page.waitForSelector(`h2[data-year="${LATEST}"]`, { timeout: 30_000 });
		expect(await shownForms(page)).toEqual(expectedForms(DEMO.id, LATEST));
		await page.goForward();
		await page.waitForSelector(`h2[data-year="${second}"]`, { timeout: 30_000 });
		expect(new URL(page.url()).searchParams.get('year')).toBe(String(second));
		expect(await page.locator('h2[data-year]').count()).toBe(1);
		await context.close();
	});

	it('says so when a unit filed no forms in the year asked for', async () => {
		const none = OLDEST - 1;
		const { page, context } = await h.open(`/units/${DEMO.id}/?year=${none}`);
		await page.waitForSelector('[data-testid="unit-year-none"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="unit-year-none"]')).toContain(String(none));
		expect(await page.locator('article[data-eval]').count()).toBe(0);
		await context.close();
	});
});

describe('after a user’s files joined the published data', () => {
	it('back from /data/, the unit is read from the tab’s database (a load of its page would drop the data), any year', async () => {
		const { page, context } = await h.open(`/units/${DEMO.id}/`);
		// In English: the language switch writes SvelteKit's page address into the history entry,
		// which Back must not follow to the unit's page.
		await page.click('[data-action="lang"]');
		await page.waitForURL((u) => u.searchParams.get('lang') === 'en');
		await page.click('header.site nav a[href*="/data/"]');
		await page.waitForSelector('input[name="mode"][value="add"]');
		await page.check('input[name="mode"][value="add"]');
		await page.setInputFiles(
			'input[type=file]',
			['单位-gbk.csv', 'evaluations-bom.csv', '指标-semicolon.csv'].map((f) =>
				join(ROOT, 'test/fixtures/import', f)
			)
		);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded"]', { timeout: 120_000 });
		await page.goBack();
		await page.waitForURL((u) => u.pathname === '/imported/unit/');
		expect(new URL(page.url()).searchParams.get('id')).toBe(DEMO.id);
		await page.waitForSelector('[data-testid="year-tabs"]');
		// The history keeps its order: Forward is /data/ with the data still loaded, Back the unit again.
		await page.goForward();
		await page.waitForURL((u) => u.pathname === '/data/');
		await page.waitForSelector('[data-testid="local-banner"]');
		await page.goBack();
		await page.waitForURL((u) => u.pathname === '/imported/unit/');
		await page.waitForSelector('[data-testid="year-tabs"]');
		await page.click(`[data-testid="year-tabs"] a[data-year="${OLDEST}"]`);
		await page.waitForSelector(`h2[data-year="${OLDEST}"]`, { timeout: 60_000 });
		await page.waitForSelector('[data-testid="unit-year-results"][aria-busy="false"]');
		expect(await shownForms(page)).toEqual(expectedForms(DEMO.id, OLDEST));
		await context.close();
	}, 240_000);
});

describe('screenshots', () => {
	it('at 1280 and 375 px, in Chinese and English: the sample unit, and an older year of a demo unit', async () => {
		for (const width of [1280, 375]) {
			// The sample unit in Chinese at 1280 px and in English at 375 px (each layout and language once).
			const lang = width === 1280 ? 'zh' : 'en';
			const ref = await h.open(`/units/${REF}/${lang === 'en' ? '?lang=en' : ''}`, { width });
			await h.shot(ref.page, `unit-page-${REF}-${lang}-${width}`);
			await ref.context.close();
			// An older year of a demo unit, read once, then in English (the language changes in place).
			const { page, context } = await h.open(`/units/${DEMO.id}/?year=${OLDEST}#year-${OLDEST}`, {
				width
			});
			await page.waitForSelector(`h2[data-year="${OLDEST}"]`, { timeout: 90_000 });
			await h.shot(page, `unit-page-demo-${OLDEST}-zh-${width}`);
			await page.click('[data-action="lang"]');
			await page.waitForFunction(() => document.documentElement.lang === 'en');
			await h.shot(page, `unit-page-demo-${OLDEST}-en-${width}`);
			// No page is wider than the window.
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
			).toBe(true);
			await context.close();
		}
	}, 300_000);
});

describe('across the unit pages', () => {
	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
