// Views over imported data: the unit list follows it, a 3,000-character unit name stays inside the page, and a reload asks first.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const LONG_ID = '990901-long';
const SHORT_ID = '990902-short';
// 3,000 characters: CJK text, then a run of Latin letters with no place to break.
const LONG_NAME = '虚构超长名称单位'.repeat(150) + 'X'.repeat(1800);

/** A small synthetic dataset (canonical CSV) with one unit of a 3,000-character name. */
function dataset(): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'jixiao-long-'));
	const units = [
		'unit_id,name,short_name,region,region_code,sector,provenance',
		`${LONG_ID},${LONG_NAME},${LONG_NAME},虚构省,990901,纪检监察,synthetic`,
		`${SHORT_ID},虚构省短名单位,短名单位,虚构省,990902,纪检监察,synthetic`
	];
	const evaluations = [
		'eval_id,unit_id,year,form,project_name,budget_initial,budget_final,executed,exec_rate_reported,total_weight,total_score,provenance'
	];
	const indicators = ['eval_id,seq,level1,level2,level3,target_text,actual_text,weight,score'];
	for (const u of [LONG_ID, SHORT_ID])
		for (const y of [2022, 2023]) {
			const project = u === LONG_ID ? `办案经费${'长'.repeat(500)}` : '办案经费';
			evaluations.push(
				`${u}-${y}-dept,${u},${y},department,,100,120,110,0.9167,100,${y === 2022 ? 90 : 95},synthetic`,
				`${u}-${y}-p01,${u},${y},project,${project},10,10,9,0.9,100,88,synthetic`
			);
			// 47 of 50 cases, full marks: the audit flags it, so the unit shows on the audit page.
			indicators.push(`${u}-${y}-dept,1,产出指标,数量指标,办理案件数,50件,47件,20,20`);
		}
	const files = {
		'units.csv': units,
		'evaluations.csv': evaluations,
		'indicators.csv': indicators
	};
	return Object.entries(files).map(([name, lines]) => {
		writeFileSync(join(dir, name), lines.join('\n') + '\n');
		return join(dir, name);
	});
}

/** Loads files on /data/ (replacing the published data in this tab). */
async function importFiles(page: Page, files: string[]) {
	await page.setInputFiles('input[type=file]', files);
	await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
	expect(await page.locator('[data-testid="errors"]').count()).toBe(0);
	await page.click('[data-action="load"]');
	await page.waitForSelector('[data-testid="loaded"]', { timeout: 60_000 });
}

/** Follows a link inside the app, as a click would: a page load would drop the imported data. */
async function go(page: Page, path: string) {
	await page.evaluate((href) => {
		const a = document.createElement('a');
		a.href = href;
		document.querySelector('main')!.append(a);
		a.click();
		a.remove();
	}, path);
	const target = new URL(path, 'http://x');
	await page.waitForURL(
		(u) =>
			u.pathname === target.pathname &&
			[...target.searchParams].every(([k, v]) => u.searchParams.get(k) === v),
		{ timeout: 30_000 }
	);
}

const unitKeys = (page: Page) =>
	page
		.locator('[data-testid="units"] tbody tr')
		.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')));

