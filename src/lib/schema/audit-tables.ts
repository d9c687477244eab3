// The audit's output tables: derived from the data by src/lib/audit, stored beside it so views can join them.
import { decimal, integer, text } from './columns';
import { FORMS, PROVENANCES } from './form-kinds';
import { msg, type Msg } from './msg';
import type { TableDef } from './types';

/** How serious a flag is, most serious first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABEL: Record<Severity, Msg> = {
	error: msg('严重', 'Error'),
	warning: msg('警示', 'Warning'),
	info: msg('提示', 'Note')
};
/** The audit's rules by id (src/lib/audit/rules.ts says what each checks). */
export const RULE_IDS = [
	'exec_rate_mismatch',
	'exec_score_mismatch',
	'exec_over_100',
	'exec_low_no_reason',
	'score_above_weight',
	'weights_not_total',
	'total_mismatch',
	'full_marks_on_miss',
	'deduction_when_met',
	'cost_exceeds_spending',
	'grade_mismatch',
	'funding_sum_mismatch',
	'direction_not_applied',
	'static_targets',
	'low_targets',
	'qualitative_heavy'
] as const;
export type RuleId = (typeof RULE_IDS)[number];
/** Which way an indicator is scored: ≥ higher is better, ≤ lower is better, = equality. */
export const DIRECTIONS = ['≥', '≤', '='] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** Where the audit read a direction: printed (column, target_text), set by the publisher (override, the directions table) or inferred (group). */
export const DIRECTION_SOURCES = ['column', 'target_text', 'override', 'group'] as const;
export type DirectionSource = (typeof DIRECTION_SOURCES)[number];
export const INDICATOR_STATUSES = ['met', 'missed', 'qualitative', 'not_numeric'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
export const EXEC_BASES = ['scored', 'total_in_exec_row', 'absent'] as const;
export type ExecBasis = (typeof EXEC_BASES)[number];

const evalId = text('eval_id', '自评表编号', 'Evaluation ID', 'The form', { required: true });

export const auditForms = {
	name: 'audit_forms',
	zh: '审计：重算得分',
	en: 'Audit: recomputed scores',
	description:
		'One row per form: the score the national rules give from the form’s own figures, beside the self-score.',
	key: ['eval_id'],
	derived: true,
	columns: [
		evalId,
		text('unit_id', '单位编号', 'Unit ID', 'The unit that filed the form', { required: true }),
		integer('year', '预算年度', 'Year', 'Budget year', { required: true }),
		text(
			'exec_basis',
			'执行率计分方式',
			'Execution scoring',
			'scored: the execution rate has its own weight; total_in_exec_row: the execution row prints the form’s total (Hunan template), so execution is not scored; absent: no execution weight printed',
			{ required: true, values: EXEC_BASES }
		),
		decimal(
			'exec_rate',
			'执行率（重算）',
			'Execution rate (recomputed)',
			'executed / final budget'
		),
		decimal(
			'exec_expected',
			'执行率应得分',
			'Execution score (rule)',
			'weight × rate, capped at the weight; empty when execution is not scored'
		),
		decimal(
			'scale',
			'满分',
			'Full marks',
			'Sum of the weights that are scored: execution weight (when scored) plus indicator weights'
		),
		decimal(
			'self_score',
			'自评得分',
			'Self-score',
			'Total score as printed (sum of the parts when no total is printed)'
		),
		decimal(
			'recomputed_score',
			'重算得分',
			'Recomputed score',
			'Execution score by rule plus each indicator scored by its comparator; qualitative rows keep their self-score'
		),
		decimal('gap', '自评偏高', 'Inflation', 'Self-score minus recomputed score, in points'),
		decimal(
			'self_pct',
			'自评得分（百分制）',
			'Self-score (of 100)',
			'self_score / total weight as printed × 100 (the scale when none is printed), as the views show scores'
		),
		decimal(
			'recomputed_pct',
			'重算得分（百分制）',
			'Recomputed (of 100)',
			'recomputed_score on the same base as self_pct'
		),
		decimal(
			'gap_pct',
			'自评偏高（百分制）',
			'Inflation (of 100)',
			'self_pct minus recomputed_pct, in points of 100'
		),
		decimal(
			'measurable_weight',
			'可重算权重',
			'Recomputable weight',
			'Weight of indicators with a numeric target and actual',
			{ required: true }
		),
		decimal(
			'qualitative_weight',
			'定性权重',
			'Qualitative weight',
			'Weight of qualitative or non-numeric indicators, which keep their self-score',
			{ required: true }
		),
		integer(
			'inferred_rows',
			'推断方向的指标数',
			'Rows with inferred direction',
			'Indicators whose comparator was neither printed nor in the target text, so the group (成本 → ≤) decided',
			{ required: true }
		),
		integer('flags_error', '严重', 'Errors', 'Flags of severity error on this form', {
			required: true
		}),
		integer('flags_warning', '警示', 'Warnings', 'Flags of severity warning on this form', {
			required: true
		}),
		integer('flags_info', '提示', 'Notes', 'Flags of severity info on this form', {
			required: true
		}),
		text(
			'rules',
			'疑点规则',
			'Rules flagged',
			'The rules that flagged this form, by id in the audit’s order, separated by spaces; empty when none did'
		)
	]
} as const satisfies TableDef;

export const auditIndicators = {
	name: 'audit_indicators',
	zh: '审计：指标判定',
	en: 'Audit: indicator status',
	description:
		'One row per indicator: the comparator the audit used, whether the target was met, and the score by rule.',
	key: ['eval_id', 'seq'],
	derived: true,
	columns: [
		evalId,
		integer('seq', '序号', 'Order', 'Order on the form', { required: true }),
		// The form's own columns, as the audit read them: the indicators' analysis reads without the forms.
		text('unit_id', '单位编号', 'Unit ID', 'The unit that filed the form', { required: true }),
		integer('year', '预算年度', 'Year', 'Budget year of the form', { required: true }),
		text('form', '表类型', 'Form', 'The form’s kind (department or project)', {
			required: true,
			values: FORMS
		}),
		text(
			'project_name',
			'项目名称',
			'Project',
			'The project form’s project, as printed; empty for a department form'
		),
		text('provenance', '数据来源性质', 'Provenance', 'The form’s: published or synthetic', {
			required: true,
			values: PROVENANCES
		}),
		text(
			'direction',
			'比较方向',
			'Direction',
			'≥ higher is better, ≤ lower is better, = equality',
			{
				values: DIRECTIONS
			}
		),
		text(
			'direction_source',
			'方向来源',
			'Direction from',
			'column: the comparator column; target_text: read from the printed target (≥95%, 96%以上); override: set by the publisher in the directions table; group: inferred from the level-2 group (成本 → ≤)',
			{ values: DIRECTION_SOURCES }
		),
		text(
			'direction_note',
			'方向说明',
			'Direction note',
			'For a direction set by the publisher: the note of its row in the directions table'
		),
		text(
			'status',
			'判定',
			'Status',
			'met, missed, qualitative, or not_numeric (target or actual not a number)',
			{ required: true, values: INDICATOR_STATUSES }
		),
		decimal(
			'expected_score',
			'按规则得分',
			'Score by rule',
			'Score the national rule gives; empty for qualitative and non-numeric rows'
		),
		decimal('score_gap', '得分差', 'Score gap', 'Printed score minus score by rule')
	]
} as const satisfies TableDef;

export const auditFlags = {
	name: 'audit_flags',
	zh: '审计：疑点',
	en: 'Audit: flags',
	description:
		'One row per flag: a printed figure or self-score that the form’s own numbers do not support.',
	key: ['id'],
	derived: true,
	columns: [
		text('id', '编号', 'ID', 'rule:eval_id[:seq], or rule:unit_id for unit-wide flags', {
			required: true
		}),
		text('rule', '规则', 'Rule', 'Rule id (see the audit page)', {
			required: true,
			values: RULE_IDS
		}),
		text('severity', '严重程度', 'Severity', 'error, warning or info', {
			required: true,
			values: SEVERITIES
		}),
		text('unit_id', '单位编号', 'Unit ID', 'The unit', { required: true }),
		integer('year', '预算年度', 'Year', 'Year of the form; empty for unit-wide flags'),
		text('eval_id', '自评表编号', 'Evaluation ID', 'The form; empty for unit-wide flags'),
		text(
			'form',
			'表类型',
			'Form',
			'The form’s kind (department or project); empty for unit-wide flags',
			{
				values: FORMS
			}
		),
		text(
			'project_name',
			'项目名称',
			'Project',
			'The project form’s project, as printed; empty for a department form and for unit-wide flags'
		),
		integer('seq', '指标序号', 'Indicator order', 'The indicator row, when the flag is about one'),
		text(
			'indicator',
			'指标',
			'Indicator',
			'Level-3 indicator, funding dimension, or the rows concerned'
		),
		text('message_zh', '说明', 'Message (zh)', 'What is wrong, quoting the numbers', {
			required: true
		}),
		text('message_en', '说明（英文）', 'Message (en)', 'The same in English', { required: true }),
		text('numbers', '数值', 'Numbers', 'The figures involved, as key=value; pairs')
	]
} as const satisfies TableDef;

export const AUDIT_TABLES: readonly TableDef[] = [auditForms, auditIndicators, auditFlags];
