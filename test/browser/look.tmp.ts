import { launch } from '/work/main/test/browser/chromium';
const b = await launch();
const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('requestfailed', (r) => console.log('failed', r.url(), r.failure()?.errorText));
const t0 = Date.now();
await page.goto('http://127.0.0.1:4173/');
await page
	.waitForSelector('[data-db-status="ready"]', { timeout: 60000 })
	.catch((e) => console.log('no ready', e.message));
console.log('ready after', Date.now() - t0);
await page.screenshot({ path: '/tmp/overview.png', fullPage: false });
await page.click('nav.years a:has-text("2023")');
await page.waitForTimeout(1500);
console.log(page.url(), await page.textContent('h1'));
await page.screenshot({ path: '/tmp/overview-2023.png', fullPage: true });
await page.goto('http://127.0.0.1:4173/units/430212-jiwei/');
await page.screenshot({ path: '/tmp/unit.png', fullPage: true });
await b.close();
