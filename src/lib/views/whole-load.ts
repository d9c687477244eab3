// Which moves load a unit's page whole: unit pages are published without SvelteKit's __data.json, so none can be rendered by a client-side move.

/**
 * The unit of a published unit's page (`<base>/units/<id>/`), or null for any other path: the list
 * of units (`<base>/units/`) and the imported-data page (`<base>/imported/unit/`) are not one.
 */
export function unitPageId(pathname: string, base: string): string | null {
	if (!pathname.startsWith(`${base}/units/`)) return null;
	// Without its trailing slash too: SvelteKit routes `/units/<id>` to the same page.
	const m = /^([^/]+)\/?$/.exec(pathname.slice(base.length + '/units/'.length));
	if (!m) return null;
	try {
		return decodeURIComponent(m[1]);
	} catch {
		return m[1];
	}
}

/**
 * Whether a move from `from` to `to` enters a unit's page, which the browser must then load whole.
 * A move within the same page (its `?year=`, a hash) stays in the page.
 */
export function loadsWhole(from: URL, to: URL, base: string): boolean {
	if (to.origin !== from.origin || to.pathname === from.pathname) return false;
	return unitPageId(to.pathname, base) !== null;
}

/**
 * A unit on the imported-data page, which reads it from the tab's database: its id first, then the
 * query given (year, language) and the hash. Every link to that page is built here.
 */
export function importedUnitPath(
	id: string,
	base: string,
	query: Iterable<[string, string]> = [],
	hash = ''
): string {
	const q = new URLSearchParams([['id', id], ...query]);
	return `${base}/imported/unit/?${q}${hash}`;
}

/** The same unit as the published unit page `to`, on the imported-data page: `to`'s query and hash kept. */
export function importedUnitUrl(to: URL, id: string, base: string): string {
	return importedUnitPath(id, base, to.searchParams, to.hash);
}
