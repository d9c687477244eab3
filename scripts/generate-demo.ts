// CLI: writes the synthetic demo dataset (CSV per table, and the audit's answer key audit-key/planted.csv) from a seed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO, generateDemo, headerOf } from '../src/lib/demo/generate';
import { toCsv } from '../src/lib/export/csv';
import { runIfMain, type CliIo } from './lib/cli';

/** Writes the demo for `--seed`, `--units` into `--out`; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
	const { values } = parseArgs({
		args: [...argv],
		options: {
			seed: { type: 'string', default: String(DEFAULT_DEMO.seed) },
			units: { type: 'string', default: String(DEFAULT_DEMO.units) },
			out: { type: 'string', default: 'data/demo' }
		}
	});

	const started = performance.now();
	const demo = generateDemo({ seed: Number(values.seed), units: Number(values.units) });
	mkdirSync(values.out, { recursive: true });
	for (const [name, rows] of Object.entries(demo.tables) as [
		keyof typeof demo.tables,
		(typeof demo.tables)['units']
	][]) {
		const header = headerOf(name);
		writeFileSync(
			join(values.out, `${name}.csv`),
			toCsv(
				header,
				rows.map((r) => header.map((h) => r[h]))
			)
		);
		io.out(`${name.padEnd(12)} ${String(rows.length).padStart(8)} rows\n`);
	}
	// The answer key sits in a subfolder, so tools that read every file of a data folder skip it.
	const plantedHeader = ['kind', 'unit_id', 'eval_id', 'seq'] as const;
	mkdirSync(join(values.out, 'audit-key'), { recursive: true });
	writeFileSync(
		join(values.out, 'audit-key', 'planted.csv'),
		toCsv(
			plantedHeader,
			demo.planted.map((p) => plantedHeader.map((h) => p[h]))
		)
	);
	io.out(
		`planted      ${String(demo.planted.length).padStart(8)} inconsistencies (audit-key/planted.csv)\n`
	);
	io.out(
		`wrote ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${values.seed})\n`
	);
	return 0;
}

await runIfMain(import.meta.url, main);
