// Profiles the import pipeline in Node on the benchmark's ~17 MB of CSV (run with node --cpu-prof); prints stage timings.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDemo, headerOf } from '../src/lib/demo/generate';
import { toCsv } from '../src/lib/export/csv';
import { importFiles, type InputFile } from '../src/lib/ingest/pipeline';

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
