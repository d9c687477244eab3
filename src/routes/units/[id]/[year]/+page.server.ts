// One unit's forms of one year, prerendered for every unit and year.
import { error } from '@sveltejs/kit';
import { dataset } from '$lib/server/dataset';
import { loadUnitYear, loadUnitYearPairs } from '$lib/views/unit/load';

export async function entries() {
	const rows = await loadUnitYearPairs(await dataset());
	return rows.map((r) => ({ id: r.unit_id, year: String(r.year) }));
}

export async function load({ params }) {
	const year = Number(params.year);
	const page = Number.isInteger(year) ? await loadUnitYear(await dataset(), params.id, year) : null;
	if (!page) error(404, `没有这个单位或年度 no unit/year ${params.id}/${params.year}`);
	if (page.shown.evaluations.length === 0) error(404, `${page.unit.name} 没有 ${year} 年的自评表`);
	return page;
}
