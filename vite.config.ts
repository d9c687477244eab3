// Vite config: SvelteKit plugin, and Vitest for the unit tests (browser tests have their own config).
import { sveltekit } from '@sveltejs/kit/vite';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: { chunkSizeWarningLimit: 1200 },
	// ES workers split their dynamic imports into chunks of their own: the import worker loads the
	// document readers only when a document is dropped (an iife worker would inline them all).
	worker: { format: 'es' },
	test: {
		// test/<folder>/ mirrors src/lib/<folder>/ (test/scripts/ the command-line tools).
		include: ['test/**/*.test.ts'],
		exclude: [...configDefaults.exclude, 'test/browser/**'],
		// Builds the bundled dataset once per run; files open it (test/helpers/built.ts).
		globalSetup: ['test/helpers/global-setup.ts'],
		environment: 'node',
		// Two files at a time: by default Vitest ran one at a time on this 2-core machine (CI: 253 s,
		// the tests' own times summing to 190 s); two took 193 s, most of a file being DuckDB's
		// threads, file reads and imports.
		maxWorkers: 2,
		testTimeout: 60_000
	}
});
