// What a page's year and unit controls offer: the prerendered lists, or those of imported data once loaded.
import { loaded } from './loaded.svelte';
import { unitChoice, type UnitChoice } from '$lib/queries/unit';

/** The years of the loaded data (oldest first); reactive in $derived and templates. */
export function yearChoices(prerendered: readonly number[]): readonly number[] {
	return loaded.years ?? prerendered;
}

/** The units of the loaded data, as a control lists them; reactive in $derived and templates. */
export function unitChoices(prerendered: readonly UnitChoice[]): readonly UnitChoice[] {
	return loaded.units?.map(unitChoice) ?? prerendered;
}

/** The latest year of the loaded data. */
export function latestChoice(prerendered: number): number {
	return loaded.years?.at(-1) ?? prerendered;
}

/**
 * The change that asks a filter of every year (`year` null) of the last of `years` instead, and that
 * year (a held-back filter's choice, `FilterableOptions.narrow`); null when it is of one year already.
 */
export function oneYear<T>(
	year: number | null | undefined,
	years: readonly number[],
	patch: (year: number) => T
): { patch: T; year: number } | null {
	const latest = years.at(-1);
	return (year === null || year === undefined) && latest !== undefined
		? { patch: patch(latest), year: latest }
		: null;
}
