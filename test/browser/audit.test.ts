// The audit in a real browser: the flags page and its filters, flags beside the figures on a form, the ranking, imports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/ingest/csv';
import { ROOT, readRows } from '../helpers/data';
import { provinceSized, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const REF = '430212-jiwei';
/** The demo's answer key plus the reference document's three flags. */
const planted = readRows('data/demo/audit-key', 'planted');
const TOTAL = planted.length + 3;

const rowCount = (page: Page, testid: string) =>
	page.locator(`[data-testid="${testid}"] tbody tr`).count();

async function ready(page: Page) {
	await page.waitForSelector('[data-db-status="ready"]', { timeout: 60_000 });
}

describe('audit page', () => {
	it('is readable without JavaScript: every count, the first flags, the rules', async () => {
		const { page } = await h.open('/audit/', { javaScriptEnabled: false });
		expect(await page.textContent('[data-kpi="flags"]')).toBe(TOTAL.toLocaleString('en-US'));
		expect(await rowCount(page, 'audit-flags')).toBe(50);
		expect(await page.textContent('[data-testid="audit-partial"]')).toContain(`共 ${TOTAL} 个`);
		// One row per rule that fired: every kind the demo plants, and the reference's two.
		const fired = new Set([
			...planted.map((p) => p.kind),
			'full_marks_on_miss',
			'cost_exceeds_spending'
		]);
		expect(await rowCount(page, 'audit-rules')).toBe(fired.size);
		await h.shot(page, 'audit-nojs');
	});

	it('fills in every flag once DuckDB-WASM is ready, and pages through them', async () => {
		const { page } = await h.open('/audit/');
		await ready(page);
		await page.waitForSelector('[data-testid="audit-partial"]', { state: 'detached' });
		const tools = await page.textContent(
			'section:has([data-testid="audit-flags"]) .table-tools .printed'
		);
		expect(tools?.replace(/\s+/g, ' ')).toContain(`${TOTAL} 行（显示前 50 行）`);
		expect(await rowCount(page, 'audit-flags')).toBe(50);
		await page.click('[data-action="more"]');
		expect(await rowCount(page, 'audit-flags')).toBe(100);
	});

	it('at a province’s size, loads every year’s flags only when asked; a year loads that year alone', async () => {
		// The bundled site, its manifest saying each year file is 0.8 MB: a year's audit (1.6 MB) is
		// under ASK_BYTES, every year's is over it and over WHOLE_ON_READY_BYTES, as at 4,000 units.
		const { page, requests } = await h.open('/schema/');
		const latest = await provinceSized(page);
		await page.goto(`${h.server.url}/audit/`);
		await ready(page);
		await page.waitForSelector('[data-action="load-all"]');
		expect(await page.textContent('[data-testid="audit-partial"]')).toContain(
			'点击“载入全部”后显示'
		);
		const years = () =>
			requests
				.filter((u) => u.includes('/parts/year/'))
				.map((u) => new URL(u).pathname.replace(/.*\/parts\/year\//, ''));
		expect(years()).toEqual([]);
		expect(await rowCount(page, 'audit-flags')).toBe(50);
		await h.shot(page, 'audit-load-all');
		// Sorting the first rows says it orders only those.
		const count = page.locator('[data-testid="audit-flags-count"]');
		expect(await count.textContent()).not.toContain('排序');
		await page.click('[data-testid="audit-flags"] th[data-col="severity"] button');
		expect(await count.textContent()).toMatch(
			new RegExp(`^共 ${TOTAL} 行，已载入前 \\d+ 行，排序只及已载入的行`)
		);
		// A year: its own two audit files, no other year's.
		await page.selectOption('select[name="year"]', '2023');
		await page.waitForURL(/year=2023/);
		await page.waitForSelector('[data-testid="audit-partial"]', { state: 'detached' });
		// The note goes as the filter changes, before its files are asked for: wait for them.
		await expect
			.poll(() => years().sort())
			.toEqual(['2023/audit_flags.bin', '2023/audit_forms.bin']);
		// Back to every year: the first rows again, and the button.
		await page.goBack();
		await page.waitForSelector('[data-action="load-all"]');
		// A rule across every year is held back: its size said, nothing fetched, no figures shown.
		const grade = planted.filter((p) => p.kind === 'grade_mismatch');
		await page.selectOption('select[name="rule"]', 'grade_mismatch');
		await page.waitForURL(/rule=grade_mismatch/);
		const held = await page.waitForSelector('[data-testid="audit-results-held"]');
		expect(await held.textContent()).toMatch(/此筛选涵盖的数据约 \d+\.\d MB，尚未载入。/);
		expect(await page.locator('[data-testid="audit-results"]').count()).toBe(0);
		expect(years()).toHaveLength(2);
		// The rules' counts are the filter before's: left out, not shown as this one's.
		expect((await page.textContent('[data-rule-forms="grade_mismatch"]'))?.trim()).toBe('—');
		await h.shot(page, 'audit-held');
		// Its one-year choice: the latest year's two files, and that year's flags of the rule.
		await page.click('[data-action="narrow-held"]');
		await page.waitForURL(new RegExp(`year=${latest}`));
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === n,
			grade.filter((p) => p.eval_id.includes(`-${latest}-`)).length,
			{ timeout: 30_000 }
		);
		expect(
			years()
				.filter((y) => !y.startsWith('2023/'))
				.sort()
		).toEqual([`${latest}/audit_flags.bin`, `${latest}/audit_forms.bin`]);
		// Back to the rule in every year, held again; asked for, every year's flags of the rule.
		await page.goBack();
		await page.waitForSelector('[data-testid="audit-results-held"]');
		await page.click('[data-action="fetch-held"]');
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === n,
			grade.length,
			{ timeout: 30_000 }
		);
		expect(
			years()
				.filter((y) => y.startsWith('2019/'))
				.sort()
		).toEqual(['2019/audit_flags.bin', '2019/audit_forms.bin']);
		// Every year is in: the plain address shows every flag, with no button.
		await page.selectOption('select[name="rule"]', '');
		await page.waitForSelector('[data-testid="audit-partial"]', { state: 'detached' });
		const tools = await page.textContent(
			'section:has([data-testid="audit-flags"]) .table-tools .printed'
		);
		expect(tools?.replace(/\s+/g, ' ')).toContain(`${TOTAL} 行（显示前 50 行）`);
		expect(await page.locator('[data-action="load-all"]').count()).toBe(0);
	});

	it('at a province’s size, “load all” fetches every year, and a rule across them is answered at once', async () => {
		const { page } = await h.open('/schema/');
		await provinceSized(page);
		await page.goto(`${h.server.url}/audit/`);
		await ready(page);
		await page.click('[data-action="load-all"]');
		await page.waitForSelector('[data-testid="audit-partial"]', { state: 'detached' });
		expect(await page.locator('[data-action="load-all"]').count()).toBe(0);
		await page.selectOption('select[name="rule"]', 'grade_mismatch');
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === n,
			planted.filter((p) => p.kind === 'grade_mismatch').length,
			{ timeout: 30_000 }
		);
		expect(await page.locator('[data-testid="audit-results-held"]').count()).toBe(0);
	});

	it('filters by rule and unit through the URL, with back and forward, and counts match the answer key', async () => {
		const { page } = await h.open('/audit/');
		await ready(page);
		const grade = planted.filter((p) => p.kind === 'grade_mismatch').length;
		await page.selectOption('select[name="rule"]', 'grade_mismatch');
		await page.waitForURL(/rule=grade_mismatch/);
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === n,
			grade,
			{ timeout: 30_000 }
		);
		for (const cell of await page.locator('[data-testid="audit-flags"] td[data-col="rule"]').all())
			expect(await cell.textContent()).toBe('等级与总分不符');
		await page.fill('[data-testid="unit-picker"] input[role="combobox"]', REF);
		await page.press('[data-testid="unit-picker"] input[role="combobox"]', 'Enter');
		await page.waitForURL(/unit=430212-jiwei/);
		await page.waitForSelector('text=没有符合筛选条件的疑点');
		await page.selectOption('select[name="rule"]', '');
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === 3,
			null,
			{ timeout: 30_000 }
		);
		await h.shot(page, 'audit-lukou');
		await page.goBack();
		await page.waitForSelector('text=没有符合筛选条件的疑点');
		await page.goBack();
		await page.waitForFunction(
			(n) => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === n,
			grade
		);
		await page.goForward();
		await page.goForward();
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === 3
		);
	});

	it('names a funding split by its label, not its key', async () => {
		const { page } = await h.open('/audit/?rule=funding_sum_mismatch');
		await ready(page);
		const n = planted.filter((p) => p.kind === 'funding_sum_mismatch').length;
		await page.waitForFunction(
			(k) => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === k,
			n,
			{ timeout: 30_000 }
		);
		const cells = await page
			.locator('[data-testid="audit-flags"] td[data-col="indicator"]')
			.allTextContents();
		expect(cells.length).toBe(n);
		for (const c of cells)
			expect(['资金来源', '按收入性质', '按支出性质', '按经济分类']).toContain(c.trim());
	});

	it('exports the flags shown as CSV with the machine columns, in the chosen language', async () => {
		const { page } = await h.open(`/audit/?unit=${REF}`);
		await ready(page);
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === 3
		);
		await page.click('[data-action="lang"]');
		const [d] = await Promise.all([
			page.waitForEvent('download'),
			page.click('section:has([data-testid="audit-flags"]) button:text-is("⬇ CSV")')
		]);
		const csv = parseCsv(readFileSync((await d.path())!, 'utf8').replace(/^\ufeff/, ''), 'flags');
		expect(csv.header).toEqual(
			expect.arrayContaining(['Severity', 'Rule', 'What is wrong', 'Numbers', 'Rule ID', 'ID'])
		);
		expect(csv.rows).toHaveLength(3);
		const id = csv.header.indexOf('ID');
		expect(csv.rows.map((r) => r.fields[id]).sort()).toEqual([
			'cost_exceeds_spending:430212-jiwei-2023-p02:4',
			'full_marks_on_miss:430212-jiwei-2023-dept:4',
			'full_marks_on_miss:430212-jiwei-2023-p02:4'
		]);
		const msg = csv.rows.map((r) => r.fields[csv.header.indexOf('What is wrong')]).join('\n');
		expect(msg).toContain('yet scored full marks 15/15; the rule gives 9.61');
	});
});

