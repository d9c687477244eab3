// Import at its limits: 100,000 columns render one page of headers, large files are announced (or refused) before reading, and a worker that fails leaves a clear message and the data as it was.
import {
	closeSync,
	copyFileSync,
	ftruncateSync,
	mkdtempSync,
	openSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/data';
import { ASK_SHARE, HEAP_FACTOR, REFUSE_SHARE } from '../../src/lib/ingest/size';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const dir = mkdtempSync(join(tmpdir(), 'jixiao-limits-'));
const fx = (name: string) => join(ROOT, 'test/fixtures/import', name);
const GOOD = ['单位-gbk.csv', 'evaluations-bom.csv', '指标-semicolon.csv'].map(fx);

/** A file of `mb` MB that holds only zero bytes (sparse: it costs no disk), so it reads as binary. */
function sparse(name: string, mb: number): string {
	const p = join(dir, name);
	const fd = openSync(p, 'w');
	ftruncateSync(fd, mb * 1024 * 1024);
	closeSync(fd);
	return p;
}

/** The longest a requestAnimationFrame took to come back, over `n` tries 200 ms apart. */
async function longestFrame(page: Page, n = 5): Promise<number> {
	const gaps: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = Date.now();
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
		gaps.push(Date.now() - t0);
		await page.waitForTimeout(200);
	}
	return Math.max(...gaps);
}

describe('import limits', () => {
	it('a CSV with 100,000 columns: the page stays responsive and the mapping shows one page of headers', async () => {
		const width = 100_000;
		const header = ['unit_id', 'name', 'region', 'sector', 'provenance'];
		for (let i = header.length; i < width; i++) header.push(`extra_${i}`);
		const row = (k: number) =>
			header.map((h, i) => (i === 0 ? `u${k}` : i < 5 ? (i === 4 ? 'synthetic' : `v${k}`) : ''));
		const wide = join(dir, 'units-wide.csv');
		writeFileSync(wide, [header, row(1), row(2), row(3)].map((r) => r.join(',')).join('\n') + '\n');
		const { page } = await h.open('/data/');
		const t0 = Date.now();
		await page.setInputFiles('input[type=file]', [wide]);
		expect(await longestFrame(page, 3)).toBeLessThan(1000);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 120_000 });
		console.log(`100,000 columns: report shown ${Date.now() - t0} ms after the files were chosen`);
		expect(await longestFrame(page, 3)).toBeLessThan(1000);
		// One page of the mapping, with the total and a pager; the page's DOM stays small.
		expect(await page.locator('[data-testid="mapping-table"] tbody tr').count()).toBe(50);
		expect(await page.textContent('[data-testid="mapping-pager"]')).toContain(`共 ${width} 个表头`);
		expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(
			10_000
		);
		// Every header can still be found and corrected.
		await page.fill('[data-testid="mapping-tools"] input[type="search"]', 'extra_99999');
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="mapping-table"] tbody tr').length === 1
		);
		expect(await page.isVisible('select[aria-label="extra_99999 → column"]')).toBe(true);
		// The error list is bounded too, and its heading says the total.
		const unknown = width - 5;
		expect(await page.textContent('[data-testid="report"] h3')).toContain(`错误 ${unknown + 3} 条`);
		expect(await page.locator('[data-testid="errors"] tbody tr').count()).toBeLessThanOrEqual(200);
		await h.shot(page, 'import-100k-columns');
	}, 300_000);

	it('announces a large file with its size and the memory it takes, asks and refuses past shares of the JS heap cap', async () => {
		const { page } = await h.open('/data/');
		// The thresholds follow this browser's JS heap cap (about 4 GB: ask above ~128 MB, refuse above ~275 MB).
		const cap = await page.evaluate(
			() =>
				(performance as unknown as { memory: { jsHeapSizeLimit: number } }).memory.jsHeapSizeLimit
		);
		const ask = Math.ceil((cap * ASK_SHARE) / HEAP_FACTOR / 1048576) + 5;
		const refuse = Math.ceil((cap * REFUSE_SHARE) / HEAP_FACTOR / 1048576) + 5;
		// 25 MB: said, then checked at once.
		await page.setInputFiles('input[type=file]', [sparse('zeros-25mb.csv', 25)]);
		const warn = page.locator('[data-testid="size-warning"]');
		await warn.waitFor();
		expect(await warn.getAttribute('data-level')).toBe('warn');
		expect(await warn.textContent()).toMatch(/共 25 MB，检查和载入约需 [\d,]+ MB 内存/);
		await page.waitForSelector('[data-testid="errors"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="errors"]')).toContain(
			'文件是二进制数据，不是 CSV 文本'
		);
		// Above the ask line: nothing is read until the user says so.
		await page.setInputFiles('input[type=file]', [sparse('zeros-large.csv', ask)]);
		await page.waitForSelector('[data-testid="size-warning"][data-level="ask"]');
		expect(await page.textContent('[data-testid="size-warning"]')).toContain(`共 ${ask} MB`);
		expect(await page.locator('[data-testid="report"]').count()).toBe(0);
		await page.click('[data-action="check-large"]');
		await page.waitForSelector('[data-testid="errors"]', { timeout: 120_000 });
		expect(await page.textContent('[data-testid="errors"]')).toContain('zeros-large.csv');
		await h.shot(page, 'import-size-ask');
		// Above the limit: refused with the figures, nothing read, the last report gone.
		await page.setInputFiles('input[type=file]', [sparse('zeros-huge.csv', refuse)]);
		await page.waitForSelector('[data-testid="size-warning"][data-level="refuse"]');
		const text = (await page.textContent('[data-testid="size-warning"]'))!;
		expect(text).toContain(`共 ${refuse} MB`);
		expect(await page.locator('[data-testid="report"]').count()).toBe(0);
		expect(text).toContain('文件未读取');
		expect(await page.locator('[data-action="check-large"]').count()).toBe(0);
		await h.shot(page, 'import-size-refused');
	}, 300_000);

	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});

