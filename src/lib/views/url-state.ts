// Filters kept in the URL's query string: read in the browser only (prerendered pages have no query).

/** Reads a whole number from a query parameter, or null. */
export function intParam(params: URLSearchParams | null, name: string): number | null {
	const v = params?.get(name);
	if (v === null || v === undefined || v === '') return null;
	const n = Number(v);
	return Number.isFinite(n) ? n : null;
}

export function textParam(params: URLSearchParams | null, name: string): string | null {
	const v = params?.get(name);
	return v === null || v === undefined || v === '' ? null : v;
}

/** A query string from values; empty values are left out so URLs stay short. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
	const p = new URLSearchParams();
	for (const [k, v] of Object.entries(values))
		if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
	const s = p.toString();
	return s ? `?${s}` : '?';
}
