// The search index the page searches: the published one built with the data (no DuckDB), or one built in this browser from imported tables.
import type { ArrowQueryConnector } from '$lib/db/connector';
import type { Manifest } from '$lib/db/manifest';
import { gunzip } from '$lib/db/part-loader';
import { searchSource } from '$lib/queries/search';
import { buildIndex, SearchIndex, type SerializedIndex } from '$lib/search/index';

/** Fetches the published index (`search-index.json.gz`, named with its hash in manifest.json) and inflates it. */
export async function fetchIndex(dataUrl: string): Promise<SearchIndex> {
	const t0 = performance.now();
	const m = await fetch(`${dataUrl}/manifest.json`).then((r) => {
		if (!r.ok) throw new Error(`manifest.json: HTTP ${r.status}`);
		return r.json() as Promise<Manifest>;
	});
	const r = await fetch(`${dataUrl}/${m.search.path}?v=${m.search.sha256.slice(0, 12)}`);
	if (!r.ok) throw new Error(`${m.search.path}: HTTP ${r.status}`);
	const json = new TextDecoder().decode(await gunzip(new Uint8Array(await r.arrayBuffer())));
	const index = new SearchIndex(JSON.parse(json) as SerializedIndex);
	performance.measure('jixiao:search:load', { start: t0, end: performance.now() });
	return index;
}

/** Builds the index of the data loaded in DuckDB-WASM (imported data), with the build's own code. */
export async function indexOf(db: ArrowQueryConnector): Promise<SearchIndex> {
	const t0 = performance.now();
	const index = new SearchIndex(buildIndex(await searchSource(db)));
	performance.measure('jixiao:search:build', { start: t0, end: performance.now() });
	return index;
}
