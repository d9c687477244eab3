// What the audit reads: the figures of every form, its indicator rows and funding sub-rows, as typed rows (queries/audit-input.ts reads them).
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
