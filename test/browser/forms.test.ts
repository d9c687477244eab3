// The forms grid driven through the UI alone: a supervisor's question, sorting, paging, the full export, cards → grid, a row → its form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/ingest/csv';
import { ROOT, allRows } from '../helpers/data';
import { startHarness, type Harness } from './harness';

let h: Harness;
let page: Page;
beforeAll(async () => {
	h = await startHarness();
	({ page } = await h.open('/years/2024/'));
	await page.waitForSelector('[data-db-status="ready"]', { timeout: 60_000 });
}, 90_000);
afterAll(async () => {
	await h?.close();
});

/** The CSVs' forms with the rate recomputed (executed ÷ final budget). */
const units = new Map(allRows('units').map((u) => [u.unit_id, u]));
const forms = allRows('evaluations').map((e) => {
	const final = e.budget_final ? Number(e.budget_final) : null;
	const executed = e.executed ? Number(e.executed) : null;
	return {
		eval_id: e.eval_id,
		unit_id: e.unit_id,
		year: Number(e.year),
		form: e.form,
		reason: e.exec_reason ?? '',
		rate: final !== null && final > 0 && executed !== null ? executed / final : null,
		region: units.get(e.unit_id)!.region
	};
});
/** The audit's recomputed figures as the build published them. */
const auditCsv = parseCsv(
	readFileSync(join(ROOT, 'build', 'data', 'download', 'audit_forms.csv'), 'utf8'),
	'audit_forms'
);
const gapCol = auditCsv.header.indexOf('gap_pct');
const gaps = auditCsv.rows.map((r) => ({ eval_id: r.fields[0], gap: Number(r.fields[gapCol]) }));

/**
 * Waits until the grid shows the answer to exactly this query string (`?` for none), not an
 * older one, and returns its total.
 */
async function gridTotal(search: string): Promise<number> {
	await page.waitForSelector(`[data-testid="forms-answer"][data-answered="${search}"]`, {
		timeout: 30_000
	});
	return Number(await page.getAttribute('[data-testid="forms-pager-range"]', 'data-total'));
}

/** The query string of a link (`?` for none). */
const searchOf = (href: string) => new URL(href, page.url()).search || '?';

const rowKeys = () =>
	page.$$eval('[data-testid="forms-grid"] tbody tr', (trs) =>
		trs.map((tr) => tr.getAttribute('data-key')!)
	);

/** Reads a card's number, follows its link, and returns both with the grid's total. */
async function follow(selector: string): Promise<{ card: number; grid: number }> {
	const card = Number((await page.textContent(selector))!.replace(/[^\d]/g, ''));
	const href = (await page.getAttribute(`${selector} a`, 'href'))!;
	await page.click(`${selector} a`);
	const grid = await gridTotal(searchOf(href));
	await page.goBack();
	return { card, grid };
}

