// CLI: validates self-evaluation exports (CSV in UTF-8 or GBK, XLSX, Parquet; zh or en headers) with the browser's own import code.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { reportLines } from '../src/lib/ingest/pipeline';
import { importAnyFiles } from '../src/lib/ingest/sources';

const paths = process.argv.slice(2);
if (paths.length === 0) {
	console.error('usage: npm run validate -- <file.csv|.xlsx|.parquet> [more files…]');
	process.exit(2);
}
const result = await importAnyFiles(
	paths.map((p) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) }))
);
for (const line of reportLines(result)) console.log(line);
console.log(
	result.report.ok ? 'OK: every row accepted' : `FAILED: ${result.report.issues.length} error(s)`
);
process.exit(result.report.ok ? 0 : 1);
