// CLI: audits a batch of self-evaluation exports (folders or files: CSV in UTF-8/GBK, XLSX, Parquet) and prints every flag as CSV.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { flagRows, FLAG_HEADER } from '../src/lib/audit/export';
import { createDataset } from '../src/lib/db/load';
import { NodeConnector } from '../src/lib/db/node';
import { toCsv } from '../src/lib/export/csv';
import { loadDataset } from '../src/lib/dataset/load';
import { toBatches } from '../src/lib/ingest/batches';
import type { ColumnDefaults } from '../src/lib/ingest/pipeline';
import { importAnyFiles } from '../src/lib/ingest/sources';
import { flagList } from '../src/lib/queries/audit';
import { run } from '../src/lib/queries/query';
import { DEFAULT_USAGE, reportWithHints, takeDefault } from './lib/defaults';

const USAGE = `usage: npm run audit -- [--lang zh|en] ${DEFAULT_USAGE} <data folder or file> [more…]
Prints every audit flag as CSV on stdout (rule, severity, unit_id, year, eval_id, seq, indicator,
message, numbers); the import report and a summary go to stderr.
Exit 0 when every input row was read, 1 when some were rejected (the rest is still audited), 2 on usage.
--provenance gives every row of a units/evaluations file without that column the value (warned per
file); without it such a file is refused.`;

/** Runs the audit; returns the exit code. No process.exit(): stdout must drain into a pipe first. */
async function main(): Promise<number> {
	const args = process.argv.slice(2);
	let lang: 'zh' | 'en' = 'zh';
	const paths: string[] = [];
	const defaults: ColumnDefaults = {};
	for (let i = 0; i < args.length; i++) {
		const took = takeDefault(args, i, defaults);
		if (took > 0) i += took - 1;
		else if (args[i] === '--lang' && (args[i + 1] === 'zh' || args[i + 1] === 'en'))
			lang = args[++i] as 'zh' | 'en';
		else if (args[i].startsWith('-')) {
			console.error(USAGE);
			return 2;
		} else paths.push(args[i]);
	}
	if (paths.length === 0) {
		console.error(USAGE);
		return 2;
	}

	const DATA_FILE = /\.(csv|tsv|xlsx|parquet)$/i;
	for (const p of paths)
		if (!existsSync(p)) {
			console.error(`no such file or folder: ${p}`);
			return 2;
		}
	const files = paths.flatMap((p) =>
		statSync(p).isDirectory()
			? readdirSync(p)
					.filter((f) => DATA_FILE.test(f))
					.sort()
					.map((f) => join(p, f))
			: [p]
	);
	const result = await importAnyFiles(
		files.map((p) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) })),
		{ defaults }
	);
	process.stderr.write(reportWithHints(result, lang).join('\n') + '\n');

	const db = await NodeConnector.open();
	try {
		await createDataset(db);
		const load = await loadDataset(db, toBatches(result.rows), 'replace');
		const flags = await run(db, flagList());
		process.stdout.write(toCsv(FLAG_HEADER, flagRows(flags, lang)));
		const by = (s: string) => flags.filter((f) => f.severity === s).length;
		console.error(
			`audited ${load.audit.forms} forms: ${flags.length} flags (${by('error')} error, ${by('warning')} warning, ${by('info')} info) in ${Math.round(load.audit.ms)} ms`
		);
	} finally {
		await db.close();
	}
	return result.report.ok ? 0 : 1;
}

process.exitCode = await main();
