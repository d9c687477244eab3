import { launch } from './chromium';
const b = await launch();
const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => {
	if (m.type() === 'error' || m.type() === 'warning')
		console.log('console', m.type(), m.text().slice(0, 300));
});
page.on('pageerror', (e) => console.log('pageerror', e.message));
for (const [path, name] of (process.argv[2] ?? '/:ov').split(',').map((x) => x.split(':'))) {
	await page.goto('http://127.0.0.1:5199' + path);
	await page.waitForTimeout(4000);
	await page.screenshot({ path: `/tmp/${name}.png`, fullPage: process.env.FULL !== '0' });
}
await b.close();
