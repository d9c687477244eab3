// A filter held back because its data is large (views/filterable.svelte.ts weighs it; Results.svelte shows it).

/** A held-back filter: what its data would fetch, and the same filter in one year. */
export interface HeldBack {
	/** What its data would fetch ("12.4 MB"). */
	size: string;
	/** The same filter in one year, as a link, or null. */
	narrow: { href: string; year: number } | null;
}
