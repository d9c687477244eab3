// The static server (npm run serve, browser tests, bench): on-the-fly brotli/gzip with a cache, precompressed siblings, ranges, ETags.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	acceptedEncodings,
	byteRange,
	resolveFile,
	serveStatic,
	type StaticServer
} from '../../scripts/lib/static-server';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-static-'));

/** Text that compresses but is not one repeated byte: a table's rows. */
const rows = (n: number, tag = 'row') =>
	Array.from({ length: n }, (_, i) => `${tag},${i},${(i * 7919) % 1000},单位${i % 13}\n`).join('');

const FILES: Record<string, string | Buffer> = {
	'index.html': `<!doctype html><title>绩效</title>${rows(200, 'home')}`,
	'audit/index.html': `<!doctype html>${rows(100, 'audit')}`,
	'about.html': `<!doctype html>${rows(50, 'about')}`,
	'data/indicators.csv': Buffer.from(rows(5000, 'ind')),
	'data/indicators.parquet': Buffer.from(rows(300, 'pq')),
	'tiny.json': '{"a":1}',
	'.secret': 'not served',
	'_app/app.js': `export const x = ${JSON.stringify(rows(300, 'js'))};`
};

let server: StaticServer;
beforeAll(async () => {
	for (const [path, body] of Object.entries(FILES)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), body);
	}
	server = await serveStatic(dir);
});
afterAll(async () => {
	await server?.close();
	rmSync(dir, { recursive: true, force: true });
});

interface Got {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** The body as sent (not decoded). */
	body: Buffer;
}

/** A request with `headers`, reading the raw body (no decoding, unlike fetch). */
function get(
	path: string,
	headers: Record<string, string> = {},
	method = 'GET',
	url = server.url
): Promise<Got> {
	return new Promise((done, fail) => {
		const req = request(`${url}${path}`, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
			);
		});
		req.on('error', fail);
		req.end();
	});
}

const file = (path: string) => Buffer.from(FILES[path]);

