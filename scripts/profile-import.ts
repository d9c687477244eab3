// Profiles the import pipeline in Node on the benchmark's ~17 MB of CSV (run with node --cpu-prof); prints stage timings.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDemo, headerOf } from '../src/lib/demo/generate';
import { toCsv } from '../src/lib/export/csv';
import { canonicalise } from '../src/lib/ingest/canonical';
import { parseCsv } from '../src/lib/ingest/csv';
import { decodeText } from '../src/lib/ingest/decode';
import { recogniseTable } from '../src/lib/ingest/headers';
import { importFiles, type InputFile } from '../src/lib/ingest/pipeline';
import { toBatches } from '../src/lib/ingest/batches';
import { METRICS, validateDataset } from '../src/lib/schema';

const { values } = parseArgs({
	options: {
		units: { type: 'string', default: '290' },
		out: { type: 'string' },
		in: { type: 'string' },
		runs: { type: 'string', default: '3' }
	}
});
const names = ['units', 'evaluations', 'indicators'] as const;
const files: InputFile[] = values.in
	? names.map((name) => ({
			name: `${name}.csv`,
			bytes: new Uint8Array(readFileSync(`${values.in}/${name}.csv`))
		}))
	: generated();
function generated(): InputFile[] {
	const demo = generateDemo({ units: Number(values.units) });
	return names.map((name) => {
		const header = headerOf(name);
		const text = toCsv(
			header,
			demo.tables[name].map((r) => header.map((h) => r[h]))
		);
		if (values.out) writeFileSync(`${values.out}/${name}.csv`, text);
		return { name: `${name}.csv`, bytes: new TextEncoder().encode(text) };
	});
}
const bytes = files.reduce((s, f) => s + f.bytes.length, 0);
for (let i = 0; i < Number(values.runs); i++) {
	const t0 = performance.now();
	const r = importFiles(files);
	const s = (performance.now() - t0) / 1000;
	const rows = [...r.rows.values()].reduce((n, l) => n + l.length, 0);
	console.log(
		`run ${i + 1}: ${(bytes / 1048576).toFixed(1)} MB, ${rows} rows accepted, ${r.report.issues.length} issues, ${r.warnings.length} warnings in ${s.toFixed(2)} s = ${(bytes / 1048576 / s).toFixed(1)} MB/s`
	);
}

/** The same stages one by one (as importSources runs them), timed apart: where the time goes. */
const stages: Record<string, number> = {};
const time = <T>(name: string, fn: () => T): T => {
	const t0 = performance.now();
	const out = fn();
	stages[name] = (stages[name] ?? 0) + performance.now() - t0;
	return out;
};
const tables = files.map((f) => {
	const d = time('decode (TextDecoder)', () => decodeText(f.bytes));
	if (!d.ok) throw new Error(d.error.en);
	const csv = time('parse (parseCsv: PapaParse + line numbers)', () => parseCsv(d.text, f.name));
	const mapping = time('recognise headers', () => recogniseTable(csv.header, f.name));
	const c = time('canonicalise (normalise values)', () => canonicalise(csv, mapping));
	return { table: mapping.table, csv: c.csv };
});
const v = time('validate (validateDataset)', () =>
	validateDataset(tables, { metric_dictionary: { key: new Set(METRICS.map((m) => m.key)) } })
);
const rows = new Map(tables.map((t) => [t.table.name, v.rows.get(t.csv) ?? []]));
time('Arrow batches (toBatches, the worker after the check)', () => toBatches(rows));
const all = Object.values(stages).reduce((a, b) => a + b, 0);
console.log(`\nStages, one run (${(bytes / 1048576).toFixed(1)} MB):`);
for (const [k, ms] of Object.entries(stages))
	console.log(
		`  ${k.padEnd(55)} ${ms.toFixed(0).padStart(6)} ms  ${((100 * ms) / all).toFixed(0).padStart(3)}%`
	);
