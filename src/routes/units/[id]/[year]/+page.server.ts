// One unit's forms of one year, prerendered for every unit and year.
import { error } from '@sveltejs/kit';
import { dataset } from '$lib/server/dataset';
import { run } from '$lib/queries/query';
import { unit, unitYearData, unitYearPairs, unitYears } from '$lib/queries/unit';

export async function entries() {
	const rows = await run(await dataset(), unitYearPairs());
	return rows.map((r) => ({ id: r.unit_id, year: String(r.year) }));
}

export async function load({ params }) {
	const db = await dataset();
	const [u] = await run(db, unit(params.id));
	const year = Number(params.year);
	if (!u || !Number.isInteger(year))
		error(404, `没有这个单位或年度 no unit/year ${params.id}/${params.year}`);
	const shown = await unitYearData(db, params.id, year);
	if (shown.evaluations.length === 0) error(404, `${u.name} 没有 ${year} 年的自评表`);
	return { unit: u, years: await run(db, unitYears(params.id)), shown };
}
