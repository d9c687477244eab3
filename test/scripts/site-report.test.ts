// The build's site report (scripts/site-report.ts): bytes, files, pages and kinds of a folder, against hosts' limits.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/site-report';
import {
	HOST_LIMITS,
	fileKind,
	limitUse,
	reportLines,
	siteReport
} from '../../scripts/lib/site-report';
import { runMain } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-site-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small built site: two pages with their data, JS, a wasm, the dataset (one table's CSV gzipped), a precompressed copy. */
const FILES: Record<string, number> = {
	'index.html': 1000,
	'__data.json': 300,
	'years/2023/index.html': 2000,
	'years/2023/__data.json': 400,
	'_app/immutable/entry/start.js': 5000,
	'_app/immutable/assets/app.css': 700,
	'_app/immutable/assets/duckdb-eh.wasm': 30_000,
	'data/manifest.json': 100,
	'data/indicators.arrow': 9000,
	'data/download/indicators.csv': 8000,
	'data/indicators.arrow.br': 1500,
	'data/download/funding.csv.gz': 600,
	'favicon.svg': 50
};
for (const [path, size] of Object.entries(FILES)) {
	mkdirSync(join(dir, path, '..'), { recursive: true });
	writeFileSync(join(dir, path), Buffer.alloc(size, 120));
}
const total = Object.values(FILES).reduce((a, b) => a + b, 0);

describe('the site report', () => {
	it('tells each kind of file by its path', () => {
		expect(fileKind('index.html')).toBe('html');
		expect(fileKind('/')).toBe('html');
		expect(fileKind('/audit/')).toBe('html');
		expect(fileKind('years/2023/__data.json')).toBe('page-data');
		expect(fileKind('/_app/immutable/chunks/x.js')).toBe('js');
		expect(fileKind('_app/immutable/assets/duckdb-eh.wasm')).toBe('wasm');
		expect(fileKind('data/indicators.arrow')).toBe('data');
		expect(fileKind('data/manifest.json')).toBe('data');
		expect(fileKind('data/indicators.arrow.br', true)).toBe('precompressed');
		// The data's own gzipped files: a long table's CSV, the search index (nothing beside them).
		expect(fileKind('data/download/funding.csv.gz')).toBe('data');
		expect(fileKind('data/search/t3.json.gz')).toBe('data');
		expect(fileKind('index.html.gz')).toBe('precompressed');
		expect(fileKind('favicon.svg')).toBe('other');
	});

	it('sums every file of the folder, by kind, and keeps the largest', async () => {
		const r = await siteReport(dir, 3);
		expect(r.files).toBe(Object.keys(FILES).length);
		expect(r.bytes).toBe(total);
		expect(r.pages).toBe(2);
		expect(r.byKind.html).toEqual({ files: 2, bytes: 3000 });
		expect(r.byKind['page-data']).toEqual({ files: 2, bytes: 700 });
		expect(r.byKind.js).toEqual({ files: 1, bytes: 5000 });
		expect(r.byKind.wasm).toEqual({ files: 1, bytes: 30_000 });
		expect(r.byKind.data).toEqual({ files: 4, bytes: 17_700 });
		expect(r.byKind.precompressed).toEqual({ files: 1, bytes: 1500 });
		expect(r.byKind.other).toEqual({ files: 1, bytes: 50 });
		const byKind = Object.values(r.byKind);
		expect(byKind.reduce((a, k) => a + k.bytes, 0)).toBe(total);
		expect(byKind.reduce((a, k) => a + k.files, 0)).toBe(r.files);
		expect(r.largest).toEqual([
			{ path: '_app/immutable/assets/duckdb-eh.wasm', bytes: 30_000 },
			{ path: 'data/indicators.arrow', bytes: 9000 },
			{ path: 'data/download/indicators.csv', bytes: 8000 }
		]);
	});

	it('says which host limit is closest, and which are passed', async () => {
		const r = await siteReport(dir);
		const uses = limitUse(r);
		expect(uses).toHaveLength(HOST_LIMITS.length);
		// A 30,000-byte file is 0.11 % of 25 MB; 13 files 0.07 % of 20,000; 58 KB less of 1 GB.
		expect(uses.map((u) => [u.limit.on, u.used])).toEqual([
			['file-bytes', 30_000],
			['files', 13],
			['bytes', total]
		]);
		const many = { ...r, files: 25_000, bytes: 2 * 1024 ** 3 };
		const lines = reportLines(many);
		expect(lines[0]).toBe('site: 2048.0 MB in 25,000 files, 2 HTML pages');
		expect(lines.filter((l) => l.endsWith('OVER'))).toHaveLength(2);
		expect(lines.at(-1)).toMatch(/^ {2}closest limit: GitHub Pages: 1 GB per site \(200 % used\)$/);
	});

	it('prints the report of a folder, and fails on a folder that is not there', async () => {
		const r = await runMain(main, [dir]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`site: 0.1 MB in 13 files, 2 HTML pages`);
		expect(r.stdout).toMatch(/^ {2}wasm +1 files +0\.0 MB$/m);
		const missing = await runMain(main, [join(dir, 'nope')]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('does not exist');
	});
});
