// The search index the page searches: the published one built with the data (its base fetched, its parts as queries need them; no DuckDB), or one built in this browser from imported tables.
import type { ArrowQueryConnector } from '$lib/db/connector';
import type { Manifest } from '$lib/db/manifest';
import { gunzip } from '$lib/db/part-loader';
import { searchSource } from '$lib/queries/search';
import { buildIndex } from '$lib/search/build';
import { partPath, type IndexBase } from '$lib/search/format';
import { SearchIndex } from '$lib/search/index';

/** Fetches a gzipped JSON file of the data folder (cache-keyed by its hash) and parses it. */
async function fetchJson<T>(url: string): Promise<T> {
	const r = await fetch(url);
	if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
	return JSON.parse(
		new TextDecoder().decode(await gunzip(new Uint8Array(await r.arrayBuffer())))
	) as T;
}

/** Fetches the published index's base (named with its hash in manifest.json); its parts are fetched when a query needs them. */
export async function fetchIndex(dataUrl: string): Promise<SearchIndex> {
	const t0 = performance.now();
	const m = await fetch(`${dataUrl}/manifest.json`).then((r) => {
		if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`);
		return r.json() as Promise<Manifest>;
	});
	const base = await fetchJson<IndexBase>(
		`${dataUrl}/${m.search.path}?v=${m.search.sha256.slice(0, 12)}`
	);
	const index = new SearchIndex(base, (name) => {
		const hash = base.files[name];
		if (hash === undefined) return Promise.reject(new Error(`search index: no part ${name}`));
		return fetchJson(`${dataUrl}/${partPath(name)}?v=${hash}`);
	});
	performance.measure('jixiao:search:load', { start: t0, end: performance.now() });
	return index;
}

/** Builds the index of the data loaded in DuckDB-WASM (imported data), with the build's own code. */
export async function indexOf(db: ArrowQueryConnector): Promise<SearchIndex> {
	const t0 = performance.now();
	const index = SearchIndex.of(buildIndex(await searchSource(db)));
	performance.measure('jixiao:search:build', { start: t0, end: performance.now() });
	return index;
}
