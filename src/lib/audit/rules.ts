// The audit's rules: id, severity, scope and what each checks, in zh and en (the audit page and docs list them).
import { columnLabel, gradeBandsText, type RuleId, type Severity } from '../schema';

export { SEVERITY_LABEL } from '../schema';
export type { RuleId, Severity } from '../schema';

const EXECUTED = columnLabel('evaluations', 'executed').zh;
const FINAL = columnLabel('evaluations', 'budget_final').zh;

export interface Rule {
	id: RuleId;
	severity: Severity;
	/** What the flag points at. */
	scope: 'form' | 'indicator' | 'funding' | 'unit';
	zh: string;
	en: string;
	/** What the rule checks and why, one or two sentences. */
	zhDetail: string;
	enDetail: string;
}

export const RULES: readonly Rule[] = [
	{
		id: 'exec_rate_mismatch',
		severity: 'error',
		scope: 'form',
		zh: '执行率印错',
		en: 'Execution rate misprinted',
		zhDetail: `印刷的执行率与 ${EXECUTED} ÷ ${FINAL} 不符，差异超出两者的舍入误差。`,
		enDetail:
			'The printed execution rate differs from executed ÷ final budget by more than their rounding allows.'
	},
	{
		id: 'exec_score_mismatch',
		severity: 'warning',
		scope: 'form',
		zh: '执行率得分不符',
		en: 'Execution score off',
		zhDetail: '执行率得分应为 分值 × 执行率（不超过分值），印刷得分与之不符。',
		enDetail:
			'The execution score should be weight × rate, capped at the weight; the printed score is not.'
	},
	{
		id: 'exec_over_100',
		severity: 'warning',
		scope: 'form',
		zh: '执行率超过100%',
		en: 'Execution above 100%',
		zhDetail: `支出超过调整后预算：执行数 ÷ ${FINAL} > 100%。`,
		enDetail: 'More was spent than the final budget: executed ÷ final budget > 100%.'
	},
	{
		id: 'exec_low_no_reason',
		severity: 'warning',
		scope: 'form',
		zh: '执行率低于90%且未说明原因',
		en: 'Execution below 90%, no reason given',
		zhDetail: '执行率低于90%时应说明偏差原因，表中未填写。',
		enDetail: 'The rules require a reason when execution is below 90%; none is printed.'
	},
	{
		id: 'score_above_weight',
		severity: 'error',
		scope: 'indicator',
		zh: '得分超过分值',
		en: 'Score above weight',
		zhDetail: '指标得分高于其分值。',
		enDetail: 'An indicator scored more than its weight.'
	},
	{
		id: 'weights_not_total',
		severity: 'error',
		scope: 'form',
		zh: '分值合计不等于总分值',
		en: 'Weights do not add up',
		zhDetail: '执行率分值与各指标分值之和不等于表中印刷的总分值。',
		enDetail: 'Execution weight plus the indicator weights does not equal the printed total weight.'
	},
	{
		id: 'total_mismatch',
		severity: 'error',
		scope: 'form',
		zh: '总分不等于各项得分之和',
		en: 'Total is not the sum of its parts',
		zhDetail: '自评总分不等于执行率得分与各指标得分之和（超出总分的印刷精度）。',
		enDetail:
			'The total score is not the execution score plus the indicator scores (beyond the printed precision).'
	},
	{
		id: 'full_marks_on_miss',
		severity: 'warning',
		scope: 'indicator',
		zh: '未达目标却得满分',
		en: 'Full marks on a missed target',
		zhDetail:
			'按指标性质（≥、≤、=）实际值未达到目标值，却给了满分；给出按规则应得的分数。未印指标性质时，按发布方在指标方向表中指定的方向，否则按二级指标推断，并在说明中注明。',
		enDetail:
			'The actual misses the target under its comparator (≥, ≤, =) yet the row scored full marks; the message gives the score by rule, and says when the direction was set by the publisher (the directions table) or inferred from the group.'
	},
	{
		id: 'deduction_when_met',
		severity: 'info',
		scope: 'indicator',
		zh: '达到目标仍扣分',
		en: 'Points deducted although met',
		zhDetail: '实际值达到目标值，得分却低于分值。',
		enDetail: 'The actual meets the target, yet the row scored less than its weight.'
	},
	{
		id: 'cost_exceeds_spending',
		severity: 'warning',
		scope: 'indicator',
		zh: '成本实际值超过本表支出',
		en: 'Cost above the form’s spending',
		zhDetail: `成本指标的实际值（万元）超过本表的${EXECUTED}，不可能是本项目的成本。`,
		enDetail:
			'A cost indicator’s actual (万元) exceeds the money the form says was spent, so it cannot be this form’s cost.'
	},
	{
		id: 'grade_mismatch',
		severity: 'error',
		scope: 'form',
		zh: '等级与总分不符',
		en: 'Grade does not match the total',
		zhDetail: `${gradeBandsText((b) => b.grade, '，')}（按百分制折算）。`,
		enDetail: `${gradeBandsText((b) => b.grade, ', ')} (on a 100-point scale).`
	},
	{
		id: 'funding_sum_mismatch',
		severity: 'error',
		scope: 'funding',
		zh: '资金分项之和不等于合计',
		en: 'Funding rows do not add up',
		zhDetail:
			'资金来源、收入性质、支出性质各分项之和应等于表的合计；经济分类之和应等于基本支出（或合计）。',
		enDetail:
			'Source, revenue and nature sub-rows must add up to the form’s total; the economic split to 基本支出 (or the total).'
	},
	{
		id: 'direction_not_applied',
		severity: 'info',
		scope: 'indicator',
		zh: '发布方指定的方向未采用',
		en: 'Publisher’s direction not used',
		zhDetail:
			'发布方在指标方向表（directions）中为该指标指定了方向，但表中印有不同的指标性质（表中所印优先），或多条指定互相矛盾（均不采用，仍按二级指标推断）。',
		enDetail:
			'The publisher set a direction for this indicator in the directions table, but the form prints another comparator (what is printed wins), or several of the publisher’s rows disagree (none is used; the group still decides).'
	},
	{
		id: 'static_targets',
		severity: 'info',
		scope: 'unit',
		zh: '目标值多年不变',
		en: 'Targets never change',
		zhDetail: '同一单位连续三年以上的数量类目标值从未调整（半数以上的此类指标如此）。',
		enDetail: 'Most of the unit’s numeric targets that recur for three years or more never changed.'
	},
	{
		id: 'low_targets',
		severity: 'info',
		scope: 'unit',
		zh: '目标值偏低',
		en: 'Targets set too low',
		zhDetail: '同一指标三年以上每年都超过目标50%以上（半数以上的此类指标如此），目标可能定得过低。',
		enDetail:
			'Most of the unit’s recurring targets were exceeded by 50% or more every year for three years or more.'
	},
	{
		id: 'qualitative_heavy',
		severity: 'info',
		scope: 'unit',
		zh: '定性指标过多',
		en: 'Mostly qualitative indicators',
		zhDetail: '单位各表中无数值目标（定性或文字）的指标占分值三分之二以上，难以核实。',
		enDetail:
			'Indicators without a numeric target (qualitative or text) carry two thirds or more of the unit’s weight, so little can be checked.'
	}
];

export const RULE_BY_ID: Record<RuleId, Rule> = Object.fromEntries(
	RULES.map((r) => [r.id, r])
) as Record<RuleId, Rule>;
