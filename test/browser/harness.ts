// Browser test harness: serves build/ (or another built site), opens pages in Chromium, and records console errors, off-origin requests and each page's requests.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';
import type { Manifest } from '../../src/lib/db/manifest';
import { ROOT } from '../helpers/data';
import { launch } from '../../scripts/lib/chromium';

export const SHOTS = join(ROOT, 'test-results', 'screenshots');

export interface Harness {
	server: StaticServer;
	browser: Browser;
	shotsDir: string;
	/** Every console error and page error seen, as text. */
	errors: string[];
	/** Every request that tried to leave the site's origin (it was aborted). */
	offOrigin: string[];
	/** Opens `path` in a fresh context; `requests` holds every URL it requests, from its first on. */
	open(
		path: string,
		opts?: { javaScriptEnabled?: boolean; width?: number }
	): Promise<{ page: Page; context: BrowserContext; requests: string[] }>;
	shot(page: Page, name: string): Promise<void>;
	close(): Promise<void>;
}

/** `chromiumArgs` are extra browser flags (see launch); `site` is the built site served (default build/). */
export async function startHarness(
	chromiumArgs: string[] = [],
	opts: { site?: string } = {}
): Promise<Harness> {
	mkdirSync(SHOTS, { recursive: true });
	const server = await serveStatic(opts.site ?? join(ROOT, 'build'));
	const browser = await launch(chromiumArgs);
	const origin = new URL(server.url).origin;
	const errors: string[] = [];
	const offOrigin: string[] = [];
	const contexts: BrowserContext[] = [];
	return {
		server,
		browser,
		shotsDir: SHOTS,
		errors,
		offOrigin,
		async open(path, opts = {}) {
			const context = await browser.newContext({
				acceptDownloads: true,
				javaScriptEnabled: opts.javaScriptEnabled ?? true,
				viewport: { width: opts.width ?? 1280, height: 900 },
				locale: 'zh-CN'
			});
			contexts.push(context);
			const requests: string[] = [];
			context.on('request', (r) => requests.push(r.url()));
			await context.route('**/*', (route) => {
				const url = route.request().url();
				if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
					return route.continue();
				offOrigin.push(url);
				return route.abort();
			});
			const page = await context.newPage();
			page.on('console', (m) => {
				if (m.type() === 'error') errors.push(`${path}: console: ${m.text()}`);
			});
			page.on('pageerror', (e) => errors.push(`${path}: page: ${e.message}`));
			await page.goto(`${server.url}${path}`);
			// The load event comes before SvelteKit has hydrated the page: wait for its handlers.
			if (opts.javaScriptEnabled !== false)
				await page.waitForSelector('html[data-hydrated]', { timeout: 30_000 });
			return { page, context, requests };
		},
		async shot(page, name) {
			await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
		},
		async close() {
			for (const c of contexts) await c.close().catch(() => {});
			await browser.close();
			await server.close();
		}
	};
}

/**
 * Serves the bundled site's manifest with each year file at 0.8 MB: a year's audit (1.6 MB) is
 * under ASK_BYTES, every year's over it and over WHOLE_ON_READY_BYTES, as at 4,000 units. Returns
 * the latest year.
 */
export async function provinceSized(page: Page): Promise<number> {
	const manifest = JSON.parse(
		readFileSync(join(ROOT, 'build/data/manifest.json'), 'utf8')
	) as Manifest;
	await page.route('**/data/manifest.json*', async (route) => {
		const m = (await (await route.fetch()).json()) as Manifest;
		for (const y of m.parts.years)
			for (const f of Object.values(y.tables)) f!.bytes = 0.8 * 1024 * 1024;
		await route.fulfill({ json: m });
	});
	return Math.max(...manifest.parts.years.map((y) => y.year ?? 0));
}
