// Overview of one year, prerendered for every year in the data so each year has a real, shareable page.
import { error } from '@sveltejs/kit';
import { dataset } from '$lib/server/dataset';
import { overviewData, years } from '$lib/queries/overview';
import { run } from '$lib/queries/query';

export async function entries() {
	return (await run(await dataset(), years())).map((y) => ({ year: String(y.year) }));
}

export async function load({ params }) {
	const year = Number(params.year);
	if (!Number.isInteger(year)) error(404, `不是年份 not a year: ${params.year}`);
	const overview = await overviewData(await dataset(), year);
	if (overview.kpis.forms === 0) error(404, `${year} 年没有自评表 no forms in ${year}`);
	return { overview };
}
