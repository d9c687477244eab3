// Vitest config for the browser tests: they drive the built site in headless Chromium, one file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/browser/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120_000,
		hookTimeout: 120_000,
		fileParallelism: false
	}
});
