// What the projects page prerenders: every project form of the latest year, the years and units to filter by.
import type { Connector } from '$lib/db/connector';
import { latestYear, years } from '$lib/queries/overview';
import { run } from '$lib/queries/query';
import {
	projects,
	unitChoice,
	unitList,
	type ProjectRow,
	type UnitChoice
} from '$lib/queries/unit';

export interface ProjectsPrerendered {
	/** The latest year: the year shown when the URL names none. */
	defaultYear: number;
	rows: ProjectRow[];
	years: number[];
	units: UnitChoice[];
}

export async function loadProjects(db: Connector): Promise<ProjectsPrerendered> {
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
