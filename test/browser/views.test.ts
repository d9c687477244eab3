// Every analytical view in a real browser: filters in the URL, figures against the CSVs, tables, downloads, languages.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECTS_SHOWN } from '../../src/lib/views/unit/load';
import { allRows } from '../helpers/data';
import { provinceSized, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const REF = '430212-jiwei';
const VIEWS = [
	['/', 'overview'],
	['/trends/', 'trends'],
	['/compare/', 'compare'],
	['/forms/', 'forms'],
	['/projects/', 'projects'],
	['/indicators/', 'indicators'],
	['/audit/', 'audit'],
	[`/units/${REF}/`, 'unit-lukou-profile'],
	['/units/', 'units']
] as const;

async function ready(page: Page) {
	await page.waitForSelector('[data-db-status="ready"]', { timeout: 60_000 }).catch(() => {});
}

async function download(
	page: Page,
	click: () => Promise<void>
): Promise<{ name: string; bytes: Buffer }> {
	const [d] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

describe('every view', () => {
	for (const [path, name] of VIEWS)
		it(`${name}: renders in zh and en, at desktop width and at 375 px, with no page-wide overflow`, async () => {
			for (const width of [1280, 375]) {
				const { page, context } = await h.open(path, { width });
				await page.waitForSelector('main h1');
				await page.waitForTimeout(300);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
					width + 1
				);
				// Screenshots of each language once and each width once (Chinese at 1280, English at 375):
				// full-page shots are most of this test's time, and the overflow is checked in both.
				if (width === 1280) await h.shot(page, `${name}-zh-${width}`);
				await page.click('[data-action="lang"]');
				await page.waitForFunction(() => document.documentElement.lang === 'en');
				expect(await page.textContent('header.site nav')).toContain('Overview');
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
					width + 1
				);
				if (width === 375) await h.shot(page, `${name}-en-${width}`);
				await context.close();
			}
		});

	it('keeps English after a reload and takes ?lang=zh back', async () => {
		const { page } = await h.open('/trends/');
		await page.click('[data-action="lang"]');
		await page.reload();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await page.textContent('h1')).toBe('Trends');
		await page.goto(`${h.server.url}/trends/?lang=zh`);
		await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
		expect(await page.textContent('h1')).toBe('趋势');
	});
});

describe('overview', () => {
	it('sorts the ranking by any column, by mouse and keyboard, and opens a unit from it', async () => {
		const { page } = await h.open('/');
		const rates = async () =>
			(await page.locator('[data-testid="unit-table"] td[data-col="rate"]').allTextContents()).map(
				(t) => parseFloat(t)
			);
		await page.click('[data-testid="unit-table"] button[data-sort="rate"]');
		const desc = await rates();
		expect(desc).toEqual([...desc].sort((a, b) => b - a));
		await page.focus('[data-testid="unit-table"] button[data-sort="rate"]');
		await page.keyboard.press('Enter');
		const asc = await rates();
		expect(asc).toEqual([...asc].sort((a, b) => a - b));
		expect(
			await page.getAttribute(
				'[data-testid="unit-table"] th:has(button[data-sort="rate"])',
				'aria-sort'
			)
		).toBe('ascending');
		const first = page.locator('[data-testid="unit-table"] td[data-col="unit"] a').first();
		const href = await first.getAttribute('href');
		await first.click();
		await page.waitForURL((u) => `${u.pathname}${u.search}${u.hash}` === href);
		// The ranking is of the latest year: the unit opens at its forms (/units/<id>/?year=<year>).
		const url = new URL(href!, 'http://x');
		const id = url.pathname.split('/').filter(Boolean)[1];
		const year = url.searchParams.get('year');
		await page.waitForSelector(`h2[data-year="${year}"]`);
		expect(await page.locator(`h2[data-year]`).count()).toBe(1);
		const unit = allRows('units').find((u) => u.unit_id === id)!;
		expect(await page.locator('h1').textContent()).toContain(unit.name);
	});

	it('downloads tables as CSV with BOM and XLSX, and charts as PNG, and shows a chart as a table', async () => {
		const { page } = await h.open('/years/2023/');
		const csv = await download(page, () =>
			page
				.locator('[data-testid="unit-table"]')
				.locator('xpath=../..')
				.locator('button:has-text("CSV")')
				.click()
		);
		expect(csv.name).toBe('jixiao-units-2023.csv');
		expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		const text = csv.bytes.toString('utf8');
		expect(text).toContain('渌口区纪委监委,★ 公开,100,');
		expect(text).toContain(',1715.85,');
		const xlsx = await download(page, () =>
			page
				.locator('[data-testid="unit-table"]')
				.locator('xpath=../..')
				.locator('button:has-text("XLSX")')
				.click()
		);
		const sheet = strFromU8(unzipSync(new Uint8Array(xlsx.bytes))['xl/worksheets/sheet1.xml']);
		expect(sheet).toContain('渌口区纪委监委');
		expect(sheet).toContain('<v>1715.85</v>');
		await page.waitForSelector('[data-panel="exec"] [data-chart-drawn="true"]');
		const png = await download(page, () => page.click('[data-panel="exec"] [data-action="png"]'));
		expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
		await page.click('[data-panel="exec"] [data-action="table"]');
		const rows = allRows('evaluations').filter((e) => e.year === '2023' && e.form === 'department');
		expect(await page.locator('[data-testid="exec-table"] tbody tr').count()).toBe(rows.length);
	});
});

