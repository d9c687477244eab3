// The built site in a real browser: prerendered numbers, DuckDB-WASM taking over, nothing off-origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TABLES } from '../../src/lib/schema';
import { allRows } from '../helpers/data';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const REF = '430212-jiwei';

/** Figures of a year computed from the CSVs, to compare with what the page prints. */
function expected(year: number) {
	const forms = allRows('evaluations').filter((e) => Number(e.year) === year);
	const dept = forms.filter((e) => e.form === 'department');
	return {
		units: new Set(forms.map((e) => e.unit_id)).size,
		forms: forms.length,
		deptRows: dept.length,
		execRate:
			dept.reduce((s, e) => s + Number(e.executed), 0) /
			dept.reduce((s, e) => s + Number(e.budget_final), 0)
	};
}

async function kpi(page: Page, name: string) {
	return (await page.textContent(`[data-kpi="${name}"]`))?.trim();
}

/** True when the chart canvas has pixels of the bar colours (it was really drawn). */
async function canvasHasBars(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const c = document.querySelector<HTMLCanvasElement>('.live canvas');
		if (!c || c.width === 0) return false;
		const ctx = c.getContext('2d')!;
		const d = ctx.getImageData(0, 0, c.width, c.height).data;
		let coloured = 0;
		for (let i = 0; i < d.length; i += 4)
			if (d[i + 3] > 0 && Math.abs(d[i] - d[i + 2]) > 40) coloured++;
		return coloured > 1000;
	});
}

describe('overview with JavaScript', () => {
	it('paints prerendered numbers, draws the chart, then re-queries years in DuckDB-WASM without a reload', async () => {
		const { page } = await h.open('/');
		const e25 = expected(2025);
		expect(await page.textContent('h1')).toContain('2025 年度总览');
		expect(await kpi(page, 'units')).toBe(String(e25.units));
		expect(await kpi(page, 'forms')).toBe(String(e25.forms));
		expect(await kpi(page, 'exec_rate')).toBe(`${(e25.execRate * 100).toFixed(1)}%`);
		await page.waitForSelector('[data-chart-drawn="true"]', { timeout: 30_000 });
		expect(await canvasHasBars(page)).toBe(true);
		await page.waitForSelector('[data-db-status="ready"]', { timeout: 60_000 });
		await h.shot(page, 'overview-2025');

		await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
		await page.click('nav.years a:text-is("2023")');
		await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('2023'));
		expect(new URL(page.url()).pathname).toBe('/years/2023/');
		expect(
			await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)
		).toBe(true);
		const e23 = expected(2023);
		expect(await kpi(page, 'forms')).toBe(String(e23.forms));
		expect(await page.locator('[data-testid="unit-table"] tbody tr').count()).toBe(e23.deptRows);
		const ref = page.locator(`[data-testid="unit-table"] tr[data-key="${REF}"]`);
		expect(await ref.locator('td[data-col="budget"]').textContent()).toBe('1,715.85');
		expect(await ref.locator('td[data-col="rate"]').textContent()).toBe('100.00%');
		expect(await ref.locator('td[data-col="score"]').textContent()).toBe('100');
		await page.waitForSelector('[data-chart-drawn="true"]');
		await h.shot(page, 'overview-2023-duckdb');

		await page.goBack();
		await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('2025'));
		expect(new URL(page.url()).pathname).toBe('/');
		await page.goForward();
		await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('2023'));
		expect(
			await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)
		).toBe(true);
	});
});

describe('pages with JavaScript off', () => {
	it('shows the overview’s KPIs, chart and table from the prerendered HTML', async () => {
		const { page } = await h.open('/', { javaScriptEnabled: false });
		const e25 = expected(2025);
		expect(await kpi(page, 'units')).toBe(String(e25.units));
		expect(await kpi(page, 'forms')).toBe(String(e25.forms));
		expect(await page.locator('[data-testid="unit-table"] tbody tr').count()).toBe(e25.deptRows);
		expect(await page.locator('figure.chart svg path').count()).toBeGreaterThan(e25.deptRows);
		await h.shot(page, 'overview-nojs');
	});

	it('serves each year as its own prerendered page', async () => {
		const { page } = await h.open('/years/2023/', { javaScriptEnabled: false });
		expect(await page.textContent('h1')).toContain('2023');
		expect(await page.locator(`tr[data-key="${REF}"]`).textContent()).toContain('1,715.85');
	});

	it('shows the reference unit’s forms with JavaScript off', async () => {
		const { page } = await h.open(`/units/${REF}/`, { javaScriptEnabled: false });
		const text = (await page.textContent('main'))!;
		for (const s of ['1715.85', '1262.27', '313件', '8000余万元', '办案经费', '255.6万'])
			expect(text).toContain(s);
	});
});

