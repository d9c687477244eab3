// ESLint flat config: TypeScript and Svelte rules; prettier owns formatting.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import layers from './eslint/layer-rule.js';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Links are `${base}/path/` with a trailing slash, which static hosts serve as path/index.html;
			// resolve() drops the slash, and relative asset paths would then break on such hosts.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// The arrows between the layers (eslint/layers.js): src, scripts and tests; SQL only in queries/ and db/.
		files: ['src/**/*.{ts,js,svelte}', 'scripts/**/*.ts', 'test/**/*.ts'],
		plugins: { jixiao: layers },
		rules: { 'jixiao/layers': 'error', 'jixiao/sql-in-place': 'error' }
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/data/',
			'test-results/',
			'bench-results/',
			'.scratch/'
		]
	}
);
