// The one search, driven from the header box: 资金 in form-level execution reasons (counted from the CSVs), a hit followed to its form, and a search of imported data.
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
		await page.click('[data-testid="show-all-reasons"]');
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
		await search(page, '冰雹');
		expect(await page.locator('section[data-group="reasons"] li').count()).toBe(1);
		await search(page, '资金');
		expect(await page.textContent('[data-testid="search-none"]')).toContain('资金');
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
