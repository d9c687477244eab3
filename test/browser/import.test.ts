// Importing one's own CSV files in the browser: recognised, validated with nothing lost, loaded into DuckDB-WASM.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, allRows } from '../helpers/data';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

const fx = (name: string) => join(ROOT, 'test/fixtures/import', name);
const GOOD = ['单位-gbk.csv', 'evaluations-bom.csv', '指标-semicolon.csv'].map(fx);

describe('import', () => {
	it('loads a GBK, a BOM and a semicolon CSV with Chinese headers, and every view then shows them', async () => {
		const { page } = await h.open('/data/');
		await page.setInputFiles('input[type=file]', GOOD);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
		expect((await page.textContent('[data-testid="totals"]'))?.replace(/\s+/g, ' ')).toContain(
			'读取 7 = 接受 7 + 拒绝 0'
		);
		await h.shot(page, 'import-report');
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded"]', { timeout: 60_000 });
		expect(await page.isVisible('[data-testid="local-banner"]')).toBe(true);
		await page.click('header.site nav a:text-is("总览")');
		await page.waitForFunction(
			() => document.querySelector('[data-kpi="units"]')?.textContent === '1',
			null,
			{ timeout: 30_000 }
		);
		expect(await page.textContent('h1')).toContain('2023');
		expect(await page.textContent('[data-kpi="budget_final"]')).toBe('1,715.85 万元');
		expect(await page.locator('[data-testid="unit-table"] tbody tr').count()).toBe(1);
		await h.shot(page, 'import-overview');
		// Units of imported data open as pages computed in the browser, from the imported rows.
		await page.click('[data-testid="unit-table"] td[data-col="unit"] a');
		await page.waitForURL(/\/unit\/\?id=430212-jiwei/);
		await page.waitForSelector('article[data-eval]', { timeout: 30_000 });
		expect(await page.locator('article[data-eval]').count()).toBe(2);
		expect(await page.textContent('main')).toContain('1262.27万');
		await h.shot(page, 'import-unit');
		await page.click('header.site nav a:text-is("总览")');
		await page.waitForFunction(
			() => document.querySelector('[data-kpi="units"]')?.textContent === '1',
			null,
			{ timeout: 30_000 }
		);
		await page.click('header.site nav a:text-is("趋势")');
		await page.click('[data-panel="rate-band"] [data-action="table"]');
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="rate-band-table"] tbody tr').length === 1,
			null,
			{ timeout: 30_000 }
		);
		expect(await page.isVisible('[data-testid="local-banner"]')).toBe(true);
		// Filters offer the imported data's years, and default to its latest.
		await page.click('header.site nav a:text-is("项目")');
		await page.waitForFunction(
			() => document.querySelectorAll('select[name="year"] option').length === 2,
			null,
			{ timeout: 30_000 }
		);
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="projects"] tbody tr').length === 1,
			null,
			{ timeout: 30_000 }
		);
		expect(await page.textContent('[data-testid="projects"] tbody')).toContain('办案经费');
	});

	it('adds files to the loaded data without overwriting existing keys, and says which rows conflicted', async () => {
		const { page } = await h.open('/data/');
		await page.setInputFiles('input[type=file]', GOOD);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded"]');
		await page.check('input[name="mode"][value="add"]');
		await page.setInputFiles('input[type=file]', [fx('evaluations-bom.csv')]);
		await page.waitForSelector('[data-testid="totals"]');
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="conflicts"]', { timeout: 30_000 });
		expect(await page.locator('[data-testid="conflicts"] tbody tr').count()).toBe(2);
	});

	it('reports bad input with file, line, column and reason, and counts add up', async () => {
		const { page } = await h.open('/data/');
		await page.setInputFiles(
			'input[type=file]',
			[
				'empty.csv',
				'binary.csv',
				'units-missing-name.csv',
				'evaluations-bad.csv',
				'单位-gbk.csv'
			].map(fx)
		);
		await page.waitForSelector('[data-testid="errors"]', { timeout: 60_000 });
		const text = (await page.textContent('[data-testid="errors"]'))!;
		// The Chinese page reports in Chinese.
		for (const s of [
			'文件是空的',
			'文件是二进制数据，不是 CSV 文本',
			'缺少必填列 name（单位名称）',
			'budget_final（全年预算数） 须为普通数字',
			'主键 eval_id 重复'
		])
			expect(text).toContain(s);
		const rows = await page
			.locator('[data-testid="report"] > table tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => Number(td.textContent)))
			);
		for (const [read, acc, rej] of rows) expect(read).toBe(acc + rej);
		await h.shot(page, 'import-errors');
	});

	it('lets the user correct the mapping: an unknown column can be dropped on purpose', async () => {
		const { page } = await h.open('/data/');
		await page.setInputFiles('input[type=file]', [fx('units-extra-column.csv')]);
		await page.waitForSelector('[data-testid="errors"]', { timeout: 60_000 });
		expect(await page.textContent('[data-testid="errors"]')).toContain(
			'表头“备注”不对应 预算单位（units）的任何列'
		);
		await page.selectOption(
			'[data-testid="mapping"] select[aria-label="备注 → column"]',
			'__ignore__'
		);
		await page.waitForSelector('[data-testid="warnings"]', { timeout: 30_000 });
		expect(await page.isVisible('[data-testid="errors"]')).toBe(false);
		expect(await page.textContent('[data-testid="warnings"]')).toContain('按选择不导入此列');
		expect((await page.textContent('[data-testid="totals"]'))?.replace(/\s+/g, ' ')).toContain(
			'读取 1 = 接受 1 + 拒绝 0'
		);
	});

	it('round-trips: bundled data → export → import → export gives identical files', async () => {
		const { page } = await h.open('/data/');
		const exportZip = async (p: Page) => {
			const [d] = await Promise.all([
				p.waitForEvent('download', { timeout: 120_000 }),
				p.click('[data-action="export"]')
			]);
			return unzipSync(new Uint8Array(readFileSync((await d.path())!)));
		};
		const first = await exportZip(page);
		const dir = mkdtempSync(join(tmpdir(), 'jixiao-roundtrip-'));
		const csvs = Object.keys(first).filter((k) => k.startsWith('csv/'));
		expect(csvs).toHaveLength(7); // one per data table, the trace and the directions included
		for (const k of csvs) writeFileSync(join(dir, k.slice(4)), first[k]);
		await page.setInputFiles(
			'input[type=file]',
			csvs.map((k) => join(dir, k.slice(4)))
		);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 120_000 });
		expect(await page.locator('[data-testid="errors"]').count()).toBe(0);
		await page.click('[data-action="load"]');
		await page.waitForSelector('[data-testid="loaded"]', { timeout: 120_000 });
		const second = await exportZip(page);
		for (const k of csvs) expect(strFromU8(second[k]), k).toBe(strFromU8(first[k]));
		expect(strFromU8(first['csv/indicators.csv'])).toContain(
			'430212-jiwei-2023-p01,1,产出指标,数量指标,办理案件数,,50件,50,47,47,件,15,14,少数案件2024年结案。'
		);
	});

	it('imports an XLSX workbook with several sheets and the site’s own zstd Parquet files', async () => {
		const { toXlsxBook } = await import('../../src/lib/export/xlsx');
		const dir = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));
		const book = join(dir, '渌口.xlsx');
		writeFileSync(
			book,
			toXlsxBook([
				{
					name: '单位',
					header: ['单位编号', '单位名称', '数据来源性质'],
					rows: [['430212-jiwei', '中共株洲市渌口区纪律检查委员会', '公开']]
				},
				{
					name: '自评表',
					header: [
						'自评表编号',
						'单位编号',
						'预算年度',
						'表类型',
						'全年预算数',
						'全年执行数',
						'执行率',
						'数据来源性质'
					],
					rows: [
						[
							'430212-jiwei-2023-dept',
							'430212-jiwei',
							2023,
							'部门整体',
							1715.85,
							1715.85,
							'100%',
							'公开'
						]
					]
				}
			])
		);
		const { page } = await h.open('/data/');
		await page.setInputFiles('input[type=file]', [book]);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 60_000 });
		expect((await page.textContent('[data-testid="totals"]'))?.replace(/\s+/g, ' ')).toContain(
			'读取 2 = 接受 2 + 拒绝 0'
		);
		expect(await page.textContent('[data-testid="mapping"]')).toContain('渌口.xlsx › 自评表');

		const pq = ['units', 'evaluations', 'funding', 'indicators', 'metrics'].map((t) =>
			join(ROOT, 'build/data/download', `${t}.parquet`)
		);
		await page.setInputFiles('input[type=file]', pq);
		await page.waitForFunction(
			() => document.querySelector('[data-testid="report"] tr[data-file="indicators.parquet"]'),
			null,
			{ timeout: 120_000 }
		);
		expect(await page.locator('[data-testid="errors"]').count()).toBe(0);
		const indicators = await page
			.locator('[data-testid="report"] tr[data-file="indicators.parquet"] td.num')
			.allTextContents();
		const n = allRows('indicators').length;
		expect(indicators.map(Number)).toEqual([n, n, 0]);
	});

	it('stays responsive while a 50 MB file is checked, and accounts for every row', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'jixiao-big-'));
		const big = join(dir, 'units-50mb.csv');
		const lines = ['unit_id,name,region,sector,provenance'];
		let size = 0;
		for (let i = 0; size < 50 * 1024 * 1024; i++) {
			const line = `u${i},虚构省演示单位第${i}号纪律检查委员会（大文件测试）,虚构省演示市演示区演示街道,纪检监察,synthetic`;
			lines.push(line);
			size += Buffer.byteLength(line) + 1;
		}
		writeFileSync(big, lines.join('\n') + '\n');
		const rows = lines.length - 1;
		const { page } = await h.open('/data/');
		await page.setInputFiles('input[type=file]', [big]);
		// While the worker parses and validates, the page answers at once.
		const gaps: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t0 = Date.now();
			await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
			gaps.push(Date.now() - t0);
			await page.waitForTimeout(200);
		}
		expect(Math.max(...gaps)).toBeLessThan(1000);
		await page.waitForSelector('[data-testid="totals"]', { timeout: 300_000 });
		expect((await page.textContent('[data-testid="totals"]'))?.replace(/\s+/g, ' ')).toContain(
			`读取 ${rows} = 接受 ${rows} + 拒绝 0`
		);
	}, 400_000);

	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
