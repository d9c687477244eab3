// What the audit reads: the figures of every form, its indicator rows and funding sub-rows, and the publisher's directions, as typed rows (queries/audit-input.ts reads them).
import type { ColumnName, Row } from '../schema';

/** The figures of a form the rules read: the columns in EVALUATION_COLUMNS. */
export type AuditEvaluation = Pick<Row<'evaluations'>, (typeof EVALUATION_COLUMNS)[number]>;

/** An indicator row, every column. */
export type AuditIndicator = Row<'indicators'>;

/** A funding sub-row, every column. */
export type AuditFunding = Row<'funding'>;

/** A publisher's direction for the indicators it matches (the directions table). */
export type AuditDirection = Pick<Row<'directions'>, (typeof DIRECTION_COLUMNS)[number]>;

export interface AuditInput {
	evaluations: readonly AuditEvaluation[];
	indicators: readonly AuditIndicator[];
	funding: readonly AuditFunding[];
	/** The publisher's directions; none when the dataset has no directions table. */
	directions?: readonly AuditDirection[];
}

/** The columns of directions the audit reads. */
export const DIRECTION_COLUMNS = [
	'level3',
	'level2',
	'unit_id',
	'year',
	'comparator',
	'note',
	'provenance'
] as const satisfies readonly ColumnName<'directions'>[];

/** The columns of evaluations the rules read. */
export const EVALUATION_COLUMNS = [
	'eval_id',
	'unit_id',
	'year',
	'form',
	'project_name',
	'budget_initial',
	'budget_initial_text',
	'budget_final',
	'budget_final_text',
	'executed',
	'executed_text',
	'exec_rate_reported',
	'exec_rate_reported_text',
	'exec_weight',
	'exec_weight_text',
	'exec_score',
	'exec_score_text',
	'total_weight',
	'total_weight_text',
	'total_score',
	'total_score_text',
	'grade_reported',
	'exec_reason',
	'provenance'
] as const satisfies readonly ColumnName<'evaluations'>[];
