// A unit's one page, prerendered for every unit: years at a glance, charts, domain figures, and its latest year's forms (other years are read in the browser, ?year=).
import { error } from '@sveltejs/kit';
import { dataset } from '$lib/server/dataset';
import { pack } from '$lib/views/packed';
import { loadUnitList, loadUnitProfile } from '$lib/views/unit/load';

export async function entries() {
	return (await loadUnitList(await dataset())).map((u) => ({ id: u.unit_id }));
}

export async function load({ params }) {
	const profile = await loadUnitProfile(await dataset(), params.id);
	if (!profile) error(404, `没有这个单位 no unit ${params.id}`);
	// By column: the page's data is in its HTML, and a field's name is then written once, not once a row.
	return pack(profile);
}