// A browser of its own with a 256 MB JS heap (as a tester capped it), and workers made to fail: the
// failures log console errors on purpose, so they are not counted against the site.
describe('import failures', () => {
	let f: Harness;
	beforeAll(async () => {
		f = await startHarness(['--js-flags=--max-old-space-size=256']);
	});
	afterAll(async () => {
		await f?.close();
	});

	it('refuses before reading a file that would exhaust a small JS heap, and says the cap', async () => {
		const { page } = await f.open('/data/');
		const cap = await page.evaluate(
			() =>
				(performance as unknown as { memory: { jsHeapSizeLimit: number } }).memory.jsHeapSizeLimit
		);
		expect(cap).toBeLessThan(512 * 1024 * 1024);
		await page.setInputFiles('input[type=file]', [sparse('zeros-30mb.csv', 30)]);
		await page.waitForSelector('[data-testid="size-warning"][data-level="refuse"]');
		const text = (await page.textContent('[data-testid="size-warning"]'))!;
		expect(text).toContain(`JS 内存上限为 ${Math.round(cap / 1048576)} MB`);
		expect(text).toContain('文件未读取');
		await f.shot(page, 'import-refused-small-heap');
	}, 120_000);

	it('a worker that fails leaves a clear message, and the data loaded before stays as it was', async () => {
		const { page, context } = await f.open('/data/');
		await page.setInputFiles('input[type=file]', GOOD);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded"]', { timeout: 60_000 });
		// The checking worker cannot start.
		await context.route('**/import.worker-*.js', (r) => r.abort());
		await page.setInputFiles('input[type=file]', [fx('单位-gbk.csv')]);
		await page.waitForSelector('[data-testid="failure"]', { timeout: 60_000 });
		let text = (await page.textContent('[data-testid="failure"]'))!;
		expect(text).toContain('检查文件的后台进程意外停止');
		expect(text).toContain('没有载入任何数据，当前数据保持不变');
		await context.unroute('**/import.worker-*.js');
		// The audit worker fails after the rows went in: the whole load is rolled back. Replacing the
		// data with the units alone would otherwise have removed every form.
		await context.route('**/audit.worker-*.js', (r) => r.abort());
		const unitsOnly = join(dir, 'units-only.csv');
		copyFileSync(fx('单位-gbk.csv'), unitsOnly);
		await page.setInputFiles('input[type=file]', [unitsOnly]);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="failure"]', { timeout: 60_000 });
		text = (await page.textContent('[data-testid="failure"]'))!;
		expect(text).toContain('审计的后台进程意外停止');
		expect(text).toContain('已全部撤销');
		expect(await page.locator('[data-testid="loaded"]').count()).toBe(0);
		await f.shot(page, 'import-worker-failed');
		await page.click('header.site nav a:text-is("总览")');
		await page.waitForFunction(
			() => document.querySelector('[data-kpi="units"]')?.textContent === '1',
			null,
			{ timeout: 30_000 }
		);
		expect(await page.textContent('[data-kpi="budget_final"]')).toBe('1,715.85 万元');
		expect(f.offOrigin).toEqual([]);
	}, 180_000);
});
