// CLI: validates data folders and writes the site's data (Arrow for the browser, Parquet/CSV downloads, manifest).
import { parseArgs } from 'node:util';
import { buildData } from '../src/lib/build/build-data';
import { formatIssue } from '../src/lib/schema';
import { runIfMain, type CliIo } from './lib/cli';

/** Builds the folders named in `argv` (else JIXIAO_DATA, else the bundled data); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
	const { values, positionals } = parseArgs({
		args: [...argv],
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
	io.out(`build-data: ${dataDirs.join(' + ')} → ${values.out}\n`);
	const { report, manifest } = await buildData({
		dataDirs,
		outDir: values.out,
		log: (l) => io.out(l + '\n')
	});
	if (!report.ok) {
		io.err(`\n${report.issues.length} problem(s); nothing was written:\n`);
		for (const i of report.issues) io.err(`  ${formatIssue(i)}\n`);
		return 1;
	}
	for (const [name, t] of Object.entries(manifest!.tables))
		io.out(
			`  ${name.padEnd(18)} ${String(t.rows).padStart(8)} rows  parquet ${kb(t.parquet.bytes)}  csv ${kb(t.csv.bytes)}\n`
		);
	io.out(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
	return 0;
}

function kb(n: number): string {
	return `${(n / 1024).toFixed(0).padStart(6)} KB`;
}

await runIfMain(import.meta.url, main);
