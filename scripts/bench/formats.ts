// Benchmark: the data format for the browser — Arrow IPC (what the site loads) against Parquet decoded in JavaScript, per table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { kb, median, ms, timeMedian } from './lib';

/** Arrow IPC (what the site loads) against Parquet decoded in JavaScript (hyparquet), per table. */
export async function benchFormats(dir: string, label: string) {
	console.log(`\nData format for the browser — ${label} (decode medians of 5 in Node)`);
	console.log(
		`  ${'table'.padEnd(12)} ${'rows'.padStart(8)}  ${'arrow br'.padStart(12)} ${'parquet'.padStart(12)} ${'arrow decode'.padStart(12)} ${'parquet decode'.padStart(15)}`
	);
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
		tables: Record<string, { rows: number; arrow: { path: string }; parquet: { path: string } }>;
	};
	for (const [name, t] of Object.entries(manifest.tables)) {
		const arrow = readFileSync(join(dir, t.arrow.path));
		const parquet = readFileSync(join(dir, t.parquet.path));
		const br = brotliCompressSync(arrow, {
			params: { [constants.BROTLI_PARAM_QUALITY]: arrow.length > 1 << 20 ? 9 : 11 }
		}).length;
		const ab = parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength);
		const arrowMs = timeMedian(() => tableFromIPC(arrow).numRows);
		const xs: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t0 = performance.now();
			await parquetReadObjects({ file: ab, compressors });
			xs.push(performance.now() - t0);
		}
		console.log(
			`  ${name.padEnd(12)} ${String(t.rows).padStart(8)}  ${kb(br)} ${kb(parquet.length)} ${ms(arrowMs)} ${ms(median(xs)).padStart(15)}`
		);
	}
}
