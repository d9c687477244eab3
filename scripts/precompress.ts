// `npm run precompress` (opt-in, for nginx gzip_static/brotli_static and Caddy precompressed): writes .br and .gz beside every compressible file.
import { availableParallelism } from 'node:os';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { COMPRESSIBLE } from './lib/static-server';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const dir = process.argv[2] ?? 'build';
/**
 * Brotli 11 costs ~10× the time of 9 (100 s on the 34 MB DuckDB wasm, ~0.1 s per page) for a few
 * percent fewer bytes: only the site's own JS and CSS under 1 MB, fetched by every visitor, get 11.
 */
const BIG = 1024 * 1024;
const quality = (path: string, size: number) => (/\.(js|css)$/.test(path) && size <= BIG ? 11 : 9);
/** zlib's async calls run on libuv's thread pool: one file per core at a time. */
const LANES = Math.max(1, availableParallelism());

async function files(d: string, out: string[] = []): Promise<string[]> {
	for (const name of await readdir(d)) {
		const p = join(d, name);
		if ((await stat(p)).isDirectory()) await files(p, out);
		else if (COMPRESSIBLE.test(name)) out.push(p);
	}
	return out;
}

const started = performance.now();
let raw = 0;
let br = 0;
let n = 0;

async function compress(p: string): Promise<void> {
	const bytes = await readFile(p);
	if (bytes.length < 512) return;
	const [b, g] = await Promise.all([
		brotli(bytes, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: quality(p, bytes.length),
				[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
			}
		}),
		gz(bytes, { level: 9 })
	]);
	await Promise.all([writeFile(`${p}.br`, b), writeFile(`${p}.gz`, g)]);
	raw += bytes.length;
	br += b.length;
	n++;
}

// Largest first, so the DuckDB wasm does not start last and run alone.
const all = await files(dir);
const sizes = new Map(await Promise.all(all.map(async (p) => [p, (await stat(p)).size] as const)));
const queue = all.sort((a, b) => sizes.get(b)! - sizes.get(a)!);
await Promise.all(
	Array.from({ length: LANES }, async () => {
		for (let p = queue.shift(); p !== undefined; p = queue.shift()) await compress(p);
	})
);
const mb = (x: number) => (x / 1024 / 1024).toFixed(1);
console.log(
	`precompress: ${n} files, ${mb(raw)} MB → ${mb(br)} MB brotli in ${((performance.now() - started) / 1000).toFixed(1)} s on ${LANES} threads`
);
