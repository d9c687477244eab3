// Serves the built site like a static host: compresses on the fly (brotli, else gzip; cached), or sends .br/.gz written beside a file.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Brotli quality on the fly. Measured on the built site (bytes; time on one core): the data's
 * Arrow files 5.8 MB → q5 711 KB in 0.24 s, q9 700 KB in 2.8 s, q11 607 KB in 21 s (gzip 9:
 * 1,023 KB); the 33 MB DuckDB wasm → q5 6.0 MB in 1.4 s, q9 5.8 MB in 7.5 s. q5 is the knee:
 * within 2 % of q9 and 15 % of q11, at a tenth of q9's time, so a cold server answers at once.
 */
export const BROTLI_QUALITY = 5;
export const GZIP_LEVEL = 6;

/** Files a host compresses (by extension): text, JSON, JS, wasm, CSV (the partitions are gzipped already). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|csv|txt|xml|map)$/;

/** Smaller files are sent as they are: the encoding's headers would cost more than it saves. */
const MIN_COMPRESS = 256;

const TYPES: Record<string, string> = {
	'.html': 'text/html;charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.map': 'application/json',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm',
	'.parquet': 'application/vnd.apache.parquet',
	'.csv': 'text/csv',
	'.txt': 'text/plain',
	'.xml': 'text/xml',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.zip': 'application/zip',
	'.pdf': 'application/pdf',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2'
};

export const contentType = (path: string) => TYPES[extname(path)] ?? 'application/octet-stream';

export type Encoding = 'br' | 'gzip';

/** The encodings the request accepts, preferred first (brotli, then gzip; `;q=0` refuses one). */
export function acceptedEncodings(header: string | undefined): Encoding[] {
	const q = new Map<string, number>();
	for (const part of (header ?? '').split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const qv = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		q.set(name, qv ? Number(qv.slice(2)) || 0 : 1);
	}
	const ok = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
	return (['br', 'gzip'] as const).filter(ok);
}

/**
 * The file a URL path names under `root`, as a static host finds it: the file itself, else
 * `<path>.html`, else `<path>/index.html`. Null outside `root`, for dotfiles, and when none exists.
 */
