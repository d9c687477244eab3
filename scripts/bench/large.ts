// Benchmark: the data build, format and audit on a large synthetic dataset (2,000 units), with --large.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAudit } from './audit';
import { benchFormats } from './formats';
import { ms, type BenchOptions } from './lib';

/** A 2,000-unit synthetic dataset: generate, build, then the format and audit benchmarks on it. */
export async function benchLarge(opts: BenchOptions) {
	const { generateDemo, headerOf } = await import('../../src/lib/demo/generate');
	const { toCsv } = await import('../../src/lib/export/csv');
	const { buildData } = await import('../../src/lib/build/build-data');
	const { mkdirSync, writeFileSync } = await import('node:fs');
	const tmp = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
	try {
		const t0 = performance.now();
		const demo = generateDemo({ units: 2000 });
		mkdirSync(join(tmp, 'demo'));
		for (const [name, rows] of Object.entries(demo.tables)) {
			const header = headerOf(name as keyof typeof demo.tables);
			writeFileSync(
				join(tmp, 'demo', `${name}.csv`),
				toCsv(
					header,
					rows.map((r) => header.map((h) => r[h]))
				)
			);
		}
		const t1 = performance.now();
		await buildData({ dataDirs: [join(tmp, 'demo')], outDir: join(tmp, 'out') });
		const t2 = performance.now();
		console.log(
			`\nLarge dataset: 2,000 units, ${demo.tables.indicators.length.toLocaleString('en-US')} indicator rows — generate ${ms(t1 - t0)}, build-data ${ms(t2 - t1)}`
		);
		await benchFormats(join(tmp, 'out'), '2,000 units');
		await benchAudit(join(tmp, 'out'), '2,000 units', opts);
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}