describe('the reference unit’s page', () => {
	it('prints the 2023 document’s figures exactly, text and number', async () => {
		const { page } = await h.open(`/units/${REF}/`);
		const dept = page.locator(`article[data-eval="${REF}-2023-dept"]`);
		// The text a reader sees: a cell's closed source mark shows only its ⓘ.
		const seen = (s: string) => s.replace(/ⓘ/g, '').trim();
		const budget = (await dept.locator('table.budget tbody tr td').allInnerTexts()).map(seen);
		expect(budget.slice(0, 6)).toEqual([
			'1262.27',
			'1715.85',
			'1715.85',
			'90分（90）',
			'100%',
			'90'
		]);
		const row = async (eval_id: string, seq: number) =>
			(
				await page
					.locator(`article[data-eval="${eval_id}"] tr[data-seq="${seq}"] td`)
					.allInnerTexts()
			).map(seen);
		expect(await row(`${REF}-2023-dept`, 1)).toEqual([
			'产出指标',
			'数量指标',
			'查处问题线索数',
			// No comparator printed: the audit's direction, marked inferred.
			'≥ 推断',
			'300个（300）',
			'313个（313）',
			'个',
			'10',
			'10',
			'',
			'✓ 10',
			''
		]);
		expect((await row(`${REF}-2023-dept`, 4)).slice(2, 9)).toEqual([
			'工作投入成本',
			'≤ 推断',
			'1262.27万（1262.27）',
			'1715.85',
			'万元',
			'15',
			'15'
		]);
		expect((await row(`${REF}-2023-dept`, 6)).slice(2, 6)).toEqual([
			'人民群众的拥护支持',
			'定性',
			'定性',
			'—'
		]);
		expect(await row(`${REF}-2023-p01`, 1)).toEqual([
			'产出指标',
			'数量指标',
			'办理案件数',
			'≥ 推断',
			'50件（50）',
			'47',
			'件',
			'15',
			'14',
			'1',
			// 47 of 50 by the rule: 47 / 50 × 15.
			'✗ 14.1',
			'少数案件2024年结案。'
		]);
		expect((await row(`${REF}-2023-p02`, 9)).slice(2, 6)).toEqual([
			'群众满意度',
			'≥',
			'96%以上（96）',
			'96%（96）'
		]);
		const metrics = page.locator('[data-testid="metrics"]');
		for (const [key, printed] of [
			// The parsed value is beside the printed text only where the two read differently once the
			// row's unit is added: "313件" reads as 313 件, "8000余万元" does not read as 8000 万元.
			['clues_handled', '313件'],
			['cases_filed', '130件'],
			['persons_disciplined', '102人'],
			['losses_recovered', '8000余万元（8000万元）'],
			['staff', '71人']
		])
			expect(seen(await metrics.locator(`tr[data-metric="${key}"] td.num`).innerText())).toBe(
				printed
			);
		const text = (await page.textContent('main'))!;
		for (const s of ['1112.75万元', '565.98万元', '4.12万元', '乡镇纪委工作经费', '89'])
			expect(text).toContain(s);
		await h.shot(page, 'unit-lukou');
	});

	it('marks a synthetic unit as synthetic and links each year to its forms on the same page', async () => {
		const id = allRows('units').find((u) => u.provenance === 'synthetic')!.unit_id;
		const { page } = await h.open(`/units/${id}/`);
		expect(await page.textContent('main')).toContain('合成演示单位');
		expect(await page.locator('.badge.synthetic').count()).toBeGreaterThan(0);
		const forms2019 = allRows('evaluations').filter((e) => e.unit_id === id && e.year === '2019');
		await page.click('[data-testid="unit-years"] a:text-is("2019")');
		await page.waitForSelector('h2[data-year="2019"]', { timeout: 60_000 });
		const url = new URL(page.url());
		expect(`${url.pathname}${url.search}${url.hash}`).toBe(`/units/${id}/?year=2019#year-2019`);
		expect(await page.locator('article[data-eval]').count()).toBe(forms2019.length);
		expect(await page.locator('.badge.synthetic').count()).toBeGreaterThan(forms2019.length);
		await h.shot(page, 'unit-synthetic-2019');
	});
});

describe('data format page', () => {
	it('documents every table from the schema and links downloads that exist', async () => {
		const { page } = await h.open('/schema/');
		for (const t of TABLES) expect(await page.locator(`h2#${t.name}`).count()).toBe(1);
		const hrefs = await page
			.locator('[data-testid="downloads"] a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		// XLSX, CSV and Parquet of every table, the audit's derived tables included.
		expect(hrefs).toHaveLength(TABLES.length * 3);
		expect(hrefs.some((h) => h.endsWith('/audit_flags.csv'))).toBe(true);
		expect(hrefs.some((h) => h.endsWith('/indicators.xlsx'))).toBe(true);
		for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200);
		await h.shot(page, 'schema');
	});
});

describe('across all pages', () => {
	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
