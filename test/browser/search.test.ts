// The one search, driven from the header box: 资金 in form-level execution reasons (counted from the CSVs), a hit followed to its form, each hit's provenance badge, the language kept by both forms, and a search of imported data.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Searches from the header box (Enter submits) and waits for the answer. */
async function search(page: Page, q: string): Promise<void> {
	await page.fill('[data-testid="site-search"] input[name="q"]', q);
	await page.press('[data-testid="site-search"] input[name="q"]', 'Enter');
	await page.waitForURL((u) => u.pathname.endsWith('/search/') && u.searchParams.get('q') === q);
	await page.waitForSelector('[data-testid="search-summary"], [data-testid="search-none"]', {
		timeout: 30_000
	});
}

/** Clicks a group's "show more" until every hit is shown, each click adding at most 200. */
async function showAll(page: Page, group: string): Promise<void> {
	const list = page.locator(`section[data-group="${group}"] li`);
	const more = page.locator(`[data-testid="show-more-${group}"]`);
	while (await more.count()) {
		const before = await list.count();
		await more.click();
		await page.waitForFunction(
			([sel, n]) => document.querySelectorAll(sel as string).length > (n as number),
			[`section[data-group="${group}"] li`, before] as const
		);
		expect((await list.count()) - before).toBeLessThanOrEqual(200);
	}
}

describe('search', () => {
	it('finds every form-level execution reason that mentions 资金 and leads to its form', async () => {
		const expected = allRows('evaluations').filter((e) => (e.exec_reason ?? '').includes('资金'));
		expect(expected.length).toBeGreaterThan(10);
		const { page } = await h.open('/');
		// "/" puts the cursor in the header's box.
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
		await search(page, '资金');
		const reasons = page.locator('section[data-group="reasons"]');
		const count = Number(await reasons.getAttribute('data-count'));
		expect(count).toBeGreaterThan(expected.length);
		expect(await reasons.locator('li').count()).toBe(10);
		await showAll(page, 'reasons');
		expect(await reasons.locator('li').count()).toBe(count);
		const exec = reasons.locator('li[data-field="exec_reason"]');
		expect(await exec.count()).toBe(expected.length);
		// Each hit marks 资金 in its text and names the field.
		const first = exec.first();
		expect(await first.locator('mark').first().textContent()).toBe('资金');
		expect(await first.locator('.field').textContent()).toBe('执行率偏差原因');
		const text = (await first.locator('.text').textContent())!;
		await h.shot(page, 'search-zijin');
		const href = (await first.locator('a.title').getAttribute('href'))!;
		const evalId = decodeURIComponent(href.split('#')[1]);
		await first.locator('a.title').click();
		await page.waitForURL((u) => u.hash === `#${encodeURIComponent(evalId)}`);
		const article = page.locator(`article[id="${evalId}"]`);
		expect(await article.textContent()).toContain(text);
	});

	it('marks each hit ★ published or 合成 synthetic, as the CSVs say', async () => {
		const prov = new Map(allRows('units').map((u) => [u.unit_id, u.provenance]));
		const badge = { published: '★ 公开', synthetic: '合成' } as Record<string, string>;
		const { page } = await h.open('/');
		// 渌口 is only in the published sample.
		await search(page, '渌口');
		const lukou = page.locator('section[data-group] li');
		expect(await lukou.count()).toBeGreaterThan(0);
		for (const li of await lukou.all())
			expect(await li.locator('.badge').textContent()).toBe('★ 公开');
		// 纪委: the published unit among the demo's. Each hit's badge is its unit's provenance in the
		// CSVs (in this data every form has its unit's; the unit tests check forms' own).
		await search(page, '纪委');
		await showAll(page, 'units');
		const hits = page.locator('section[data-group] li');
		const seen = new Set<string>();
		for (const li of await hits.all()) {
			const href = (await li.locator('a.title').getAttribute('href'))!;
			const id = decodeURIComponent(href.match(/\/units\/([^/]+)\//)![1]);
			const p = prov.get(id)!;
			expect(await li.locator('.badge').textContent()).toBe(badge[p]);
			seen.add(p);
		}
		expect([...seen].sort()).toEqual(['published', 'synthetic']);
		await page.click('[data-testid="show-fewer-units"]');
		expect(await page.locator('section[data-group="units"] li').count()).toBe(10);
		await h.shot(page, 'search-provenance');
	});

	it('keeps English in both search forms: a plain form submission carries lang=en', async () => {
		const zh = (await h.open('/search/?q=%E6%B8%8C%E5%8F%A3')).page;
		await zh.waitForSelector('[data-testid="search-summary"]');
		expect(await zh.locator('form[role="search"] input[name="lang"]').count()).toBe(0);
		const { page } = await h.open('/?lang=en');
		/** Submits a form as the browser does without JavaScript (no submit handler, no router). */
		const submit = async (form: string, q: string) => {
			await page.fill(`${form} input[name="q"]`, q);
			const [req] = await Promise.all([
				page.waitForRequest((r) => r.isNavigationRequest() && r.url().includes('/search/?')),
				page.evaluate((sel) => (document.querySelector(sel) as HTMLFormElement).submit(), form)
			]);
			const url = new URL(req.url());
			expect(url.searchParams.get('q')).toBe(q);
			expect(url.searchParams.get('lang')).toBe('en');
			await page.waitForSelector('html[data-hydrated]', { timeout: 30_000 });
			await page.waitForSelector('[data-testid="search-summary"]', { timeout: 30_000 });
			expect(await page.textContent('h1')).toBe(`Search “${q}”`);
		};
		await submit('[data-testid="site-search"]', '渌口');
		expect(await page.locator('section[data-group] li .badge').first().textContent()).toBe(
			'★ Published'
		);
		await submit('[data-testid="search-page-form"]', '纪委');
		expect(h.errors).toEqual([]);
	});

	it('searches imported data, built into an index in the browser', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'jixiao-search-'));
		writeFileSync(
			join(dir, 'units.csv'),
			'unit_id,name,short_name,provenance\nt9,虚构县搜索测试专用局,搜索测试局,synthetic\n'
		);
		writeFileSync(
			join(dir, 'evaluations.csv'),
			'eval_id,unit_id,year,form,exec_reason,provenance\nt9-2024-dept,t9,2024,department,因罕见冰雹延误工期,synthetic\n'
		);
		const { page } = await h.open('/data/');
		await page.setInputFiles('input[type=file]', [
			join(dir, 'units.csv'),
			join(dir, 'evaluations.csv')
		]);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded"]', { timeout: 60_000 });
		await search(page, '搜索测试');
		const units = page.locator('section[data-group="units"]');
		expect(await units.getAttribute('data-count')).toBe('1');
		expect(await units.locator('a.title').getAttribute('href')).toContain('/imported/unit/?id=t9');
		// The imported rows' provenance reaches the hit through the same index build.
		expect(await units.locator('.badge').textContent()).toBe('合成');
		await search(page, '冰雹');
		expect(await page.locator('section[data-group="reasons"] li').count()).toBe(1);
		await search(page, '资金');
		expect(await page.textContent('[data-testid="search-none"]')).toContain('资金');
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
