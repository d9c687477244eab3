// Rows the audit produces; their columns are the derived tables in src/lib/schema/audit-tables.ts.
import type { DirectionSource, Direction } from './direction';
import type { RuleId, Severity } from './rules';

export type ExecBasis = 'scored' | 'total_in_exec_row' | 'absent';
export type IndicatorStatus = 'met' | 'missed' | 'qualitative' | 'not_numeric';

export interface AuditFormRow {
	eval_id: string;
	unit_id: string;
	year: number;
	exec_basis: ExecBasis;
	exec_rate: number | null;
	exec_expected: number | null;
	scale: number | null;
	self_score: number | null;
	recomputed_score: number | null;
	gap: number | null;
	self_pct: number | null;
	recomputed_pct: number | null;
	gap_pct: number | null;
	measurable_weight: number;
	qualitative_weight: number;
	inferred_rows: number;
	flags_error: number;
	flags_warning: number;
	flags_info: number;
}

export interface AuditIndicatorRow {
	eval_id: string;
	seq: number;
	direction: Direction | null;
	direction_source: DirectionSource | null;
	status: IndicatorStatus;
	expected_score: number | null;
	score_gap: number | null;
}

export interface AuditFlag {
	id: string;
	rule: RuleId;
	severity: Severity;
	unit_id: string;
	year: number | null;
	eval_id: string | null;
	seq: number | null;
	indicator: string | null;
	message_zh: string;
	message_en: string;
	numbers: string | null;
}

export interface AuditResult {
	forms: AuditFormRow[];
	indicators: AuditIndicatorRow[];
	flags: AuditFlag[];
}
