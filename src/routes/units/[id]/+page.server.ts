// A unit's profile, prerendered for every unit: years at a glance, charts, domain figures, latest forms.
import { error } from '@sveltejs/kit';
import { dataset } from '$lib/server/dataset';
import { unitFlags } from '$lib/queries/audit';
import { run } from '$lib/queries/query';
import { unitMetricTrace } from '$lib/queries/trace';
import {
	unit,
	unitList,
	unitMetrics,
	unitProjects,
	unitSpending,
	unitYearData,
	unitYears
} from '$lib/queries/unit';

export async function entries() {
	return (await run(await dataset(), unitList())).map((u) => ({ id: u.unit_id }));
}

export async function load({ params }) {
	const db = await dataset();
	const [u] = await run(db, unit(params.id));
	if (!u) error(404, `没有这个单位 no unit ${params.id}`);
	const [years, metrics, metricTrace, spending, projects, flags] = await Promise.all([
		run(db, unitYears(params.id)),
		run(db, unitMetrics(params.id)),
		run(db, unitMetricTrace(params.id)),
		run(db, unitSpending(params.id)),
		run(db, unitProjects(params.id)),
		run(db, unitFlags(params.id))
	]);
	const shown = years.length > 0 ? await unitYearData(db, params.id, years[0].year) : null;
	return { unit: u, years, metrics, metricTrace, spending, projects, shown, flags };
}
