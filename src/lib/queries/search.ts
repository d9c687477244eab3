// The texts the search indexes, read from the loaded tables (at build for the published data, in the browser for imported data).
import type { Row } from '../schema';
import type { Connector } from '../db/connector';
import { query, run, type Query } from './query';

export type SearchUnitRow = Pick<Row<'units'>, 'unit_id' | 'name' | 'short_name' | 'provenance'>;

export type SearchFormRow = Pick<
	Row<'evaluations'>,
	| 'eval_id'
	| 'unit_id'
	| 'year'
	| 'form'
	| 'provenance'
	| 'project_name'
	| 'exec_reason'
	| 'goal_planned'
	| 'goal_achieved'
	| 'problems'
	| 'improvements'
>;

export type SearchIndicatorRow = Pick<
	Row<'indicators'>,
	'eval_id' | 'seq' | 'level3' | 'target_text' | 'deviation_reason'
>;

export function searchUnits(): Query<SearchUnitRow> {
	return query(`SELECT unit_id, name, short_name, provenance FROM units ORDER BY unit_id`);
}

export function searchForms(): Query<SearchFormRow> {
	return query(`
SELECT eval_id, unit_id, year, form, provenance, project_name, exec_reason, goal_planned, goal_achieved, problems, improvements
FROM evaluations ORDER BY eval_id`);
}

export function searchIndicators(): Query<SearchIndicatorRow> {
	return query(`
SELECT eval_id, seq, level3, target_text, deviation_reason FROM indicators ORDER BY eval_id, seq`);
}

/** The rows of all three, as the search index is built from them. */
export async function searchSource(db: Connector): Promise<{
	units: SearchUnitRow[];
	forms: SearchFormRow[];
	indicators: SearchIndicatorRow[];
}> {
	const [units, forms, indicators] = await Promise.all([
		run(db, searchUnits()),
		run(db, searchForms()),
		run(db, searchIndicators())
	]);
	return { units, forms, indicators };
}
