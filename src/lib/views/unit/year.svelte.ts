// A unit's year section: `?year=` chooses the year whose forms are shown; the latest year's are prerendered, any other is read in the browser.
import { tick } from 'svelte';
import { isYearAnchorId } from '$lib/components/anchors';
import type { UnitYearData } from '$lib/queries/unit';
import { duck } from '../db.svelte';
import { filterable } from '../filterable.svelte';
import { int } from '../url';
import { loadUnitYear, type UnitProfileData } from './load';
import { unitNeeds } from '../needs';

/** The year asked for, of which unit. */
export interface UnitYearFilter {
	unitId: string;
	/** The year in the URL, else the latest year with forms (null: the unit has none). */
	year: number | null;
}

/**
 * After another year's forms are shown: scroll to the form or indicator row the URL's hash names
 * (a link from the audit, the forms grid or the search), which was not on the page before.
 */
async function scrollToHash(): Promise<void> {
	await tick();
	const id = decodeURIComponent(location.hash.slice(1));
	if (!id || isYearAnchorId(id)) return;
	document.getElementById(id)?.scrollIntoView({ block: 'start' });
}

/**
 * The year section's state; call during the unit page's initialisation (one instance per unit).
 * `local`: the page is computed in the browser from imported data, not prerendered.
 */
export function unitYearView(data: UnitProfileData, local: boolean) {
	const unitId = data.unit.unit_id;
	const latest = data.shown?.year ?? null;
	return filterable({
		name: 'unit-year',
		params: { year: int },
		filter: (u): UnitYearFilter => ({ unitId, year: u.year ?? latest }),
		initial: data.shown as UnitYearData | null,
		prerendered: (f) => f.year === latest,
		// DuckDB starts only when another year is asked for (or a year tab is pointed at).
		idleStart: false,
		local: (f) => {
			if (f.year === null) return null;
			// A published page after imported data replaced the published: the database no longer
			// holds the published years, so only the prerendered one is shown (the section says where
			// the rest are). Joined ('add'), it still holds them all, and any year is read from it.
			if (!local && duck.source === 'local' && !duck.holdsPublished)
				return f.year === latest ? data.shown : null;
			return undefined;
		},
		query: (db, f) =>
			f.year === null ? Promise.resolve(null) : loadUnitYear(db, f.unitId, f.year),
		needs: (f) => unitNeeds(f.unitId),
		onanswer: () => void scrollToHash()
	});
}

export type UnitYearView = ReturnType<typeof unitYearView>;