describe('imported data', () => {
	it('/units/ lists exactly the imported units, and each of them opens its profile', async () => {
		const { page } = await h.open('/data/');
		await importFiles(page, dataset());
		await page.click('header.site nav a:text-is("单位")');
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="units"] tbody tr').length === 2,
			null,
			{ timeout: 30_000 }
		);
		expect((await unitKeys(page)).sort()).toEqual([LONG_ID, SHORT_ID]);
		expect(await page.isVisible('[data-testid="local-banner"]')).toBe(true);
		expect(await page.textContent('[data-testid="units-count"]')).toContain(
			'你导入的数据中共 2 个'
		);
		await h.shot(page, 'local-units');
		for (const id of [LONG_ID, SHORT_ID]) {
			await page.click(`[data-testid="units"] tr[data-key="${id}"] td[data-col="unit"] a`);
			await page.waitForURL(
				(u) => u.pathname === '/imported/unit/' && u.searchParams.get('id') === id
			);
			await page.waitForSelector('[data-testid="unit-years"]', { timeout: 30_000 });
			expect(await page.textContent('main')).not.toContain('没有这个单位');
			expect(await page.locator('[data-testid="unit-years"] tbody tr').count()).toBe(2);
			await page.goBack();
			await page.waitForFunction(
				() => document.querySelectorAll('[data-testid="units"] tbody tr').length === 2
			);
		}
		// An old link (/unit/?id=…) still opens the unit, in the app: the imported data stays loaded.
		await page.evaluate((href) => {
			const a = document.createElement('a');
			a.href = href;
			document.querySelector('main')!.append(a);
			a.click();
		}, `/unit/?id=${SHORT_ID}&year=2023#${SHORT_ID}-2023-dept`);
		await page.waitForURL(
			(u) =>
				u.pathname === '/imported/unit/' &&
				u.search === `?id=${SHORT_ID}&year=2023` &&
				u.hash === `#${SHORT_ID}-2023-dept`
		);
		await page.waitForSelector(`article[data-eval="${SHORT_ID}-2023-dept"]`, { timeout: 30_000 });
		expect(await page.isVisible('[data-testid="local-banner"]')).toBe(true);
	});

	it('a 3,000-character unit name wraps: no page is wider than the window, at 1280 and 375 px', async () => {
		const { page } = await h.open('/data/');
		await importFiles(page, dataset());
		const paths = [
			['/', 'overview'],
			['/units/', 'units'],
			[`/imported/unit/?id=${LONG_ID}`, 'unit'],
			[`/imported/unit/?id=${LONG_ID}&year=2023`, 'unit-year'],
			[`/compare/?units=${LONG_ID},${SHORT_ID}`, 'compare'],
			['/projects/', 'projects'],
			['/audit/', 'audit'],
			['/trends/', 'trends'],
			['/indicators/', 'indicators']
		] as const;
		for (const width of [1280, 375]) {
			await page.setViewportSize({ width, height: 900 });
			for (const [path, name] of paths) {
				await go(page, path);
				if (name !== 'trends' && name !== 'indicators')
					await page.waitForFunction(
						(s) => document.querySelector('main')!.textContent!.includes(s),
						LONG_NAME.slice(-40),
						{ timeout: 30_000 }
					);
				// Charts redraw on their own clock: let them settle.
				await page.waitForTimeout(400);
				const wide = await page.evaluate(() => ({
					page: document.documentElement.scrollWidth,
					culprits: [...document.querySelectorAll('main *')]
						.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
						.filter((e) => !e.closest('.table-scroll'))
						.slice(0, 5)
						.map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
				}));
				expect
					.soft(wide.page, `${name} at ${width}px: ${wide.culprits.join(', ')}`)
					.toBeLessThanOrEqual(width + 1);
				await h.shot(page, `local-long-name-${name}-${width}`);
			}
		}
	});

	it('a reload asks first while the imported data is not downloaded; the banner says it lives in this tab', async () => {
		const { page } = await h.open('/data/');
		await importFiles(page, dataset());
		expect(await page.textContent('[data-testid="local-banner"]')).toContain(
			'数据只在这个标签页里'
		);
		// Dismissing the prompt keeps the page, and the data.
		const dialogs: string[] = [];
		const dismiss = async (d: Dialog) => {
			dialogs.push(d.type());
			await d.dismiss();
		};
		page.on('dialog', dismiss);
		await page.evaluate(() => setTimeout(() => location.reload(), 0));
		await expect.poll(() => dialogs, { timeout: 10_000 }).toEqual(['beforeunload']);
		expect(await page.isVisible('[data-testid="local-banner"]')).toBe(true);
		await page.click('[data-action="lang"]');
		expect(await page.textContent('[data-testid="local-banner"]')).toContain(
			'it lives only in this tab'
		);
		// Once downloaded, a reload goes ahead with no prompt and shows the published data again.
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 120_000 }),
			page.click('[data-action="export"]')
		]);
		expect(download.suggestedFilename()).toBe('jixiao-dataset-local.zip');
		await page.reload();
		await page.waitForSelector('html[data-hydrated]');
		expect(dialogs).toEqual(['beforeunload']);
		expect(await page.locator('[data-testid="local-banner"]').count()).toBe(0);
	});
});