export async function resolveFile(root: string, pathname: string): Promise<string | null> {
	let p: string;
	try {
		p = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	if (p.includes('\0') || /(^|\/)\.(?!well-known\/)/.test(p)) return null;
	const base = normalize(join(root, p));
	if (base !== root && !base.startsWith(root + sep)) return null;
	const trimmed = base.endsWith(sep) ? base.slice(0, -1) : base;
	const candidates = p.endsWith('/')
		? [join(trimmed, 'index.html')]
		: [base, `${base}.html`, join(base, 'index.html')];
	for (const c of candidates) {
		const s = await stat(c).catch(() => null);
		if (s?.isFile()) return c;
	}
	return null;
}

/** What the server did, for tests and the benchmark. */
export interface ServerStats {
	requests: number;
	/** Responses compressed here (each file and encoding once, until it changes or is evicted). */
	compressed: number;
	/** Compressed responses sent from the cache. */
	cacheHits: number;
	/** Responses sent from a .br/.gz beside the file. */
	precompressed: number;
	/** Time spent compressing, in ms (on zlib's threads). */
	compressMs: number;
	/** Compressed bytes held in the cache now. */
	cachedBytes: number;
}

export interface StaticServer {
	url: string;
	stats: ServerStats;
	close(): Promise<void>;
}

export interface ServeOptions {
	port?: number;
	/** A sub-path the site was built for (BASE_PATH), e.g. '/jixiao'. */
	base?: string;
	/** Compress on the fly (default true); false sends files as they are (and any .br/.gz). */
	compress?: boolean;
	/** The most compressed bytes kept in memory (default 512 MB); the oldest go first. */
	cacheBytes?: number;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export async function serveStatic(dir: string, opts: ServeOptions = {}): Promise<StaticServer> {
	const root = resolve(dir);
	const base = opts.base ?? '';
	const compress = opts.compress ?? true;
	const cacheBytes = opts.cacheBytes ?? 512 * 1024 * 1024;
	const stats: ServerStats = {
		requests: 0,
		compressed: 0,
		cacheHits: 0,
		precompressed: 0,
		compressMs: 0,
		cachedBytes: 0
	};
	/** Compressed bodies by file, encoding and version; a Map keeps insertion order, oldest first. */
	const cache = new Map<string, { body: Promise<Buffer>; bytes: number }>();

	function encoded(file: string, enc: Encoding, version: string): Promise<Buffer> {
		const key = `${file}\0${enc}\0${version}`;
		const hit = cache.get(key);
		if (hit) {
			stats.cacheHits++;
			cache.delete(key);
			cache.set(key, hit);
			return hit.body;
		}
		const entry = { body: Promise.resolve(Buffer.alloc(0)), bytes: 0 };
		entry.body = readFile(file).then(async (raw) => {
			const t0 = performance.now();
			const out =
				enc === 'br'
					? await brotli(raw, {
							params: {
								[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
								[constants.BROTLI_PARAM_SIZE_HINT]: raw.length
							}
						})
					: await gz(raw, { level: GZIP_LEVEL });
			stats.compressMs += performance.now() - t0;
			stats.compressed++;
			// An entry evicted while it was compressing is sent once and not counted as held.
			if (cache.get(key) !== entry) return out;
			entry.bytes = out.length;
			stats.cachedBytes += out.length;
			while (stats.cachedBytes > cacheBytes && cache.size > 1) {
				const [oldest, e] = cache.entries().next().value!;
				cache.delete(oldest);
				stats.cachedBytes -= e.bytes;
			}
			return out;
		});
		entry.body.catch(() => {
			if (cache.get(key) === entry) cache.delete(key);
		});
		cache.set(key, entry);
		return entry.body;
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		stats.requests++;
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		const url = req.url ?? '/';
		if (base && !url.startsWith(`${base}/`)) {
			const bare = url.split('?')[0] === base;
			res.writeHead(bare ? 301 : 404, bare ? { location: `${base}/` } : {}).end();
			return;
		}
		const pathname = new URL(url.slice(base.length) || '/', 'http://x').pathname;
		const file = await resolveFile(root, pathname);
		const info = file ? await stat(file) : null;
		if (!file || !info) {
			res
				.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
				.end('404 未找到 Not found');
			return;
		}
		const version = `${info.size}-${Math.trunc(info.mtimeMs)}`;
		const headers: Record<string, string | number> = {
			'content-type': contentType(file),
			'last-modified': info.mtime.toUTCString()
		};
		const compressible = COMPRESSIBLE.test(file) && info.size >= MIN_COMPRESS;
		if (compressible) headers.vary = 'Accept-Encoding';
		const notModified = (etag: string) => {
			headers.etag = etag;
			if (req.headers['if-none-match'] !== etag) return false;
			res.writeHead(304, headers).end();
			return true;
		};

		// A range is of the file's own bytes (as hyparquet and DuckDB ask for them): never encoded.
		const range = req.headers.range;
		const accepted =
			range || !compressible ? [] : acceptedEncodings(req.headers['accept-encoding']);
		// A .br/.gz written beside the file (npm run precompress), as nginx and Caddy send it.
		for (const enc of accepted) {
			const sibling = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
			const s = await stat(sibling).catch(() => null);
			if (!s?.isFile()) continue;
			if (notModified(`W/"${s.size}-${Math.trunc(s.mtimeMs)}-${enc}"`)) return;
			stats.precompressed++;
			res.writeHead(200, { ...headers, 'content-encoding': enc, 'content-length': s.size });
			if (req.method === 'HEAD') res.end();
			else createReadStream(sibling).pipe(res);
			return;
		}
		// Compressed here only when told to (a .br/.gz beside the file is sent either way).
		const [enc] = compress ? accepted : [];
		if (enc) {
			if (notModified(`W/"${version}-${enc}"`)) return;
			const body = await encoded(file, enc, version);
			res.writeHead(200, { ...headers, 'content-encoding': enc, 'content-length': body.length });
			res.end(req.method === 'HEAD' ? undefined : body);
			return;
		}
		if (notModified(`W/"${version}"`)) return;
		headers['accept-ranges'] = 'bytes';
		const span = range ? byteRange(range, info.size) : null;
		if (span === 'unsatisfiable') {
			res.writeHead(416, { ...headers, 'content-range': `bytes */${info.size}` }).end();
			return;
		}
		if (span) {
			const [start, end] = span;
			res.writeHead(206, {
				...headers,
				'content-range': `bytes ${start}-${end}/${info.size}`,
				'content-length': end - start + 1
			});
			if (req.method === 'HEAD') res.end();
			else createReadStream(file, { start, end }).pipe(res);
			return;
		}
		res.writeHead(200, { ...headers, 'content-length': info.size });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	}

	const server: Server = createServer((req, res) => {
		handle(req, res).catch((e: unknown) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
			res.end(e instanceof Error ? e.message : String(e));
		});
	});
	await new Promise<void>((done) => server.listen(opts.port ?? 0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		stats,
		close: () =>
			new Promise((done) => {
				server.closeAllConnections();
				server.close(() => done());
			})
	};
}

/**
 * One `bytes=` range as [start, end] (inclusive) of a file of `size` bytes; null to send the whole
 * file (no valid range, or several: a server may ignore them); 'unsatisfiable' past the end.
 */
export function byteRange(header: string, size: number): [number, number] | null | 'unsatisfiable' {
	const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!m || (m[1] === '' && m[2] === '')) return null;
	if (m[1] === '') {
		const n = Number(m[2]);
		return n === 0 ? 'unsatisfiable' : [Math.max(0, size - n), size - 1];
	}
	const start = Number(m[1]);
	if (m[2] !== '' && Number(m[2]) < start) return null;
	if (start >= size) return 'unsatisfiable';
	return [start, m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)];
}
