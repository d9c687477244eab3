// Every project form of the latest year, prerendered; other filters run in the browser.
import { dataset } from '$lib/server/dataset';
import { latestYear, years } from '$lib/queries/overview';
import { run } from '$lib/queries/query';
import { projects, unitChoice, unitList } from '$lib/queries/unit';

export async function load() {
	const db = await dataset();
	const year = await latestYear(db);
	const [rows, ys, units] = await Promise.all([
		run(db, projects({ year })),
		run(db, years()),
		run(db, unitList())
	]);
	return {
		defaultYear: year,
		rows,
		years: ys.map((y) => y.year),
		units: units.map(unitChoice)
	};
}
