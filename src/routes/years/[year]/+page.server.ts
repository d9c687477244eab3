// Overview of one year, prerendered for every year in the data so each year has a real, shareable page.
import { error } from '@sveltejs/kit';
import { dataset } from '$lib/server/dataset';
import { loadYearOverview, overviewYears } from '$lib/views/overview/load';

export async function entries() {
	return (await overviewYears(await dataset())).map((year) => ({ year: String(year) }));
}

export async function load({ params }) {
	const year = Number(params.year);
	if (!Number.isInteger(year)) error(404, `不是年份 not a year: ${params.year}`);
	const overview = await loadYearOverview(await dataset(), year);
	if (!overview) error(404, `${year} 年没有自评表 no forms in ${year}`);
	return { overview };
}
