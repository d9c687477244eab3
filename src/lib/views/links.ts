// Links to a unit (its one prerendered page for published data, years as sections; the in-browser page for imported data), to the audit and to the forms grid.
import { base } from '$app/paths';
import { indicatorRowId, yearAnchorId } from '$lib/components/anchors';
import { duck } from './db.svelte';
import { withLang } from './lang-url.svelte';
import { gridSearch, type GridFilter } from './forms-params';
import { importedUnitPath } from './whole-load';

/** A unit's page, at one year's forms (`?year=`), without a hash: published data's or imported data's page. */
function unitPath(id: string, year?: number): string {
	const y = year !== undefined ? `year=${year}` : '';
	if (duck.source === 'local')
		return importedUnitPath(id, base, year !== undefined ? [['year', String(year)]] : []);
	return `${base}/units/${id}/${y ? `?${y}` : ''}`;
}

/**
 * A unit's one page; with a year, at that year's forms (`/units/<id>/?year=2019#year-2019`: the
 * hash scrolls to the year, and without JavaScript it says that only the latest year is
 * prerendered). Every link carries the chosen language (`lang=en`), so a copied link opens as the
 * page was read.
 */
export function unitHref(id: string, year?: number): string {
	return withLang(`${unitPath(id, year)}${year !== undefined ? `#${yearAnchorId(year)}` : ''}`);
}

/** A form on its unit's page, among its year's forms (the form's article carries its eval_id as id). */
export function formHref(unitId: string, year: number, evalId: string): string {
	return withLang(`${unitPath(unitId, year)}#${encodeURIComponent(evalId)}`);
}

/** An indicator's row on its unit's page, among its year's forms (the row's id is `indicatorRowId`). */
export function indicatorHref(unitId: string, year: number, evalId: string, seq: number): string {
	return withLang(`${unitPath(unitId, year)}#${encodeURIComponent(indicatorRowId(evalId, seq))}`);
}

/** The audit page filtered to a unit and/or year. */
export function auditHref(filter: { unit?: string | null; year?: number | null } = {}): string {
	const p = new URLSearchParams();
	if (filter.unit) p.set('unit', filter.unit);
	if (filter.year !== null && filter.year !== undefined) p.set('year', String(filter.year));
	const q = p.toString();
	return withLang(`${base}/audit/${q ? `?${q}` : ''}`);
}

/**
 * The forms grid filtered to exactly the forms a count counts (`{ yearFrom: 2024, yearTo: 2024,
 * gapMin: 5 }`); `year` sets both ends of the range.
 */
export function formsHref(filter: Partial<GridFilter> & { year?: number | null } = {}): string {
	const { year, ...rest } = filter;
	const f = year !== null && year !== undefined ? { ...rest, yearFrom: year, yearTo: year } : rest;
	const q = gridSearch(f);
	return withLang(`${base}/forms/${q === '?' ? '' : q}`);
}

/** The list of regions, or one region's page (`4302`: 株洲市). */
export function regionHref(code?: string | null): string {
	return withLang(`${base}/regions/${code ? `${encodeURIComponent(code)}/` : ''}`);
}

/**
 * Where a region's name leads: its page, or for a region of one published unit (it has no page)
 * that unit's page. `only` is the published data's: with imported data loaded, the region page.
 */
export function placeHref(place: { code: string; only: string | null }, year?: number): string {
	return place.only && duck.source === 'bundled'
		? unitHref(place.only, year)
		: regionHref(place.code);
}
