// Row types and column labels derived from the table definitions: Row<'evaluations'>, columnLabel('evaluations', 'executed').
import { auditFlags, auditForms, auditIndicators } from './audit-tables';
import { msg, type Msg } from './msg';
import { unitYears, yearTotals } from './summary-tables';
import {
	directions,
	evaluations,
	funding,
	indicators,
	metricDictionary,
	metrics,
	trace,
	units
} from './tables';
import type { ColumnDef, TableName } from './types';

/** Every table by name, with the literal types of its columns. */
const BY_NAME = {
	metric_dictionary: metricDictionary,
	units,
	evaluations,
	funding,
	indicators,
	metrics,
	directions,
	trace,
	audit_forms: auditForms,
	audit_indicators: auditIndicators,
	audit_flags: auditFlags,
	unit_years: unitYears,
	year_totals: yearTotals
} as const satisfies Record<TableName, { name: TableName; columns: readonly ColumnDef[] }>;

type Tables = typeof BY_NAME;
type ColumnOf<N extends TableName> = Tables[N]['columns'][number];

/** The column names of a table, as a type: ColumnName<'funding'> is 'eval_id' | 'dimension' | … */
export type ColumnName<N extends TableName> = ColumnOf<N>['name'];

/** The JS value of a non-empty cell: text (one of its allowed values when it has them) or a number. */
type CellValue<C> = C extends { type: 'text' }
	? C extends { values: readonly (infer V)[] }
		? V
		: string
	: number;

/** The value of a column in a query result: null unless the column is always required. */
type Cell<C extends { required: unknown }> = C['required'] extends true
	? CellValue<C>
	: CellValue<C> | null;

/**
 * A row of a table as DuckDB returns it (text as string, INTEGER and DOUBLE as number, empty as null).
 * Query and audit rows that mirror a table are written as Pick<Row<'…'>, …> plus their computed fields.
 */
export type Row<N extends TableName> = {
	[C in ColumnOf<N> as C['name']]: Cell<C>;
};

/** The zh and en label of a column, e.g. columnLabel('evaluations', 'budget_initial') → 年初预算数 / Initial budget. */
export function columnLabel<N extends TableName>(table: N, column: ColumnName<N>): Msg {
	const c = (BY_NAME[table].columns as readonly ColumnDef[]).find((x) => x.name === column);
	if (!c) throw new Error(`unknown column ${table}.${column}`);
	return msg(c.zh, c.en);
}
