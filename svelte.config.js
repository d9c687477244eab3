// SvelteKit config: every page prerendered into a static site; BASE_PATH publishes it under a sub-path.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const base = process.env.BASE_PATH ?? '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: undefined,
			precompress: false,
			strict: true
		}),
		paths: { base, relative: true },
		prerender: {
			// Pages render while DuckDB answers others' queries: at 4,000 units, 4,161 pages took 9 min 41 s
			// with 4 at a time against 13 min 11 s one at a time (that one partly beside a browser test).
			concurrency: 4,
			handleHttpError: 'fail',
			/**
			 * A unit's page holds its latest year's forms: a link to a form of another year
			 * (`/units/<id>/?year=2019#<eval_id>`) finds its id once the browser has read that year.
			 * Every other missing id fails the build, the year anchors (`#year-2019`) included.
			 */
			handleMissingId: ({ path, id, message }) => {
				if (/\/units\/[^/]+\/$/.test(path) && !/^year-\d+$/.test(id)) return;
				throw new Error(message);
			}
		}
	}
};

export default config;
