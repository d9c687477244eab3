// A page's filter kept in the URL's query string: one codec per parameter, invalid values read as absent.

/** Reads one query parameter (null: absent or not valid) and writes it back. */
export interface Param<T> {
	parse(raw: string): T | null;
	write(value: T): string;
}

/** The codecs of a page's parameters, in the order they are written to the URL. */
export type Params<P> = { readonly [K in keyof P]: Param<P[K]> };

/** The values read from a URL: every parameter, null when absent or invalid. */
export type Query<P> = { [K in keyof P]: P[K] | null };

/** The values read with a set of codecs (`QueryOf<typeof params>`). */
export type QueryOf<S> = { [K in keyof S]: (S[K] extends Param<infer T> ? T : never) | null };

/** A whole number (years): `2023`, not `2023.5` or `x`. */
export const int: Param<number> = {
	parse: (raw) => (/^-?\d+$/.test(raw.trim()) ? Number(raw) : null),
	write: String
};

/** Any finite number (score bounds). */
export const num: Param<number> = {
	parse: (raw) => {
		const n = raw.trim() === '' ? NaN : Number(raw);
		return Number.isFinite(n) ? n : null;
	},
	write: String
};

/** Free text, kept as typed (control characters included); empty reads as absent. */
export const text: Param<string> = { parse: (raw) => (raw === '' ? null : raw), write: (v) => v };

/** One of a fixed list (rule ids, severities, a keyword such as `all`). */
export function oneOf<const T extends string>(values: readonly T[]): Param<T> {
	const known = new Set<string>(values);
	return { parse: (raw) => (known.has(raw) ? (raw as T) : null), write: (v) => v };
}

/** Either of two codecs, the first tried first (`all` or a year). */
export function either<A, B>(a: Param<A>, b: Param<B>): Param<A | B> {
	return {
		parse: (raw) => a.parse(raw) ?? b.parse(raw),
		write: (v) => (a.parse(String(v)) !== null ? a.write(v as A) : b.write(v as B))
	};
}

/** A comma-separated list; items the codec refuses are dropped, an empty list reads as absent. */
export function list<T>(item: Param<T>, sep = ','): Param<T[]> {
	return {
		parse: (raw) => {
			const items = raw
				.split(sep)
				.map((s) => item.parse(s))
				.filter((v): v is T => v !== null);
			return items.length ? items : null;
		},
		write: (v) => v.map((x) => item.write(x)).join(sep)
	};
}

/** Reads every parameter of `params` from a query string (null params: the prerendered page). */
export function readQuery<P>(params: Params<P>, search: URLSearchParams | null): Query<P> {
	const out = {} as Query<P>;
	for (const key of Object.keys(params) as (keyof P & string)[]) {
		const raw = search?.get(key);
		out[key] = raw === null || raw === undefined || raw === '' ? null : params[key].parse(raw);
	}
	return out;
}

/**
 * A query string (`?a=1&b=x`, or `?` when empty, which clears the filter) from values, in the
 * order of `params`; null values are left out so URLs stay short.
 */
export function writeQuery<P>(params: Params<P>, values: Partial<Query<P>>): string {
	const p = new URLSearchParams();
	for (const key of Object.keys(params) as (keyof P & string)[]) {
		const v = values[key];
		if (v === null || v === undefined) continue;
		const s = params[key].write(v as P[typeof key]);
		if (s !== '') p.set(key, s);
	}
	const s = p.toString();
	return s ? `?${s}` : '?';
}

/**
 * `href` (a path, a query string such as `?a=1` or `?`, or both, with any #hash) with the UI
 * language's parameter: `lang=en` for English, none for Chinese, the default. Other parameters keep
 * their order; a bare query string stays one (`?` stays `?`).
 */
export function hrefWithLang(href: string, lang: 'zh' | 'en'): string {
	const hashAt = href.indexOf('#');
	const hash = hashAt >= 0 ? href.slice(hashAt) : '';
	const rest = hashAt >= 0 ? href.slice(0, hashAt) : href;
	const qAt = rest.indexOf('?');
	const path = qAt >= 0 ? rest.slice(0, qAt) : rest;
	const params = new URLSearchParams(qAt >= 0 ? rest.slice(qAt + 1) : '');
	if (lang === 'en') params.set('lang', 'en');
	else params.delete('lang');
	const q = params.toString();
	// A bare query string stays one (`?` clears a filter); after a path, an empty one is dropped.
	return `${path}${q ? `?${q}` : qAt >= 0 && path === '' ? '?' : ''}${hash}`;
}
