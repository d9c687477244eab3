// Vite config: SvelteKit plugin, and Vitest for the unit tests (browser tests have their own config).
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: { chunkSizeWarningLimit: 1200 },
	// ES workers split their dynamic imports into chunks of their own: the import worker loads the
	// document readers only when a document is dropped (an iife worker would inline them all).
	worker: { format: 'es' },
	test: {
		include: ['test/unit/**/*.test.ts', 'test/i18n/**/*.test.ts', 'test/views/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000
	}
});
