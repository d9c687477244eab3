// CLI: validates self-evaluation exports (CSV in UTF-8, GBK or UTF-16, XLSX, Parquet; zh or en headers) with the browser's own import code.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnDefaults } from '../src/lib/ingest/pipeline';
import { importAnyFiles } from '../src/lib/ingest/sources';
import { DEFAULT_USAGE, reportWithHints, takeDefault } from './lib/defaults';

const USAGE = `usage: npm run validate -- [--lang zh|en] ${DEFAULT_USAGE} <file.csv|.xlsx|.parquet> [more files…]
Prints the import report (read = accepted + rejected per file, every error and warning with its
line and column). Exit 0 when every row was accepted, 1 when some were rejected, 2 on usage.
--provenance gives every row of a units/evaluations file without that column the value (warned per
file); without it such a file is refused.`;

const args = process.argv.slice(2);
let lang: 'zh' | 'en' = 'en';
const paths: string[] = [];
const defaults: ColumnDefaults = {};
let usage = false;
for (let i = 0; i < args.length; i++) {
	const took = takeDefault(args, i, defaults);
	if (took > 0) i += took - 1;
	else if (args[i] === '--lang' && (args[i + 1] === 'zh' || args[i + 1] === 'en'))
		lang = args[++i] as 'zh' | 'en';
	else if (args[i].startsWith('-')) usage = true;
	else paths.push(args[i]);
}
if (usage || paths.length === 0) {
	console.error(USAGE);
	process.exitCode = 2;
} else {
	const result = await importAnyFiles(
		paths.map((p) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) })),
		{ defaults }
	);
	// One write, and no process.exit(): the process ends once stdout has drained, so a pipe
	// (validate … | head, | tee) receives every line.
	process.stdout.write(reportWithHints(result, lang).join('\n') + '\n');
	process.exitCode = result.report.ok ? 0 : 1;
}
