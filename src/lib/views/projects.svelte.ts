// The projects page's state: project forms filtered by year, unit, score and name; one project's history.
import { tick } from 'svelte';
import { barsOption } from '$lib/charts/trends';
import { COLOR } from '$lib/charts/theme';
import type { Column } from '$lib/components/table';
import { lang } from '$lib/i18n/lang.svelte';
import { M } from '$lib/i18n/messages';
import { PROJECTS } from '$lib/i18n/projects';
import { unitHref } from './links';
import { run } from '$lib/queries/query';
import { projectHistory, projects, type ProjectFilter, type ProjectRow } from '$lib/queries/unit';
import { columnLabel } from '$lib/schema';
import { latestChoice, oneYear, unitChoices, yearChoices } from './choices.svelte';
import { filterable } from './filterable.svelte';
import { scoreColumn, type ProjectsPrerendered } from './projects-load';
import { either, int, num, oneOf, text } from './url';
import { projectsNeeds, unitNeeds } from './needs';

/** A project across the years: its unit and name, as the URL's `project` parameter holds them. */
const projectKey = (r: ProjectRow) => `${r.unit_id}~${r.project_name}`;

/** The projects page; call during the page component's initialisation. */
export function projectsView(data: ProjectsPrerendered) {
	const defaultYear = $derived(latestChoice(data.defaultYear));
	// No year in the URL: the latest year; `all`: every year.
	const page = filterable({
		name: 'projects',
		params: {
			year: either(oneOf(['all']), int),
			unit: text,
			min: num,
			max: num,
			q: text,
			project: text
		},
		filter: (u): ProjectFilter => ({
			year: u.year === 'all' ? null : (u.year ?? defaultYear),
			unitId: u.unit,
			minScore: u.min,
			maxScore: u.max,
			search: u.q
		}),
		initial: data.rows,
		// The page carries the first rows only: once DuckDB is ready the year's every project (or at
		// a click, when the year's files are large: `WHOLE_ON_READY_BYTES`).
		partial: data.rows.length < data.total,
		prerendered: (f) =>
			f.year === data.defaultYear &&
			!f.unitId &&
			f.minScore === null &&
			f.maxScore === null &&
			!f.search,
		query: (db, f) => run(db, projects(f)),
		needs: projectsNeeds,
		// The latest year is the default: its choice leaves the URL.
		narrow: (f) => oneYear(f.year, yearChoices(data.years), () => ({ year: null }))
	});
	// The history of the project chosen in the URL (`unit~name`), scrolled into view when it loads.
	const history = filterable({
		name: 'project-history',
		params: { project: text },
		filter: (u) => u.project,
		initial: [] as ProjectRow[],
		local: (key) => (key ? undefined : []),
		needs: (key) => unitNeeds((key ?? '').split('~')[0]),
		query: (db, key) => {
			const [unitId, ...name] = (key ?? '').split('~');
			return run(db, projectHistory(unitId, name.join('~')));
		},
		onanswer: async () => {
			await tick();
			document.getElementById('history')?.scrollIntoView({ block: 'start' });
		}
	});

	const columns: Column<ProjectRow>[] = [
		{ key: 'year', label: M.year, value: (r) => r.year },
		{
			key: 'unit',
			label: M.unit,
			value: (r) => r.short_name,
			// A project form is of a year: its unit opens at that year's forms.
			href: (r) => unitHref(r.unit_id, r.year)
		},
		{
			key: 'project',
			label: columnLabel('evaluations', 'project_name'),
			value: (r) => r.project_name,
			href: (r) => page.link({ project: projectKey(r) })
		},
		{ key: 'final', label: M.finalBudget, value: (r) => r.budget_final, format: 'wan' },
		{ key: 'executed', label: M.executed, value: (r) => r.executed, format: 'wan' },
		{ key: 'rate', label: M.execRate, value: (r) => r.exec_rate, format: 'pct2' },
		scoreColumn,
		{ key: 'recomputed', label: M.recomputedPct, value: (r) => r.recomputed_pct, format: 'score' },
		{ key: 'inflation', label: M.inflation, value: (r) => r.gap_pct, format: 'deltaScore' },
		{
			key: 'printed',
			label: PROJECTS.printed,
			value: (r) => (r.total_score === null ? null : `${r.total_score} / ${r.total_weight ?? '—'}`)
		},
		{ key: 'provenance', label: M.source, value: (r) => r.provenance, format: 'provenance' },
		{ key: 'published', label: PROJECTS.publishedAt, value: (r) => r.source }
	];
	const historyOption = $derived(
		barsOption(
			lang.current,
			history.data.map((h) => h.year),
			[
				{
					name: M.finalBudget,
					data: history.data.map((h) => h.budget_final),
					color: COLOR.synthetic
				},
				{
					name: M.executed,
					data: history.data.map((h) => h.executed),
					color: COLOR.published
				}
			],
			M.wanAxis
		)
	);

	return {
		page,
		history,
		columns,
		/** All rows of the answer shown, when it holds only the first (the prerendered page). */
		get total() {
			return page.data === data.rows && data.rows.length < data.total ? data.total : undefined;
		},
		get years() {
			return yearChoices(data.years);
		},
		get units() {
			return unitChoices(data.units);
		},
		get historyOption() {
			return historyOption;
		},
		/** A query of either kind runs. */
		get busy() {
			return page.busy || history.busy;
		},
		/** Either query failed: the newer message first. */
		get error() {
			return page.error || history.error;
		},
		/** Chooses a year (null: all years); the latest year is the default and leaves the URL. */
		chooseYear: (year: number | null) =>
			page.set({ year: year === null ? 'all' : year === defaultYear ? null : year, project: null })
	};
}