describe('the forms grid', () => {
	it('links every card and count to the grid, filtered to exactly the forms it counts', async () => {
		// The overview of 2024: forms, low execution, and the one inflated form (a project form, +6.2).
		for (const id of ['forms', 'low_exec', 'inflated']) {
			const { card, grid } = await follow(`[data-kpi="${id}"]`);
			expect(grid, id).toBe(card);
			expect(card, id).toBeGreaterThan(0);
		}
		await page.click('[data-kpi="inflated"] a');
		expect(await gridTotal('?from=2024&to=2024&gap=5')).toBe(1);
		expect(await rowKeys()).toEqual(['990518-jiwei-18-2024-p03']);
		expect(await page.textContent('td[data-col="gap_pct"]')).toContain('+6.2');
		// A unit's page: its forms in one year, and all of them.
		const unit = '990518-jiwei-18';
		await page.goBack();
		// The overview's unit link opens the unit's page at its 2024 forms; its name there leads to the page's top.
		await page.click(`[data-testid="unit-table"] tr[data-key="${unit}"] td[data-col="unit"] a`);
		await page.click(`a.plain[href$="/units/${unit}/"]`);
		await page.waitForSelector('[data-testid="unit-forms-grid"]');
		const year = await follow(
			`[data-testid="unit-years"] tr[data-key="2024"] td[data-col="forms"]`
		);
		expect(year.grid).toBe(year.card);
		expect(year.card).toBe(forms.filter((f) => f.unit_id === unit && f.year === 2024).length);
		const card = Number(
			(await page.textContent('[data-testid="unit-forms-grid"]'))!.match(/\d+/)![0]
		);
		await page.click('[data-testid="unit-forms-grid"]');
		expect(await gridTotal(`?unit=${unit}`)).toBe(card);
		expect(card).toBe(forms.filter((f) => f.unit_id === unit).length);
		await page.goBack();
		// The audit (reached through the header: the engine stays loaded, as on every client-side link).
		await page.click('header.site nav a[href$="/audit/"]');
		await page.waitForSelector('[data-kpi="flagged_forms"] a');
		for (const id of ['flagged_forms', 'inflated']) {
			const { card, grid } = await follow(`[data-kpi="${id}"]`);
			expect(grid, id).toBe(card);
		}
		for (const rule of ['full_marks_on_miss', 'exec_rate_mismatch']) {
			await page.waitForSelector(`[data-rule-forms="${rule}"] a`);
			const { card, grid } = await follow(`[data-rule-forms="${rule}"]`);
			expect(grid, rule).toBe(card);
			expect(card, rule).toBeGreaterThan(0);
		}
	}, 180_000);

	it('answers “which 2023 department forms executed below 90%, and did they say why” through its filters', async () => {
		// Through the header, so the engine loaded on the overview answers at once.
		await page.click('header.site nav a[href$="/forms/"]');
		expect(await gridTotal('?')).toBe(forms.length);
		await page.selectOption('select[name="from"]', '2023');
		await gridTotal('?from=2023');
		await page.selectOption('select[name="to"]', '2023');
		await gridTotal('?from=2023&to=2023');
		await page.selectOption('select[name="form"]', 'department');
		await gridTotal('?from=2023&to=2023&form=department');
		await page.selectOption('select[name="rate"]', 'lt90');
		const want = forms.filter(
			(f) => f.year === 2023 && f.form === 'department' && f.rate !== null && f.rate < 0.9
		);
		expect(want.length).toBeGreaterThan(0);
		expect(await gridTotal('?from=2023&to=2023&form=department&rate=lt90')).toBe(want.length);
		const rows = await page.$$eval('[data-testid="forms-grid"] tbody tr', (trs) =>
			trs.map((tr) => {
				const cell = tr.querySelector('td[data-col="reason"]')!;
				const full = cell.querySelector('.full');
				return [
					tr.getAttribute('data-key'),
					(full ?? cell).textContent!.trim().replace(/^—$/, '')
				] as const;
			})
		);
		expect([...rows].sort()).toEqual(want.map((f) => [f.eval_id, f.reason] as const).sort());
		await h.shot(page, 'forms-2023-dept-lt90');
	}, 60_000);

	it('sorts by the gap, pages to the end, and exports every filtered row', async () => {
		await page.click('button:has-text("清除筛选")');
		expect(await gridTotal('?')).toBe(forms.length);
		await page.click('button[data-sort="gap_pct"]');
		await gridTotal('?sort=gap_pct&dir=desc');
		expect(await page.getAttribute('th[data-col="gap_pct"]', 'aria-sort')).toBe('descending');
		// The provenance column sorts nothing: a plain header, no button, no aria-sort.
		expect(await page.$('th[data-col="provenance"] button')).toBeNull();
		expect(await page.getAttribute('th[data-col="provenance"]', 'aria-sort')).toBeNull();
		// The unit's cell is its name as in the data (the provenance badge sits beside it).
		expect(await page.textContent('tbody td[data-col="unit"]')).not.toContain('★');
		const top = gaps.reduce((a, b) => (b.gap > a.gap ? b : a));
		expect((await rowKeys())[0]).toBe(top.eval_id);

		await page.selectOption('select[name="size"]', '25');
		await gridTotal('?sort=gap_pct&dir=desc&size=25');
		await page.click('button[data-page="last"]');
		const pages = Math.ceil(forms.length / 25);
		const total = await gridTotal(`?sort=gap_pct&dir=desc&page=${pages}&size=25`);
		expect(await rowKeys()).toHaveLength(total % 25 || 25);
		const from = total - (total % 25 || 25) + 1;
		expect(await page.textContent('[data-testid="forms-pager-range"]')).toBe(
			`第 ${from.toLocaleString('en-US')}–${total.toLocaleString('en-US')} 行，共 ${total.toLocaleString('en-US')} 行`
		);
		expect(await page.isDisabled('button[data-page="next"]')).toBe(true);
		expect(await page.getAttribute('button[data-page="next"]', 'title')).toBeTruthy();

		// The export holds every filtered row (the region filter here), not the page.
		await page.selectOption('select[name="region"]', '虚构省澄月市');
		const n = await gridTotal(
			`?region=${encodeURIComponent('虚构省澄月市')}&sort=gap_pct&dir=desc&size=25`
		);
		expect(n).toBe(forms.filter((f) => f.region.startsWith('虚构省澄月市')).length);
		expect(n).toBeGreaterThan(25);
		const [d] = await Promise.all([
			page.waitForEvent('download'),
			page.click('button[data-export="csv"]')
		]);
		const csv = parseCsv(readFileSync((await d.path())!, 'utf8'), 'export');
		expect(csv.rows).toHaveLength(n);
		const unitCol = csv.header.indexOf('单位');
		expect(unitCol).toBeGreaterThanOrEqual(0);
		expect(csv.rows.every((r) => !r.fields[unitCol].includes('★'))).toBe(true);
		const idCol = csv.header.indexOf('自评表编号');
		const reasonCol = csv.header.indexOf('执行率偏差原因');
		expect(idCol).toBeGreaterThanOrEqual(0);
		for (const r of csv.rows) {
			const f = forms.find((x) => x.eval_id === r.fields[idCol])!;
			expect(r.fields[reasonCol]).toBe(f.reason);
		}
	}, 60_000);

	it('opens a row’s form at its place on the unit’s page, among its year’s forms', async () => {
		const key = (await rowKeys())[0];
		const f = forms.find((x) => x.eval_id === key)!;
		await page.click(`tr[data-key="${key}"] td[data-col="form"] a`);
		await page.waitForURL(new RegExp(`/units/${f.unit_id}/\\?year=${f.year}#${key}$`));
		await page.waitForSelector(`article[id="${key}"]`);
		expect(
			await page.$eval(`article[id="${key}"]`, (a) => {
				const r = a.getBoundingClientRect();
				return r.top < window.innerHeight && r.bottom > 0;
			})
		).toBe(true);
	}, 30_000);

	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
