// The indicators page's texts (指标), in Chinese and English.
import { m } from './messages';

export const INDICATORS = {
	heading: m('绩效指标', 'Indicators'),
	headingYear: m('绩效指标 · {year}', 'Indicators · {year}'),
	search: m('搜索偏差原因', 'Search deviation reasons'),
	searchExample: m('例如：结案、延期、资金', 'e.g. 结案, 延期, 资金'),
	coverage: m(
		'统计包含全部单位，其中除渌口区纪委监委（★）外均为合成演示数据。',
		'Counts cover all units; all but the Lukou commission (★) are synthetic demo data.'
	),
	missedMeans: m(
		'“未达标”取自审计的判定：按指标性质栏或目标值所印的比较方向（≥95%、96%以上、≤202.6万元）；都未印时，成本指标与目标为 0 的指标越低越好，其余越高越好；= 须相等；定性与非数字指标不计。',
		'“Missed” is the audit’s judgement: the comparator from its column or printed in the target (≥95%, 96%以上, ≤202.6万元); where neither says, cost indicators and targets of 0 are lower-is-better and the rest higher-is-better; = must match; qualitative and non-numeric rows are not counted.'
	),
	missedTitle: m('最常未达标的指标', 'Most often missed'),
	missedDesc: m(
		'至少 5 次可比较的三级指标，按未达标率排序（前 15）。',
		'Level-3 indicators with at least 5 measurable rows, by miss rate (top 15).'
	),
	missedLabel: m('未达标率最高的三级指标', 'Indicators with the highest miss rate'),
	deductionsTitle: m('按指标类别的扣分', 'Points deducted by group'),
	deductionsDesc: m(
		'分值减得分之和，按一级/二级指标分组。',
		'Sum of weight minus score, by level-1/level-2 group.'
	),
	deductionsLabel: m('各二级指标类别的扣分合计', 'Points deducted per level-2 group'),
	deductionsAxis: m('扣分合计', 'Points deducted'),
	common: m('最常见的指标', 'Most common indicators'),
	reasons: m('偏差原因', 'Deviation reasons'),
	reasonsFor: m('偏差原因 · “{q}”', 'Deviation reasons · “{q}”'),
	searching: m('正在查询“{q}”…', 'Searching for “{q}”…'),
	controlNote: m(
		'搜索词含控制字符（显示为 [U+0000] 这样的码位），按原样匹配。',
		'The search holds control characters (shown by code point, as [U+0000]); they are matched as typed.'
	),
	// Columns (the indicator levels are the schema's labels).
	rows: m('出现次数', 'Rows'),
	measurable: m('可比较', 'Measurable'),
	missed: m('未达标', 'Missed'),
	missRate: m('未达标率', 'Miss rate'),
	deducted: m('被扣分', 'Deducted'),
	avgWeight: m('平均分值', 'Avg weight'),
	groupRows: m('指标数', 'Rows'),
	weight: m('分值合计', 'Weight'),
	deduction: m('扣分合计', 'Deducted points'),
	deductedRows: m('被扣分指标', 'Rows deducted'),
	share: m('扣分占分值', 'Share of weight'),
	indicator: m('三级指标', 'Indicator'),
	target: m('指标值', 'Target'),
	actual: m('完成值', 'Actual'),
	scoreOfWeight: m('得分/分值', 'Score/weight'),
	reason: m('偏差原因', 'Reason')
} as const;