describe('the static server compresses as a host does', () => {
	it('sends brotli when it is accepted, gzip when only that is, the file as it is otherwise', async () => {
		const br = await get('/data/indicators.csv', {
			'accept-encoding': 'gzip, deflate, br, zstd'
		});
		expect(br.status).toBe(200);
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers.vary).toBe('Accept-Encoding');
		expect(Number(br.headers['content-length'])).toBe(br.body.length);
		expect(br.body.length).toBeLessThan(file('data/indicators.csv').length / 4);
		expect(brotliDecompressSync(br.body).equals(file('data/indicators.csv'))).toBe(true);

		const gz = await get('/data/indicators.csv', { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).equals(file('data/indicators.csv'))).toBe(true);

		const plain = await get('/data/indicators.csv');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.equals(file('data/indicators.csv'))).toBe(true);
		expect(plain.headers['content-type']).toBe('text/csv');
	});

	it('honours q=0: brotli refused is gzip', async () => {
		const r = await get('/_app/app.js', { 'accept-encoding': 'br;q=0, gzip' });
		expect(r.headers['content-encoding']).toBe('gzip');
		expect(r.headers['content-type']).toBe('text/javascript');
		expect(gunzipSync(r.body).equals(file('_app/app.js'))).toBe(true);
	});

	it('compresses a file once: the next requests are served from its cache, until the file changes', async () => {
		const path = '/audit/';
		const ae = { 'accept-encoding': 'br' };
		const first = await get(path, ae);
		const { compressed, cacheHits } = server.stats;
		const again = await Promise.all([get(path, ae), get(path, ae), get(path, ae)]);
		expect(server.stats.compressed).toBe(compressed);
		expect(server.stats.cacheHits).toBe(cacheHits + 3);
		for (const r of again) expect(r.body.equals(first.body)).toBe(true);

		// A rebuild writes the file anew: its new bytes are compressed, not the old ones sent.
		const changed = `<!doctype html>${rows(120, 'audit2')}`;
		writeFileSync(join(dir, 'audit/index.html'), changed);
		utimesSync(join(dir, 'audit/index.html'), new Date(), new Date(Date.now() + 5000));
		const after = await get(path, ae);
		expect(server.stats.compressed).toBe(compressed + 1);
		expect(brotliDecompressSync(after.body).toString()).toBe(changed);
		expect(after.headers.etag).not.toBe(first.headers.etag);
	});

	it('sends a precompressed .br or .gz beside the file as it is (npm run precompress)', async () => {
		const html = file('about.html');
		// Quality 11, unlike the server's own: the bytes sent must be the file's, not a fresh compression.
		const br = brotliCompressSync(html);
		writeFileSync(join(dir, 'about.html.br'), br);
		const before = server.stats.precompressed;
		const r = await get('/about', { 'accept-encoding': 'gzip, br' });
		expect(r.headers['content-encoding']).toBe('br');
		expect(r.headers['content-type']).toBe('text/html;charset=utf-8');
		expect(r.body.equals(br)).toBe(true);
		expect(server.stats.precompressed).toBe(before + 1);
		// No .gz beside it: a gzip-only client gets it compressed here.
		const gz = await get('/about', { 'accept-encoding': 'gzip' });
		expect(gunzipSync(gz.body).equals(html)).toBe(true);
	});

	it('answers If-None-Match with 304 for the same representation only', async () => {
		const ae = { 'accept-encoding': 'br' };
		const r = await get('/', ae);
		expect(r.headers.etag).toMatch(/-br"$/);
		const same = await get('/', { ...ae, 'if-none-match': String(r.headers.etag) });
		expect(same.status).toBe(304);
		expect(same.body.length).toBe(0);
		const plain = await get('/', { 'if-none-match': String(r.headers.etag) });
		expect(plain.status).toBe(200);
		expect(plain.body.equals(file('index.html'))).toBe(true);
	});

	it("serves a range of the file's own bytes, never encoded (hyparquet's and DuckDB's reads)", async () => {
		const pq = file('data/indicators.parquet');
		const r = await get('/data/indicators.parquet', {
			range: 'bytes=10-19',
			'accept-encoding': 'br'
		});
		expect(r.status).toBe(206);
		expect(r.headers['content-encoding']).toBeUndefined();
		expect(r.headers['content-range']).toBe(`bytes 10-19/${pq.length}`);
		expect(r.body.equals(pq.subarray(10, 20))).toBe(true);
		const tail = await get('/data/indicators.parquet', { range: 'bytes=-8' });
		expect(tail.body.equals(pq.subarray(pq.length - 8))).toBe(true);
		const past = await get('/data/indicators.parquet', { range: `bytes=${pq.length}-` });
		expect(past.status).toBe(416);
		// Parquet is compressed already: whole, it is sent as it is, and HEAD tells its true length.
		const head = await get('/data/indicators.parquet', { 'accept-encoding': 'br' }, 'HEAD');
		expect(head.headers['content-encoding']).toBeUndefined();
		expect(Number(head.headers['content-length'])).toBe(pq.length);
		expect(head.headers['accept-ranges']).toBe('bytes');
	});

	it('leaves tiny files alone, and finds pages as a host does; 404 for dotfiles and outside the folder', async () => {
		const tiny = await get('/tiny.json', { 'accept-encoding': 'br' });
		expect(tiny.headers['content-encoding']).toBeUndefined();
		expect(tiny.body.toString()).toBe(FILES['tiny.json']);
		for (const p of ['/audit/', '/audit', '/audit/index.html']) {
			const r = await get(p);
			expect(r.status, p).toBe(200);
			expect(r.headers['content-type']).toBe('text/html;charset=utf-8');
		}
		for (const p of ['/.secret', '/nope/', '/..%2f..%2fetc%2fpasswd', '/%E0%A4%A'])
			expect((await get(p)).status, p).toBe(404);
		expect(await resolveFile(dir, '/../../etc/passwd')).toBeNull();
		expect(await resolveFile(dir, '/about')).toBe(join(dir, 'about.html'));
	});

	it('keeps at most cacheBytes compressed: past that the oldest goes, and is compressed again', async () => {
		const s = await serveStatic(dir, { cacheBytes: 1 });
		try {
			const ae = { 'accept-encoding': 'br' };
			for (const p of ['/', '/_app/app.js', '/', '/'])
				expect((await get(p, ae, 'GET', s.url)).headers['content-encoding']).toBe('br');
			// '/' once, app.js (evicting '/'), '/' again (evicting app.js), then '/' from the cache.
			expect(s.stats).toMatchObject({ compressed: 3, cacheHits: 1 });
			// Only '/' is held, and counted once.
			const home = await get('/', ae, 'GET', s.url);
			expect(s.stats.cachedBytes).toBe(home.body.length);
		} finally {
			await s.close();
		}
	});

	it('serves under a base path, and can be told not to compress', async () => {
		const s = await serveStatic(dir, { base: '/jixiao', compress: false });
		try {
			const origin = new URL(s.url).origin;
			const r = await get(
				'/jixiao/data/indicators.csv',
				{ 'accept-encoding': 'br' },
				'GET',
				origin
			);
			expect(r.headers['content-encoding']).toBeUndefined();
			expect(r.body.equals(file('data/indicators.csv'))).toBe(true);
			const bare = await get('/jixiao', {}, 'GET', origin);
			expect(bare.status).toBe(301);
			expect(bare.headers.location).toBe('/jixiao/');
			expect((await get('/data/indicators.csv', {}, 'GET', origin)).status).toBe(404);
			// Not compressing here still sends a .br written beside a file, as nginx and Caddy do.
			const html = readFileSync(join(dir, 'audit/index.html'));
			const br = brotliCompressSync(html);
			writeFileSync(join(dir, 'audit/index.html.br'), br);
			const pre = await get('/jixiao/audit/', { 'accept-encoding': 'br' }, 'GET', origin);
			expect(pre.headers['content-encoding']).toBe('br');
			expect(pre.body.equals(br)).toBe(true);
			const plain = await get('/jixiao/audit/', { 'accept-encoding': 'gzip' }, 'GET', origin);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(plain.body.equals(html)).toBe(true);
		} finally {
			await s.close();
		}
	});
});

describe('Accept-Encoding and Range', () => {
	it('prefers brotli, then gzip, and drops what q=0 refuses', () => {
		expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
		expect(acceptedEncodings('gzip')).toEqual(['gzip']);
		expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
		expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
		expect(acceptedEncodings('*, gzip;q=0')).toEqual(['br']);
		expect(acceptedEncodings('identity')).toEqual([]);
		expect(acceptedEncodings(undefined)).toEqual([]);
	});

	it('reads one bytes= range; several or malformed ones read as the whole file', () => {
		expect(byteRange('bytes=0-9', 100)).toEqual([0, 9]);
		expect(byteRange('bytes=90-', 100)).toEqual([90, 99]);
		expect(byteRange('bytes=90-200', 100)).toEqual([90, 99]);
		expect(byteRange('bytes=-10', 100)).toEqual([90, 99]);
		expect(byteRange('bytes=-200', 100)).toEqual([0, 99]);
		expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
		expect(byteRange('bytes=-0', 100)).toBe('unsatisfiable');
		expect(byteRange('bytes=9-3', 100)).toBeNull();
		expect(byteRange('bytes=0-1,5-6', 100)).toBeNull();
		expect(byteRange('items=0-1', 100)).toBeNull();
	});
});
