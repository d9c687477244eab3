// Published documents dropped on /data/: each form reviewed as read, the unit fields asked, loaded with the table files, and a figure on the unit page leads back to its place in the document.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/data';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const REFERENCE = join(ROOT, 'test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt');
const NAME = 'hunan-zhuzhou-lukou-jiwei-2023.txt';
/** The same document as Word and as a government web page. */
const OTHERS = ['lukou-2023.docx', 'lukou-2023.html'].map((f) =>
	join(ROOT, 'test/fixtures/documents', f)
);

const doc = (file: string) => `[data-testid="document"][data-file="${file}"]`;

async function drop(page: Page, files: string[]) {
	await page.setInputFiles('input[type=file]', files);
	await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
}

/** Sets one unit field of a document and waits for the check it starts to come back. */
async function setField(page: Page, file: string, field: string, value: string) {
	const input = page.locator(`${doc(file)} [data-field="${field}"]`);
	await input.fill(value);
	await input.press('Enter');
	await input.blur();
	// The check reruns in the worker (busy from the change on); its result renders the section anew.
	await page.waitForFunction(
		([sel, f, v]) =>
			document.querySelector('[data-testid="drop"]')?.getAttribute('data-busy') === 'false' &&
			(document.querySelector(`${sel} [data-field="${f}"]`) as HTMLInputElement | null)?.value ===
				v,
		[doc(file), field, value] as const,
		{ timeout: 30_000 }
	);
}

/** Checks the review of the reference document and returns how long the browser took to read it. */
async function expectReference(page: Page, file: string) {
	const d = page.locator(doc(file));
	const forms = d.locator('article.recognised');
	expect(await forms.count()).toBe(3);
	expect(await forms.evaluateAll((a) => a.map((x) => x.getAttribute('data-form')))).toEqual([
		'department',
		'project',
		'project'
	]);
	expect(await forms.evaluateAll((a) => a.map((x) => x.getAttribute('data-year')))).toEqual([
		'2023',
		'2023',
		'2023'
	]);
	expect(await d.locator('[data-testid="form-unit"]').first().textContent()).toContain(
		'中共株洲市渌口区纪律检查委员会'
	);
	const projects = await d.locator('[data-testid="form-project"]').allTextContents();
	expect(projects.map((p) => p.trim())).toEqual(['乡镇纪委工作经费', '办案经费']);
	const dept = forms.first();
	expect(
		await dept.locator('[data-testid="form-budget"] tr[data-field="executed"]').textContent()
	).toContain('1715.85');
	const row1 = dept.locator('[data-testid="form-indicators"] tr[data-seq="1"]');
	expect(await row1.locator('td[data-col="target"]').textContent()).toContain('300个');
	expect(await row1.locator('td[data-col="actual"]').textContent()).toContain('313个');
	const ms = Number(/(\d+)/.exec((await d.locator('h3 .printed').textContent()) ?? '')?.[1]);
	return ms;
}