describe('projects', () => {
	it('at a province’s size, loads the year’s rest at a click, and every year only when asked', async () => {
		// Each year file at 0.8 MB: the year's projects (1.6 MB) wait for “load all”, every year's for a second ask.
		const { page, requests } = await h.open('/schema/');
		const latest = await provinceSized(page);
		await page.goto(`${h.server.url}/projects/`);
		await ready(page);
		await page.click('[data-action="load-all"]');
		await page.waitForSelector('[data-action="load-all"]', { state: 'detached' });
		const years = () =>
			new Set(
				requests
					.filter((u) => u.includes('/parts/year/'))
					.map((u) => new URL(u).pathname.replace(/.*\/parts\/year\/([^/]+)\/.*/, '$1'))
			);
		expect([...years()]).toEqual([String(latest)]);
		// That click asked for the latest year only: every year is held back, and offers the latest.
		await page.selectOption('[data-testid="project-filters"] select[name="year"]', 'all');
		await page.waitForURL(/year=all/);
		const held = await page.waitForSelector('[data-testid="project-results-held"]');
		expect(await held.textContent()).toContain(`只看 ${latest} 年`);
		expect([...years()]).toEqual([String(latest)]);
		await page.click('[data-action="narrow-held"]');
		await page.waitForFunction(() => !location.search.includes('year='));
		await page.waitForSelector('[data-testid="project-results-held"]', { state: 'detached' });
		expect(await page.locator('[data-testid="projects"] tbody tr').count()).toBe(50);
	});

	it('filters through the URL, with back and forward, and shows a project’s history', async () => {
		const { page } = await h.open('/projects/');
		const projects = allRows('evaluations').filter((e) => e.form === 'project');
		const count = () => page.locator('[data-testid="projects"] tbody tr').count();
		// The table shows 50 rows at a time, and says how many there are.
		const shown = (n: number) => Math.min(n, 50);
		const latest = projects.filter((e) => e.year === '2025').length;
		expect(latest).toBeGreaterThan(50);
		expect(await count()).toBe(50);
		expect(await page.textContent('[data-testid="projects-count"]')).toContain(
			latest.toLocaleString('en-US')
		);
		await ready(page);
		await page.selectOption('[data-testid="project-filters"] select[name="year"]', 'all');
		await page.fill('[data-testid="project-filters"] input[name="max"]', '95');
		await page.press('[data-testid="project-filters"] input[name="max"]', 'Enter');
		await page.waitForURL(/year=all&max=95/);
		const low = projects.filter(
			(e) => (Number(e.total_score) / Number(e.total_weight)) * 100 <= 95
		);
		await page.waitForFunction(
			(n) => document.querySelector('[data-testid="projects-count"]')?.textContent?.startsWith(n),
			`${low.length.toLocaleString('en-US')} 行`
		);
		expect(await count()).toBe(shown(low.length));
		await h.shot(page, 'projects-filtered');
		await page.goBack();
		await page.waitForFunction(() => !location.search.includes('max='));
		await page.goBack();
		await page.waitForFunction(
			(n) => document.querySelector('[data-testid="projects-count"]')?.textContent?.startsWith(n),
			`${latest.toLocaleString('en-US')} 行`
		);
		await page.goForward();
		await page.goForward();
		await page.waitForFunction(
			(n) => document.querySelector('[data-testid="projects-count"]')?.textContent?.startsWith(n),
			`${low.length.toLocaleString('en-US')} 行`
		);
		const row = page.locator('[data-testid="projects"] tbody tr').first();
		const unitName = (await row.locator('td[data-col="unit"]').textContent())!.trim();
		const projectName = (await row.locator('td[data-col="project"]').textContent())!.trim();
		await row.locator('td[data-col="project"] a').click();
		await page.waitForSelector('[data-panel="project-history"]');
		const unitId = allRows('units').find((u) => u.short_name === unitName)!.unit_id;
		const years = allRows('evaluations').filter(
			(e) => e.unit_id === unitId && e.project_name === projectName
		).length;
		expect(await page.textContent('[data-panel="project-history"] h2')).toContain(projectName);
		await page.click('[data-panel="project-history"] [data-action="table"]');
		expect(await page.locator('[data-testid="project-history-table"] tbody tr').count()).toBe(
			years
		);
	});
});

