// CLI: validates self-evaluation exports (CSV in UTF-8, GBK or UTF-16, XLSX, Parquet; zh or en headers) with the browser's own import code.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnDefaults } from '../src/lib/ingest/pipeline';
import { importAnyFiles } from '../src/lib/ingest/sources';
import { runIfMain, type CliIo } from './lib/cli';
import { DEFAULT_USAGE, reportWithHints, takeDefault } from './lib/defaults';

const USAGE = `usage: npm run validate -- [--lang zh|en] ${DEFAULT_USAGE} <file.csv|.xlsx|.parquet> [more files…]
Prints the import report (read = accepted + rejected per file, every error and warning with its
line and column). Exit 0 when every row was accepted, 1 when some were rejected, 2 on usage.
--provenance gives every row of a units/evaluations file without that column the value (warned per
file); without it such a file is refused.`;

/** Validates the files named in `argv`; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
	let lang: 'zh' | 'en' = 'en';
	const paths: string[] = [];
	const defaults: ColumnDefaults = {};
	let usage = false;
	for (let i = 0; i < argv.length; i++) {
		const took = takeDefault(argv, i, defaults);
		if (took > 0) i += took - 1;
		else if (argv[i] === '--lang' && (argv[i + 1] === 'zh' || argv[i + 1] === 'en'))
			lang = argv[++i] as 'zh' | 'en';
		else if (argv[i].startsWith('-')) usage = true;
		else paths.push(argv[i]);
	}
	if (usage || paths.length === 0) {
		io.err(USAGE + '\n');
		return 2;
	}
	const result = await importAnyFiles(
		paths.map((p) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) })),
		{ defaults }
	);
	// One write: a pipe (validate … | head, | tee) receives every line.
	io.out(reportWithHints(result, lang).join('\n') + '\n');
	return result.report.ok ? 0 : 1;
}

await runIfMain(import.meta.url, main);
