// Benchmark runner (`npm run bench`): each benchmark is a file of scripts/bench/; BENCH_ONLY=<name> runs one.
// Prints medians over several runs; it never fails on a number. Run `npm run build` first
// (not for `--units N`, the scale benchmark alone: it generates and builds a site of its own).
import { benchAudit } from './bench/audit';
import { benchDocuments } from './bench/documents';
import { benchFormats } from './bench/formats';
import { benchForms } from './bench/forms';
import { benchImport } from './bench/import';
import { benchLarge } from './bench/large';
import { benchOptions, type BenchOptions } from './bench/lib';
import { benchScale } from './bench/scale';
import { benchSearch } from './bench/search';
import { benchSite } from './bench/site';
import { benchViews } from './bench/views';

/** In the order they run; `large` only with --large (or BENCH_ONLY=large). */
const BENCHES: Record<string, (opts: BenchOptions) => Promise<void>> = {
	site: benchSite,
	views: () => benchViews(),
	forms: () => benchForms(),
	search: benchSearch,
	import: benchImport,
	documents: benchDocuments,
	formats: () => benchFormats('build/data', 'bundled data'),
	audit: (opts) => benchAudit('build/data', 'bundled data', opts),
	large: benchLarge
};

let opts: BenchOptions;
try {
	opts = benchOptions(process.argv.slice(2));
} catch (e) {
	console.error(e instanceof Error ? e.message : String(e));
	process.exit(2);
}
if (opts.scale) {
	await benchScale(opts);
	process.exit(0);
}
const only = process.env.BENCH_ONLY;
if (only && !(only in BENCHES)) {
	console.error(`BENCH_ONLY=${only}: not a benchmark (${Object.keys(BENCHES).join(', ')})`);
	process.exit(2);
}
for (const [name, bench] of Object.entries(BENCHES))
	if (only ? name === only : name !== 'large' || opts.large) await bench(opts);
// A reader's worker (pdf.js) may keep the process alive after a single benchmark.
if (only) process.exit(0);