describe('documents on /data/', () => {
	it('reads the reference document, asks its unit fields, loads it, and a figure leads back to line 77', async () => {
		const { page } = await h.open('/data/');
		const t0 = Date.now();
		await drop(page, [REFERENCE, ...OTHERS]);
		const wall = Date.now() - t0;
		await page.waitForSelector('[data-testid="documents"]');
		const ms = [`txt ${await expectReference(page, NAME)}`];
		for (const p of OTHERS)
			ms.push(`${p.split('.').pop()} ${await expectReference(page, p.split('/').pop()!)}`);
		console.log(
			`documents: read and recognised in the worker (ms): ${ms.join(', ')}; drop to review ${wall} ms`
		);

		// The published data already holds this unit: its fields are suggested from the name the document prints.
		expect(await page.inputValue(`${doc(NAME)} [data-field="unit_id"]`)).toBe('430212-jiwei');
		expect(await page.inputValue(`${doc(NAME)} select[data-field="provenance"]`)).toBe('published');
		// Cleared, the required field blocks the load and says why.
		await setField(page, NAME, 'unit_id', '');
		await page.waitForSelector(`${doc(NAME)}[data-included="false"]`);
		expect(await page.textContent(`${doc(NAME)} [data-testid="document-status"]`)).toContain(
			'请填写：单位编号'
		);
		expect(await page.textContent('[data-testid="load-blocked"]')).toContain('单位编号');
		expect(await page.isDisabled('[data-action="load"]')).toBe(true);
		await setField(page, NAME, 'unit_id', '430212-jiwei');
		await setField(page, NAME, 'region_code', '430212');
		await setField(page, NAME, 'sector', '纪检监察');
		for (const p of OTHERS) {
			// The other formats of the same document go to units of their own, so nothing clashes.
			const f = p.split('/').pop()!;
			await setField(page, f, 'unit_id', `430212-jiwei-${f.split('.').pop()}`);
		}
		await page.waitForSelector(`${doc(NAME)}[data-included="true"]`);
		expect(await page.isVisible('[data-testid="load-blocked"]')).toBe(false);
		expect((await page.textContent('[data-testid="totals"]'))?.replace(/\s+/g, ' ')).toMatch(
			/拒绝 0 行/
		);
		await page.locator('[data-testid="documents"]').screenshot({
			path: join(h.shotsDir, 'documents-review.png')
		});

		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="loaded"]')).toContain('trace');

		await page.goto(`${h.server.url}/imported/unit/?id=430212-jiwei&year=2023`);
		await page.waitForSelector('article[data-eval="430212-jiwei-2023-dept"]', { timeout: 30_000 });
		expect(await page.locator('article[data-eval]').count()).toBe(3);
		const dept = page.locator('article[data-eval="430212-jiwei-2023-dept"]');
		expect(await dept.locator('table.budget').textContent()).toContain('1715.85');
		const row = dept.locator('tr[data-seq="1"]');
		expect(await row.locator('td[data-col="target"]').textContent()).toContain('300个');
		expect(await row.locator('td[data-col="actual"]').textContent()).toContain('313个');
		// The mark opens from the keyboard: focus, Enter.
		await row.locator('td[data-col="target"] summary').focus();
		await page.keyboard.press('Enter');
		const detail = row.locator('td[data-col="target"] [data-testid="source-detail"]');
		await detail.waitFor({ state: 'visible' });
		expect(await detail.locator('[data-testid="source-file"]').textContent()).toBe(NAME);
		expect(await detail.locator('[data-testid="source-place"]').textContent()).toContain(
			'第 77 行'
		);
		expect(await detail.textContent()).toContain('300个');
		await dept
			.locator('table.indicators')
			.screenshot({ path: join(h.shotsDir, 'documents-source.png') });

		// A narrative figure leads back to its sentence.
		await page.goto(`${h.server.url}/imported/unit/?id=430212-jiwei`);
		const cell = page.locator(
			'[data-testid="metrics"] tr[data-metric="cases_filed"] td[data-year="2023"]'
		);
		await cell.waitFor({ timeout: 30_000 });
		await cell.locator('summary').click();
		expect(await cell.locator('[data-testid="source-detail"]').textContent()).toContain(
			'立案130件'
		);

		// The same document again, added: the existing key-conflict report says so, nothing doubles.
		await page.goto(`${h.server.url}/data/`);
		await page.waitForSelector('html[data-hydrated]');
		await page.check('input[name="mode"][value="add"]');
		await drop(page, [REFERENCE]);
		await page.waitForSelector(`${doc(NAME)}[data-included="true"]`, { timeout: 30_000 });
		expect(await page.inputValue(`${doc(NAME)} [data-field="unit_id"]`)).toBe('430212-jiwei');
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="loaded"]')).toContain('主键已存在');
		expect(await page.locator('[data-testid="conflicts"] tbody tr').count()).toBeGreaterThan(0);
		await page.goto(`${h.server.url}/imported/unit/?id=430212-jiwei&year=2023`);
		await page.waitForSelector('article[data-eval="430212-jiwei-2023-dept"]', { timeout: 30_000 });
		expect(await page.locator('article[data-eval]').count()).toBe(3);
		await page.context().close();
	});

	it('shows why a document with no form is not loaded, and loads nothing', async () => {
		const { page } = await h.open('/data/');
		await page.setInputFiles('input[type=file]', [
			{
				name: '通知.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('关于召开年度工作会议的通知\n请各单位按时参加。\n', 'utf8')
			}
		]);
		await page.waitForSelector('[data-testid="document-error"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="document-error"]')).toContain('此文档不会载入');
		expect(await page.isDisabled('[data-action="load"]')).toBe(true);
		await page.click('[data-action="lang"]');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await page.textContent('[data-testid="document-error"]')).toContain(
			'This document will not be loaded'
		);
		await page.context().close();
	});

	it('gives a units file without provenance the default shown on the page, which the user can change', async () => {
		const { page } = await h.open('/data/');
		await page.setInputFiles('input[type=file]', [
			{
				name: 'units.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from('unit_id,name,sector\nu1,甲单位,教育\n', 'utf8')
			}
		]);
		await page.waitForSelector('[data-testid="column-default"]', { timeout: 60_000 });
		expect(await page.inputValue('select[data-default="provenance"]')).toBe('published');
		expect(await page.textContent('[data-testid="warnings"]')).toContain('所选的默认值 published');
		expect((await page.textContent('[data-testid="totals"]'))?.replace(/\s+/g, ' ')).toContain(
			'读取 1 = 接受 1 + 拒绝 0'
		);
		await page.selectOption('select[data-default="provenance"]', 'synthetic');
		await page.waitForFunction(
			() => document.querySelector('[data-testid="warnings"]')?.textContent?.includes('synthetic'),
			null,
			{ timeout: 30_000 }
		);
		expect(await page.inputValue('select[data-default="provenance"]')).toBe('synthetic');
		await h.shot(page, 'documents-provenance-default');
		await page.context().close();
	});

	it('the prerendered unit page carries each figure’s source without JavaScript', async () => {
		const { page } = await h.open('/units/430212-jiwei/?year=2023', { javaScriptEnabled: false });
		const target = page.locator(
			'article[data-eval="430212-jiwei-2023-dept"] tr[data-seq="1"] td[data-col="target"]'
		);
		expect(await target.locator('summary').getAttribute('title')).toContain('第 77 行');
		await target.locator('summary').click();
		expect(await target.locator('[data-testid="source-place"]').textContent()).toContain(
			'第 77 行'
		);
		expect(await target.locator('[data-testid="source-file"]').textContent()).toBe(NAME);
		// The bundled unit's metrics: the sentence each figure was read from.
		const { page: profile } = await h.open('/units/430212-jiwei/', { javaScriptEnabled: false });
		const cell = profile.locator(
			'[data-testid="metrics"] tr[data-metric="cases_filed"] td[data-year="2023"]'
		);
		expect(await cell.locator('[data-testid="source-detail"]').textContent()).toContain(
			'立案130件'
		);
		await page.context().close();
		await profile.context().close();
	});

	it('raised no console error and sent nothing off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
