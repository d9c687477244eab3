// CLI: validates self-evaluation exports (CSV in UTF-8, GBK or UTF-16, XLSX, Parquet; zh or en headers) with the browser's own import code.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { reportLines } from '../src/lib/ingest/pipeline';
import { importAnyFiles } from '../src/lib/ingest/sources';

const USAGE = `usage: npm run validate -- [--lang zh|en] <file.csv|.xlsx|.parquet> [more files…]
Prints the import report (read = accepted + rejected per file, every error and warning with its
line and column). Exit 0 when every row was accepted, 1 when some were rejected, 2 on usage.`;

const args = process.argv.slice(2);
let lang: 'zh' | 'en' = 'en';
const paths: string[] = [];
let usage = false;
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--lang' && (args[i + 1] === 'zh' || args[i + 1] === 'en'))
		lang = args[++i] as 'zh' | 'en';
	else if (args[i].startsWith('-')) usage = true;
	else paths.push(args[i]);
}
if (usage || paths.length === 0) {
	console.error(USAGE);
	process.exitCode = 2;
} else {
	const result = await importAnyFiles(
		paths.map((p) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) }))
	);
	// One write, and no process.exit(): the process ends once stdout has drained, so a pipe
	// (validate … | head, | tee) receives every line.
	process.stdout.write(reportLines(result, lang).join('\n') + '\n');
	process.exitCode = result.report.ok ? 0 : 1;
}
