// Vitest config for the browser tests: they drive the built site in headless Chromium, two files at a time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

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
		maxWorkers: 2
	}
});
