// Where the values of a unit were read from (the trace table): the rows behind a unit-year's forms and behind its metrics.
import type { TRACED_TABLES } from '../schema/tables';
import { sqlString } from '../db/sql';
import { query, yearLit, type Query } from './query';

/** One value's source: the document, its place, the text as printed, and the sentence for a narrative figure. */
export interface TraceRow {
	table_name: (typeof TRACED_TABLES)[number];
	/** The row's key values joined with |: eval_id; eval_id|seq; eval_id|dimension|item; unit_id|year|metric. */
	row_key: string;
	column_name: string;
	printed: string | null;
	file: string;
	part: string | null;
	page: number | null;
	row: number | null;
	col: number | null;
	paragraph: number | null;
	line: number | null;
	line_end: number | null;
	context: string | null;
}

const COLUMNS =
	'table_name, row_key, column_name, printed, file, part, page, row, col, paragraph, line, line_end, context';

/** The trace of every value of a unit's forms in one year: the forms, their indicators and funding rows. */
export function unitYearTrace(unitId: string, year: number): Query<TraceRow> {
	return query(`
SELECT ${COLUMNS} FROM trace
WHERE table_name IN ('evaluations', 'indicators', 'funding')
	AND split_part(row_key, '|', 1) IN (
		SELECT eval_id FROM evaluations WHERE unit_id = ${sqlString(unitId)} AND year = ${yearLit(year)})
ORDER BY table_name, row_key, column_name`);
}

/** The trace of a unit's metrics, every year. */
export function unitMetricTrace(unitId: string): Query<TraceRow> {
	return query(`
SELECT ${COLUMNS} FROM trace
WHERE table_name = 'metrics' AND split_part(row_key, '|', 1) = ${sqlString(unitId)}
ORDER BY row_key`);
}
