// CLI: validates data folders and writes the site's data (Arrow for the browser, Parquet/CSV downloads, manifest).
import { parseArgs } from 'node:util';
import { buildData } from '../src/lib/build/build-data';
import { formatIssue } from '../src/lib/schema';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { out: { type: 'string', default: 'static/data' } }
});
// Folders: the arguments, else JIXIAO_DATA (comma-separated), else the bundled sample + demo data.
const fromEnv = process.env.JIXIAO_DATA?.split(',').filter(Boolean) ?? [];
const dataDirs =
	positionals.length > 0
		? positionals
		: fromEnv.length > 0
			? fromEnv
			: ['data/sample', 'data/demo'];

const started = performance.now();
console.log(`build-data: ${dataDirs.join(' + ')} → ${values.out}`);
const { report, manifest } = await buildData({
	dataDirs,
	outDir: values.out,
	log: (l) => console.log(l)
});
if (!report.ok) {
	console.error(`\n${report.issues.length} problem(s); nothing was written:`);
	for (const i of report.issues) console.error(`  ${formatIssue(i)}`);
	// exitCode rather than exit(): stderr drains before the process ends.
	process.exitCode = 1;
} else {
	for (const [name, t] of Object.entries(manifest!.tables))
		console.log(
			`  ${name.padEnd(18)} ${String(t.rows).padStart(8)} rows  arrow ${kb(t.arrow.bytes)}  parquet ${kb(t.parquet.bytes)}  csv ${kb(t.csv.bytes)}`
		);
	console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function kb(n: number): string {
	return `${(n / 1024).toFixed(0).padStart(6)} KB`;
}
