// A unit's profile, prerendered for every unit: its forms by year with indicators, funding and metrics.
import { error } from '@sveltejs/kit';
import { dataset } from '$lib/server/dataset';
import { run } from '$lib/queries/query';
import { unit, unitEvaluations, unitFunding, unitIndicators, unitList, unitMetrics } from '$lib/queries/unit';

export async function entries() {
	return (await run(await dataset(), unitList())).map((u) => ({ id: u.unit_id }));
}

export async function load({ params }) {
	const db = await dataset();
	const [u] = await run(db, unit(params.id));
	if (!u) error(404, `没有这个单位 no unit ${params.id}`);
	const [evaluations, indicators, funding, metrics] = await Promise.all([
		run(db, unitEvaluations(params.id)),
		run(db, unitIndicators(params.id)),
		run(db, unitFunding(params.id)),
		run(db, unitMetrics(params.id))
	]);
	return { unit: u, evaluations, indicators, funding, metrics };
}