describe('indicators', () => {
	it('searches deviation reasons and narrows to a year', async () => {
		const { page } = await h.open('/indicators/');
		await ready(page);
		await page.fill('[data-testid="indicator-filters"] input[name="q"]', '结案');
		await page.press('[data-testid="indicator-filters"] input[name="q"]', 'Enter');
		await page.waitForURL(/q=/);
		await page.waitForFunction(() =>
			document
				.querySelector('[data-testid="reasons"]')
				?.textContent?.includes('少数案件2024年结案。')
		);
		const expected = allRows('indicators').filter((i) =>
			i.deviation_reason.includes('结案')
		).length;
		await page.waitForFunction(
			(n) =>
				document.querySelectorAll('[data-testid="reasons"] tbody tr').length === Math.min(n, 50),
			expected
		);
		await page.selectOption('[data-testid="indicator-filters"] select[name="year"]', '2023');
		await page.waitForURL(/year=2023/);
		await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('2023'));
		await h.shot(page, 'indicators-search');
	});
});

describe('compare', () => {
	it('adds and removes units through the picker, links hover across charts, and tables the year', async () => {
		const { page } = await h.open('/compare/');
		await ready(page);
		expect(await page.locator('[data-testid="picker"] li').count()).toBe(3);
		const other = allRows('units').filter(
			(u) => u.provenance === 'synthetic' && u.sector === '水利'
		)[0];
		await page.fill('[data-testid="picker"] input[name="unit"]', other.short_name);
		await page.press('[data-testid="picker"] input[name="unit"]', 'Enter');
		await page.waitForURL(new RegExp(`units=.*${other.unit_id}`));
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="compare-year"] tbody tr').length === 4
		);
		await page.waitForSelector('[data-panel="cmp-rate"] [data-chart-drawn="true"]');
		const box = (await page.locator('[data-panel="cmp-rate"] .live').boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.waitForTimeout(400);
		// echarts.connect shows the same year's tooltip in every chart of the group.
		const tips = await page.evaluate(
			() =>
				[...document.querySelectorAll('.grid [data-panel] .live > div:not(:first-child)')].filter(
					(d) => {
						const st = getComputedStyle(d as HTMLElement);
						return st.display !== 'none' && st.opacity !== '0' && st.visibility !== 'hidden';
					}
				).length
		);
		expect(tips).toBeGreaterThanOrEqual(2);
		await h.shot(page, 'compare-4-units');
		await page.click(`[data-testid="picker"] li[data-unit="${other.unit_id}"] button`);
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="compare-year"] tbody tr').length === 3
		);
		const ref = page.locator(`[data-testid="compare-year"] tr[data-key="${REF}"]`);
		expect(await ref.locator('td[data-col="budget"]').textContent()).toBe('1,715.85');
	});
});

describe('trends', () => {
	it('tables the median execution rate of each year as the CSVs give it', async () => {
		const { page } = await h.open('/trends/');
		await page.click('[data-panel="rate-band"] [data-action="table"]');
		const rows = page.locator('[data-testid="rate-band-table"] tbody tr');
		expect(await rows.count()).toBe(10);
		const dept = allRows('evaluations').filter((e) => e.year === '2023' && e.form === 'department');
		const rates = dept
			.map((e) => Number(e.executed) / Number(e.budget_final))
			.sort((a, b) => a - b);
		const mid = rates.length / 2;
		const median = rates.length % 2 ? rates[Math.floor(mid)] : (rates[mid - 1] + rates[mid]) / 2;
		const row = rows.filter({ hasText: '2023' });
		expect(await row.locator('td[data-col="median"]').textContent()).toBe(
			`${(median * 100).toFixed(2)}%`
		);
	});
});

describe('unit profile', () => {
	it('draws its charts and prints as an A4 report', async () => {
		const id = allRows('units').find((u) => u.provenance === 'synthetic')!.unit_id;
		const { page } = await h.open(`/units/${id}/`);
		await page.waitForSelector('[data-panel="unit-budget"] [data-chart-drawn="true"]');
		// Its projects show their first rows on screen, and every row in print.
		const projects = allRows('evaluations').filter(
			(e) => e.unit_id === id && e.form === 'project'
		).length;
		const rows = page.locator('[data-testid="unit-projects"] tbody tr');
		expect(projects).toBeGreaterThan(PROJECTS_SHOWN);
		expect(await rows.count()).toBe(PROJECTS_SHOWN);
		await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
		await expect.poll(() => rows.count()).toBe(projects);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('header.site nav').isVisible()).toBe(false);
		const pdf = await page.pdf({ format: 'A4', path: `${h.shotsDir}/unit-profile-print.pdf` });
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
	});
});

describe('across the views', () => {
	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
