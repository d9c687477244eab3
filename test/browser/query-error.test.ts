// A query that fails for real in DuckDB-WASM (its table renamed away) is shown to the user as a readable error.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(async () => {
	await h?.close();
});

interface Recorded {
	worker: Worker;
	url: string;
}

/** Keeps every Worker the page creates, with its script URL, so the test can reach DuckDB's. */
function recordWorkers() {
	const made: Recorded[] = [];
	(window as unknown as { __workers: Recorded[] }).__workers = made;
	const Native = window.Worker;
	window.Worker = class extends Native {
		constructor(url: string | URL, options?: WorkerOptions) {
			super(url, options);
			made.push({ worker: this, url: String(url) });
		}
	};
}

/** Opens `path` with the page's workers recorded, and waits until DuckDB-WASM has loaded the data. */
async function openRecorded(path: string): Promise<Page> {
	const { page, context } = await h.open(path);
	await context.addInitScript(recordWorkers);
	await page.reload();
	await page.waitForSelector('html[data-hydrated]', { timeout: 30_000 });
	await page.waitForSelector('[data-db-status="ready"]', { timeout: 60_000 });
	return page;
}

/**
 * Runs one statement on the page's own DuckDB-WASM database, through its worker's message protocol
 * on a connection of its own (the page's connection sees the change: one in-memory database).
 */
function sqlInPage(page: Page, sql: string): Promise<void> {
	return page.evaluate(async (statement) => {
		const made = (window as unknown as { __workers: Recorded[] }).__workers;
		const duck = made.find((w) => w.url.includes('duckdb-browser'));
		if (!duck) throw new Error(`no DuckDB worker among ${made.map((w) => w.url).join(', ')}`);
		const w = duck.worker;
		let next = 2_000_000_000;
		const ask = (type: string, data: unknown) =>
			new Promise<unknown>((resolve, reject) => {
				const messageId = next++;
				const on = (e: MessageEvent) => {
					const r = e.data as { requestId?: number; type: string; data: unknown };
					if (r?.requestId !== messageId) return;
					w.removeEventListener('message', on);
					if (r.type === 'ERROR') reject(new Error(JSON.stringify(r.data)));
					else resolve(r.data);
				};
				w.addEventListener('message', on);
				w.postMessage({ messageId, type, data });
			});
		const conn = await ask('CONNECT', null);
		await ask('RUN_QUERY', [conn, statement]);
		await ask('DISCONNECT', conn);
	}, sql);
}

const rows = (page: Page, testid: string) =>
	page.locator(`[data-testid="${testid}"] tbody tr`).count();

describe('a failed query', () => {
	it('on the audit page: says so in words, in either language, hides no control, and recovers', async () => {
		const page = await openRecorded('/audit/');
		expect(await page.locator('[data-testid="query-error"]').count()).toBe(0);
		await sqlInPage(page, 'ALTER TABLE audit_flags RENAME TO audit_flags_away');

		await page.selectOption('select[name="rule"]', 'grade_mismatch');
		await page.waitForURL(/rule=grade_mismatch/);
		const error = page.locator('[data-testid="query-error"]');
		await error.waitFor({ timeout: 30_000 });
		expect(await error.getAttribute('role')).toBe('alert');
		const text = (await error.textContent())!;
		// The engine's own message, its first line: what failed and on which table, no SQL dump.
		expect(text).toMatch(/^查询失败：.*audit_flags/);
		expect(text).not.toContain('LINE ');
		expect(text).not.toContain('SELECT');
		// The figures of the filter before are not shown as if they answered this one.
		expect(await page.locator('[data-kpi="flags"]').count()).toBe(0);
		expect(await rows(page, 'audit-flags')).toBe(0);
		expect(await page.locator('[data-testid="audit-pending"]').count()).toBe(0);
		// Not busy any more, and the controls stay usable.
		expect(await page.locator('[data-testid="audit-filters"] [role="status"]').count()).toBe(0);
		expect(await page.isEnabled('select[name="rule"]')).toBe(true);
		await h.shot(page, 'query-error-audit-zh');

		await page.click('[data-action="lang"]');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await error.textContent()).toMatch(/^Query failed: .*audit_flags/);
		await h.shot(page, 'query-error-audit-en');

		// The table is back: the next filter is answered and the error is gone.
		await sqlInPage(page, 'ALTER TABLE audit_flags_away RENAME TO audit_flags');
		await page.selectOption('select[name="rule"]', 'funding_sum_mismatch');
		await page.waitForFunction(
			() =>
				!document.querySelector('[data-testid="query-error"]') &&
				document.querySelectorAll('[data-testid="audit-flags"] td[data-col="rule"]').length > 0 &&
				[...document.querySelectorAll('[data-testid="audit-flags"] td[data-col="rule"]')].every(
					(td) => td.textContent === 'Funding rows do not add up'
				),
			null,
			{ timeout: 30_000 }
		);
		expect(await rows(page, 'audit-flags')).toBeGreaterThan(0);
	});

	it('on the projects page: a failed filter says so instead of showing another filter’s rows, and the next one is answered', async () => {
		const page = await openRecorded('/projects/');
		const before = await rows(page, 'projects');
		await sqlInPage(page, 'ALTER TABLE evaluations RENAME TO evaluations_away');
		await page.selectOption('[data-testid="project-filters"] select[name="year"]', 'all');
		const error = page.locator('[data-testid="query-error"]');
		await error.waitFor({ timeout: 30_000 });
		expect(await error.textContent()).toMatch(/^查询失败：.*evaluations/);
		// The rows of the filter before are not shown as if they answered this one.
		expect(before).toBeGreaterThan(0);
		expect(await rows(page, 'projects')).toBe(0);
		await sqlInPage(page, 'ALTER TABLE evaluations_away RENAME TO evaluations');
		await page.fill('[data-testid="project-filters"] input[name="max"]', '95');
		await page.press('[data-testid="project-filters"] input[name="max"]', 'Enter');
		await page.waitForURL(/year=all&max=95/);
		await page.waitForFunction(
			() =>
				!document.querySelector('[data-testid="query-error"]') &&
				!document.querySelector('[data-testid="project-filters"] [role="status"]'),
			null,
			{ timeout: 30_000 }
		);
		const scores = await page
			.locator('[data-testid="projects"] td[data-col="score"]')
			.allTextContents();
		expect(scores.length).toBeGreaterThan(0);
		for (const s of scores) if (s !== '—') expect(Number(s)).toBeLessThanOrEqual(95);
	});

	it('logged no console errors and sent no request off the origin', () => {
		expect(h.errors).toEqual([]);
		expect(h.offOrigin).toEqual([]);
	});
});
