// The audit's input read from a loaded database: every form's figures, its indicator rows and funding sub-rows, and the publisher's directions.
import {
	DIRECTION_COLUMNS,
	EVALUATION_COLUMNS,
	type AuditDirection,
	type AuditEvaluation,
	type AuditFunding,
	type AuditIndicator,
	type AuditInput
} from '../audit/input';
import type { Connector } from '../db/connector';
import { query, run } from './query';

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

/** The publisher's directions, most general first (the audit's messages list them in this order). */
export const auditDirections = query<AuditDirection>(
	`SELECT ${DIRECTION_COLUMNS.join(', ')} FROM directions
	ORDER BY level3, level2 NULLS FIRST, unit_id NULLS FIRST, year NULLS FIRST`
);

/** Reads the loaded dataset from any Connector. */
export async function readAuditInput(db: Connector): Promise<AuditInput> {
	const [evaluations, indicators, funding, directions] = await Promise.all([
		run(db, auditEvaluations),
		run(db, auditIndicators),
		run(db, auditFunding),
		run(db, auditDirections)
	]);
	return { evaluations, indicators, funding, directions };
}
