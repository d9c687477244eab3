// SvelteKit config: every page prerendered into a static site; BASE_PATH publishes it under a sub-path.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const base = process.env.BASE_PATH ?? '';

/**
 * adapter-static, then without the unit pages' `__data.json` (53 KB a unit, 213 MB at 4,000 units).
 * SvelteKit writes one beside every prerendered page with a server load, for client-side moves; a
 * unit's page is always loaded whole instead (src/lib/views/whole-load.ts), so nothing reads them.
 * @param {Parameters<typeof adapter>[0] & { pages: string }} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function staticSite(options) {
	const inner = adapter(options);
	return {
		...inner,
		async adapt(builder) {
			await inner.adapt(builder);
			const units = join(options.pages, 'units');
			const dirs = existsSync(units) ? readdirSync(units, { withFileTypes: true }) : [];
			let removed = 0;
			for (const d of dirs) {
				const file = join(units, d.name, '__data.json');
				if (!d.isDirectory() || !existsSync(file)) continue;
				rmSync(file);
				removed += 1;
			}
			builder.log(`Removed ${removed} unit pages' __data.json (unit pages load whole)`);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: staticSite({
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