describe('flags beside the figures', () => {
	it('opens the form from a flag and marks the row it concerns with the score by rule', async () => {
		const { page } = await h.open(`/audit/?unit=${REF}`);
		await ready(page);
		await page.click(
			'[data-testid="audit-flags"] tr[data-key="full_marks_on_miss:430212-jiwei-2023-dept:4"] td[data-col="form"] a'
		);
		await page.waitForURL(/\/units\/430212-jiwei\/\?year=2023#430212-jiwei-2023-dept$/);
		const form = page.locator('article[data-eval="430212-jiwei-2023-dept"]');
		const row = form.locator('tr[data-seq="4"]');
		expect(await row.getAttribute('class')).toContain('flagged');
		expect(await row.locator('td.by-rule').textContent()).toContain('9.61');
		expect(await form.locator('.flag[data-rule="full_marks_on_miss"]').textContent()).toContain(
			'1262.27万'
		);
		expect(await form.locator('[data-testid="form-audit"]').textContent()).toContain('84.61');
		// The consistent rows carry no flag: the other eight rows of the form.
		expect(await form.locator('tr.flagged').count()).toBe(1);
		await h.shot(page, 'audit-form-lukou');
	});

	it('ranks units by inflation on the overview, and the flags column opens the audit', async () => {
		const { page } = await h.open('/years/2023/');
		await page.click('[data-testid="unit-table"] th button[data-sort="inflation"]');
		const values = await page
			.locator('[data-testid="unit-table"] td[data-col="inflation"]')
			.allTextContents();
		const nums = values
			.filter((v) => v !== '—')
			.map((v) => Number(v.replace('−', '-').replace('±', '')));
		expect(nums.length).toBeGreaterThan(10);
		expect([...nums].sort((a, b) => b - a)).toEqual(nums);
		const lukou = page.locator(`[data-testid="unit-table"] tr[data-key="${REF}"]`);
		expect(await lukou.locator('td[data-col="inflation"]').textContent()).toBe('+6.0');
		await lukou.locator('td[data-col="flags"] a').click();
		await page.waitForURL(/\/audit\/\?unit=430212-jiwei&year=2023/);
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="audit-flags"] tbody tr').length === 3,
			null,
			{ timeout: 60_000 }
		);
	});

	it('lists the unit’s flags on its profile, each linking to its form', async () => {
		const { page } = await h.open(`/units/${REF}/`);
		const flags = page.locator('[data-testid="unit-flags"] .flag');
		expect(await flags.count()).toBe(3);
		expect(await page.textContent('[data-testid="unit-flags"]')).toContain('255.6万');
		expect(
			await page.locator('[data-testid="unit-years"] td[data-col="recomputed"]').textContent()
		).toBe('94.01');
	});
});

describe('audit of imported data', () => {
	it('audits the files a user loads, in the browser, and the audit page shows only their flags', async () => {
		const { page } = await h.open('/data/');
		await page.setInputFiles(
			'input[type=file]',
			['units', 'evaluations', 'funding', 'indicators', 'metrics'].map((t) =>
				join(ROOT, 'data/sample', `${t}.csv`)
			)
		);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded-audit"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="loaded-audit"]')).toContain('3 张表，3 个疑点');
		await page.click('[data-testid="loaded-audit"] a');
		await page.waitForFunction(
			() => document.querySelector('[data-kpi="flags"]')?.textContent === '3',
			null,
			{ timeout: 30_000 }
		);
		expect(await rowCount(page, 'audit-flags')).toBe(3);
		// Imported units open as pages computed in the browser.
		const href = await page
			.locator(
				'[data-testid="audit-flags"] tr[data-key="full_marks_on_miss:430212-jiwei-2023-dept:4"] td[data-col="form"] a'
			)
			.getAttribute('href');
		expect(href).toContain('/imported/unit/?id=430212-jiwei&year=2023#430212-jiwei-2023-dept');
	});

	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
