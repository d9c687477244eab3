// The layers of the code and the imports each may make: the data the `jixiao/layers` lint rule enforces.

/**
 * @typedef {object} Layer
 * @property {string[]} may folders it may import at runtime (it may always import itself)
 * @property {string[]} [types] folders it may additionally reach with `import type`
 * @property {string[]} [server] folders its `*.server.ts` files may additionally import (routes only)
 * @property {boolean} [node] Node-only: no browser-reachable module may import it
 */

/** The folders that read, check, load, query and audit data: views and the build both use them all. */
const DATA_WORK = [
	'schema',
	'i18n',
	'normalize',
	'format',
	'audit',
	'db',
	'queries',
	'export',
	'ingest',
	'documents',
	'dataset',
	'search'
];

/** Every folder of src/lib, and src/routes, with the folders it may import. */
/** @type {Record<string, Layer>} */
export const LAYERS = {
	schema: { may: [] },
	i18n: { may: ['schema'] },
	normalize: { may: ['schema'] },
	format: { may: ['schema', 'i18n'] },
	// The search index: Chinese words (Intl.Segmenter) and bigrams, exact-substring matches, over the schema's rows; no SQL, no DuckDB.
	search: { may: ['schema', 'normalize'] },
	// Pure rules: no SQL, no DuckDB.
	audit: { may: ['schema', 'normalize'] },
	// The Connector, the two engines, DDL and load statements, the Arrow and manifest code both runtimes share.
	db: { may: ['schema'] },
	// Every question asked in SQL: one function per question, typed rows.
	queries: { may: ['schema', 'normalize', 'db', 'audit'] },
	export: { may: ['schema', 'format', 'i18n', 'normalize', 'db', 'queries'] },
	// Pure option builders that take the language as a parameter.
	charts: { may: ['schema', 'format', 'i18n'], types: ['queries'] },
	// Table import: files → checked rows → Arrow batches.
	ingest: { may: ['schema', 'normalize', 'db', 'export'] },
	// Document readers → grid → recogniser → rows, through the table import's checks.
	documents: { may: ['schema', 'normalize', 'ingest'] },
	// Dataset-level orchestration: load a dataset and audit it; the import worker running both importers.
	dataset: {
		may: ['schema', 'normalize', 'audit', 'db', 'queries', 'export', 'ingest', 'documents']
	},
	// The synthetic demo data (scripts and tests generate it).
	demo: { may: ['schema', 'normalize', 'export'] },
	// Widgets: no SQL, no DuckDB, no database state.
	// (documents: the review widgets show a document's reading and its source references.)
	// (search: the unit picker matches names with the search's folding.)
	components: {
		may: ['schema', 'i18n', 'format', 'charts', 'export', 'audit', 'documents', 'search'],
		types: ['queries', 'db']
	},
	// Per-page state, loaders and page bodies.
	views: { may: [...DATA_WORK, 'charts', 'components'] },
	routes: { may: ['views', 'components', 'schema', 'i18n', 'format'], server: ['server'] },
	// Node only: the data build, and the prerender's database.
	build: { node: true, may: [...DATA_WORK, 'demo'] },
	server: {
		node: true,
		may: ['schema', 'i18n', 'normalize', 'format', 'audit', 'db', 'queries', 'export']
	}
};

/** Single modules that run only in Node, inside folders the browser also uses (path from the repo root). */
export const NODE_MODULES = ['src/lib/db/node.ts'];

/** Packages only Node-only modules may import (besides Node's built-ins). */
export const NODE_PACKAGES = ['@duckdb/node-api'];

/**
 * A cycle among the layers (runtime and type arrows together), as a list of folders, or null.
 * The lint rule refuses to load a table with one, so folders can never import each other in a ring.
 * @param {Record<string, Layer>} layers
 * @returns {string[] | null}
 */
export function findCycle(layers) {
	/** @type {Map<string, 'open' | 'done'>} */
	const state = new Map();
	/** @type {string[]} */
	const path = [];
	/** @param {string} name @returns {string[] | null} */
	const visit = (name) => {
		if (state.get(name) === 'done') return null;
		if (state.get(name) === 'open') return [...path.slice(path.indexOf(name)), name];
		state.set(name, 'open');
		path.push(name);
		const l = layers[name];
		for (const next of l ? [...l.may, ...(l.types ?? []), ...(l.server ?? [])] : []) {
			const found = visit(next);
			if (found) return found;
		}
		path.pop();
		state.set(name, 'done');
		return null;
	};
	for (const name of Object.keys(layers)) {
		const found = visit(name);
		if (found) return found;
	}
	return null;
}

/**
 * Folders named in an arrow but missing from the table.
 * @param {Record<string, Layer>} layers
 * @returns {string[]}
 */
export function unknownTargets(layers) {
	const all = Object.values(layers).flatMap((l) => [
		...l.may,
		...(l.types ?? []),
		...(l.server ?? [])
	]);
	return [...new Set(all.filter((n) => !(n in layers)))];
}
