// Benchmark: the data format for the browser — gzipped Arrow partitions (what the site loads) against Parquet decoded in JavaScript, per table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Manifest } from '../../src/lib/db/manifest';
import { unpackStreams } from '../../src/lib/db/parts';
import { kb, median, ms, timeMedian } from './lib';

/** Per table: its year partitions (gzip of Arrow, inflated and decoded) against its Parquet download (hyparquet). */
export async function benchFormats(dir: string, label: string) {
	console.log(`\nData format for the browser — ${label} (decode medians of 5 in Node)`);
	console.log(
		`  ${'table'.padEnd(16)} ${'rows'.padStart(8)}  ${'parts gz'.padStart(12)} ${'parquet'.padStart(12)} ${'parts decode'.padStart(12)} ${'parquet decode'.padStart(15)}`
	);
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	for (const [name, t] of Object.entries(manifest.tables)) {
		const files = manifest.parts.years.flatMap((y) => {
			const f = y.tables[name as keyof typeof y.tables];
			return f ? [readFileSync(join(dir, f.path))] : [];
		});
		if (files.length === 0) continue;
		const gz = files.reduce((n, f) => n + f.length, 0);
		const parquet = readFileSync(join(dir, t.parquet.path));
		const ab = parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength);
		const partsMs = timeMedian(() =>
			files.reduce(
				(n, f) =>
					n +
					unpackStreams(new Uint8Array(gunzipSync(f))).reduce(
						(m, s) => m + tableFromIPC(s.bytes).numRows,
						0
					),
				0
			)
		);
		const xs: number[] = [];
		for (let i = 0; i < 5; i++) {
			const t0 = performance.now();
			await parquetReadObjects({ file: ab, compressors });
			xs.push(performance.now() - t0);
		}
		console.log(
			`  ${name.padEnd(16)} ${String(t.rows).padStart(8)}  ${kb(gz)} ${kb(parquet.length)} ${ms(partsMs)} ${ms(median(xs)).padStart(15)}`
		);
	}
}
