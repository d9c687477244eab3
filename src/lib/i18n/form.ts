// Texts of a self-evaluation form laid out as printed: its heads are the form's Chinese (the schema's column labels where it prints them) with an English gloss.
import {
	columnLabel,
	type ColumnName,
	type Comparator,
	type DirectionSource,
	type IndicatorStatus,
	type Msg,
	type TableName
} from '../schema';
import { m } from './messages';

/** A head as the form prints it: the schema's Chinese label (with a mark such as " (A)"), and a short English gloss. */
function printed<N extends TableName>(table: N, column: ColumnName<N>, en: string, mark = ''): Msg {
	return m(`${columnLabel(table, column).zh}${mark}`, en);
}

/** A text the form prints in Chinese whichever language is chosen. */
const chinese = (zh: string): Msg => m(zh, zh);

export const F = {
	/** How a head shows: the Chinese as printed, with the English beside it when English is chosen. */
	head: m('{zh}', '{zh} {en}'),
	initial: printed('evaluations', 'budget_initial', 'Initial'),
	final: printed('evaluations', 'budget_final', 'Final'),
	executed: printed('evaluations', 'executed', 'Executed'),
	finalA: printed('evaluations', 'budget_final', 'Final (A)', ' (A)'),
	executedB: printed('evaluations', 'executed', 'Executed (B)', ' (B)'),
	rate: m('执行率', 'Rate'),
	recomputedRate: m('B/A 重算', 'B/A recomputed'),
	dimension: m('分类', 'Dimension'),
	item: printed('funding', 'item', 'Item'),
	level1: printed('indicators', 'level1', 'Level 1'),
	level2: printed('indicators', 'level2', 'Level 2'),
	level3: printed('indicators', 'level3', 'Level 3'),
	comparator: printed('indicators', 'comparator', 'Comparator'),
	target: printed('indicators', 'target_text', 'Target'),
	actual: printed('indicators', 'actual_text', 'Actual'),
	unit: m('单位', 'Unit'),
	weight: printed('indicators', 'weight', 'Weight'),
	score: printed('indicators', 'score', 'Score'),
	deducted: m('扣分', 'Deducted'),
	byRule: m('按规则得分', 'By rule'),
	byRuleTitle: m(
		'按指标性质与国家评分规则，由目标值与实际值重算',
		'Score the national rule gives from the target and actual'
	),
	reason: m('偏差原因', 'Reason'),

	// Captions and blocks, Chinese as printed with the English beside it.
	budgetCaption: m('预算执行（万元）', 'Budget execution, 10,000 yuan'),
	fundingCaption: m('资金构成（万元）', 'Funding split'),
	indicatorsCaption: m('绩效指标', 'Indicators'),
	total: m('总分', 'Total'),
	planned: printed('evaluations', 'goal_planned', 'Planned'),
	achieved: printed('evaluations', 'goal_achieved', 'Achieved'),
	problems: printed('evaluations', 'problems', 'Problems'),
	improvements: printed('evaluations', 'improvements', 'Improvements'),
	flatList: m('平铺的指标清单：表上没有一级、二级指标', 'a flat list: the form prints no levels'),

	// The form's own lines, in Chinese in either language.
	departmentTitle: chinese('部门整体支出绩效自评表'),
	projectTitle: chinese('项目支出绩效自评表：{name}'),
	yearLine: chinese('{year} 年度 · 表编号 {id}'),
	sourceLine: chinese('· 来源：{source}'),
	execReason: chinese('执行偏差原因：'),
	gradeLine: chinese('等级：{grade}'),
	notesLine: chinese('录入说明：{notes}'),
	sumLine: chinese('合计：分值 {weight}，得分 {score}（{n} 项三级指标）'),
	qualitative: chinese('定性'),

	// The audit's line over the form (pieces around the figures it sets in bold).
	auditSelf: m('审计：自评 ', 'Audit: self-score '),
	auditRules: m(' / {scale} 分，按规则重算 ', ' of {scale}; by the rules '),
	auditPoints: m(' 分', ''),
	inflatedBy: m('（自评偏高 ', ' (inflated by '),
	inflatedEnd: m(' 分）', ')'),
	belowRules: m('（自评比规则低 {gap} 分）', ' (self-score {gap} below the rules)'),
	auditEnd: m('。', '.'),
	noFlags: m('未发现疑点。', 'No flags.'),
	flagCount: m('{n} 个疑点。', '{n} flag(s).'),
	totalInExecRow: m(
		'本表执行率行印的是总分（{weight}），执行率未单独计分，满分为 {scale}。',
		'The execution row prints the form’s total ({weight}), so the execution rate carries no score and full marks are {scale}.'
	),

	// The score by rule of an indicator row.
	qualitativeShort: m('定性', 'qualitative'),
	notNumericShort: m('非数值', 'not numeric')
} as const;

/** How the rules judged an indicator row, and the mark shown beside its score. */
export const STATUS: Record<IndicatorStatus, { text: Msg; mark: string }> = {
	met: { text: m('达标', 'met'), mark: '✓' },
	missed: { text: m('未达标', 'missed'), mark: '✗' },
	qualitative: { text: m('定性，保留自评分', 'qualitative, self-score kept'), mark: '' },
	not_numeric: { text: m('非数值，保留自评分', 'not numeric, self-score kept'), mark: '' }
};

/** Where the rules read an indicator's direction from. */
export const DIRECTION_FROM: Record<DirectionSource, Msg> = {
	column: m('指标性质栏', 'comparator column'),
	target_text: m('目标值所印', 'printed in the target'),
	override: m('发布方指定', 'set by publisher'),
	group: m('按二级指标推断', 'inferred from the group')
};

/**
 * A direction the form does not print, shown in its 指标性质 cell apart from what is printed: set by
 * the publisher (the directions table) or inferred from the group.
 */
export const TAKEN_DIRECTION: Partial<Record<DirectionSource, Msg>> = {
	override: DIRECTION_FROM.override,
	group: m('推断', 'inferred')
};

/** The title over such a direction. */
export const TAKEN_TITLE = m(
	'表中未印指标性质；审计按 {direction} 计分（{from}）',
	'No comparator printed; the audit scores it {direction} ({from})'
);

/** The publisher's note after a direction it set. */
export const DIRECTION_NOTE = m('：{note}', ': {note}');

/** A comparator as the form prints it. */
export const COMPARATOR: Record<Comparator, string> = {
	'≥': '≥',
	'≤': '≤',
	'=': '=',
	qualitative: F.qualitative.zh
};
