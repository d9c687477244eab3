// What the projects page prerenders: the latest year's project forms (the table's first page, lowest self-score first), the years and units to filter by.
import { sortRows, type Column } from '$lib/components/table';
import type { Connector } from '$lib/db/connector';
import { M } from '$lib/i18n/messages';
import { latestYear, years } from '$lib/queries/overview';
import { run } from '$lib/queries/query';
import {
	projects,
	unitChoice,
	unitList,
	type ProjectRow,
	type UnitChoice
} from '$lib/queries/unit';

/** The project table's self-score column: its default order (lowest first), which the prerendered rows follow. */
export const scoreColumn: Column<ProjectRow> = {
	key: 'score',
	label: M.scorePct,
	value: (r) => r.score_pct,
	format: 'score'
};

/** Rows a prerendered page carries (a province files thousands of projects a year); the rest load with DuckDB. */
export const PRERENDERED_PROJECTS = 50;

export interface ProjectsPrerendered {
	/** The latest year: the year shown when the URL names none. */
	defaultYear: number;
	/** The first rows of the year's projects, lowest self-score first. */
	rows: ProjectRow[];
	/** The year's projects in all. */
	total: number;
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
		rows: sortRows(rows, scoreColumn, 'asc').slice(0, PRERENDERED_PROJECTS),
		total: rows.length,
		years: ys.map((y) => y.year),
		units: units.map(unitChoice)
	};
}
