// Vitest config for the browser tests: they drive the built site in headless Chromium, two files at a time.
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files first (their times in CI, 2026-12-02: scale 337 s, import-catalogue 231 s, export
 * 203 s, views 202 s …), so that no long file starts last and runs alone (import-catalogue did, for
 * ~2 minutes, in Vitest's own order on a clean clone, by file size). Measured in CI: no faster yet
 * (1,237 s against 1,231 s), as the two longest then run side by side and each slows.
 */
const LONGEST_FIRST = [
	'scale',
	'import-catalogue',
	'export',
	'views',
	'unit-page',
	'import',
	'audit',
	'documents',
	'local-data',
	'regions'
];

class LongestFirst extends BaseSequencer {
	async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const rank = (f: TestSpecification) => {
			const i = LONGEST_FIRST.indexOf(basename(f.moduleId, '.test.ts'));
			return i < 0 ? LONGEST_FIRST.length : i;
		};
		return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
	}
}

export default defineConfig({
	// Tests read the site's own definitions (a view's needs), which import through $lib as the site does.
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['test/browser/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// Each file starts its own server and Chromium. Most of a browser test is waiting (page loads,
		// DuckDB-WASM starting, workers), so two files at a time use both cores; the responsiveness
		// checks (import, import-limits) passed with two files running on a machine loaded past 8.
		// Four at a time loaded this 2-core machine past 13, doubled each file's time and failed a
		// test that passes alone (2026-12-02): two it stays.
		fileParallelism: true,
		maxWorkers: 2,
		sequence: { sequencer: LongestFirst }
	}
});
