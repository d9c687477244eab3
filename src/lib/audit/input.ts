// What the audit reads: the figures of every form, its indicator rows and funding sub-rows, as typed rows.
import type { Connector } from '../db/connector';
import { query, run } from '../queries/query';
import type { FUNDING_DIMENSIONS } from '../schema';

export interface AuditEvaluation {
	eval_id: string;
	unit_id: string;
	year: number;
	form: 'department' | 'project';
	project_name: string | null;
	budget_initial: number | null;
	budget_initial_text: string | null;
	budget_final: number | null;
	budget_final_text: string | null;
	executed: number | null;
	executed_text: string | null;
	exec_rate_reported: number | null;
	exec_rate_reported_text: string | null;
	exec_weight: number | null;
	exec_weight_text: string | null;
	exec_score: number | null;
	exec_score_text: string | null;
	total_weight: number | null;
	total_weight_text: string | null;
	total_score: number | null;
	total_score_text: string | null;
	grade_reported: string | null;
	exec_reason: string | null;
}

export interface AuditIndicator {
	eval_id: string;
	seq: number;
	level1: string | null;
	level2: string | null;
	level3: string;
	comparator: string | null;
	target_text: string | null;
	target_value: number | null;
	actual_text: string | null;
	actual_value: number | null;
	unit: string | null;
	weight: number | null;
	score: number | null;
	deviation_reason: string | null;
}

export interface AuditFunding {
	eval_id: string;
	dimension: (typeof FUNDING_DIMENSIONS)[number];
	seq: number | null;
	item: string;
	budget_initial: number | null;
	budget_initial_text: string | null;
	budget_final: number | null;
	budget_final_text: string | null;
	executed: number | null;
	executed_text: string | null;
}

export interface AuditInput {
	evaluations: readonly AuditEvaluation[];
	indicators: readonly AuditIndicator[];
	funding: readonly AuditFunding[];
}

const EVALUATION_COLUMNS: (keyof AuditEvaluation)[] = [
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
	'exec_reason'
];

export const auditEvaluations = query<AuditEvaluation>(
	`SELECT ${EVALUATION_COLUMNS.join(', ')} FROM evaluations ORDER BY unit_id, year, eval_id`
);

export const auditIndicators = query<AuditIndicator>(
	`SELECT eval_id, seq, level1, level2, level3, comparator, target_text, target_value, actual_text,
	actual_value, unit, weight, score, deviation_reason FROM indicators ORDER BY eval_id, seq`
);

export const auditFunding = query<AuditFunding>(
	`SELECT eval_id, dimension, seq, item, budget_initial, budget_initial_text, budget_final,
	budget_final_text, executed, executed_text FROM funding ORDER BY eval_id, dimension, seq NULLS LAST, item`
);

/** Reads the loaded dataset from any Connector. */
export async function readAuditInput(db: Connector): Promise<AuditInput> {
	const [evaluations, indicators, funding] = await Promise.all([
		run(db, auditEvaluations),
		run(db, auditIndicators),
		run(db, auditFunding)
	]);
	return { evaluations, indicators, funding };
}
