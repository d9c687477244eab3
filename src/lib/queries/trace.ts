// Where the values of a unit were read from (the trace table): the rows behind a unit-year's forms and behind its metrics.
import { quoteIdent, sqlString } from '../db/sql';
import { table, type Row } from '../schema';
import { query, yearLit, type Query } from './query';

/**
 * One value's source, every column of the trace: the document, its place, the text as printed, and
 * the sentence for a narrative figure. row_key holds the row's key values joined with |: eval_id;
 * eval_id|seq; eval_id|dimension|item; unit_id|year|metric.
 */
export type TraceRow = Row<'trace'>;

const COLUMNS = table('trace')
	.columns.map((c) => quoteIdent(c.name))
	.join(', ');

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
