// Writes .br and .gz beside every compressible file of the built site, so static servers can send them.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'build';
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|wasm|arrow|csv|txt|xml|map)$/;
/** Brotli 11 on the 34 MB DuckDB wasm takes ~100 s for 12% fewer bytes than 9; files over 1 MB get 9. */
const BIG = 1024 * 1024;

function* files(d: string): Generator<string> {
	for (const name of readdirSync(d)) {
		const p = join(d, name);
		if (statSync(p).isDirectory()) yield* files(p);
		else if (COMPRESSIBLE.test(name)) yield p;
	}
}

const started = performance.now();
let raw = 0;
let br = 0;
let n = 0;
for (const p of files(dir)) {
	const bytes = readFileSync(p);
	if (bytes.length < 512) continue;
	const quality = bytes.length > BIG ? 9 : 11;
	const b = brotliCompressSync(bytes, {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: quality,
			[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
		}
	});
	writeFileSync(`${p}.br`, b);
	writeFileSync(`${p}.gz`, gzipSync(bytes, { level: 9 }));
	raw += bytes.length;
	br += b.length;
	n++;
}
const mb = (x: number) => (x / 1024 / 1024).toFixed(1);
console.log(
	`precompress: ${n} files, ${mb(raw)} MB → ${mb(br)} MB brotli in ${((performance.now() - started) / 1000).toFixed(1)} s`
);
