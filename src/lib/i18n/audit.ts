// The audit page's texts (审计), in Chinese and English.
import { m } from './messages';

export const AUDIT = {
	heading: m(
		'审计：表内数字是否支持自评',
		'Audit: do the forms’ own numbers support the self-scores?'
	),
	lede: m(
		'每张自评表都用它自己印的数字复核：执行率是否等于执行数 ÷ 预算数，得分是否等于分值 × 执行率，总分是否等于各项之和，未达目标的指标是否给了满分，资金分项是否合计一致；并按国家评分规则重算每张表的得分。规则相同地运行于发布时、你导入的数据和命令行（npm run audit）。',
		'Each form is checked against its own printed figures: is the rate executed ÷ budget, the score weight × rate, the total the sum of its parts, a missed target given full marks, do funding rows add up; and each form is re-scored by the national rules. The same rules run at publication, on data you import, and on the command line (npm run audit).'
	),
	ledeDemo: m(
		'演示数据中的问题是生成器有意放入的（合成数据）；★ 渌口区纪委监委 2023 的疑点来自公开文件。',
		'In the demo data the problems were planted on purpose by the generator (synthetic); the flags on ★ Lukou 2023 come from the published document.'
	),
	allRules: m('全部规则', 'All rules'),
	allSeverities: m('全部', 'All'),
	clearFilters: m('清除筛选', 'Clear filters'),
	pending: m(
		'正在按筛选条件查询（查询引擎加载中）…',
		'Applying the filter (the query engine is loading)…'
	),
	flagsHint: m(
		'严重 {errors} · 警示 {warnings} · 提示 {infos}',
		'{errors} errors · {warnings} warnings · {infos} notes'
	),
	flaggedForms: m('有疑点的表', 'Forms flagged'),
	flaggedFormsHint: m('共审计 {n} 张表', 'of {n} forms audited'),
	inflated: m('自评偏高 ≥ 5 分', 'Inflated by 5+ points'),
	inflatedHint: m(
		'自评得分比按规则重算高 5 分以上（百分制）',
		'self-score 5+ points (of 100) above the rules'
	),
	medianGap: m('自评偏高中位数', 'Median inflation'),
	byRule: m('各规则的疑点数', 'Flags by rule'),
	byRuleDesc: m(
		'颜色：红 = 严重（数字自相矛盾），橙 = 警示（自评得不到数字支持），灰 = 提示（目标设定等可信度信号）。点击柱条按规则筛选。',
		'Red: error (the figures contradict each other); orange: warning (a self-score the numbers do not support); grey: note (credibility signals such as targets). Click a bar to filter by that rule.'
	),
	byRuleLabel: m('按规则统计的疑点数，共 {n} 条规则有疑点', 'Flags per rule, {n} rules fired'),
	flagCount: m('疑点数', 'Flags'),
	flagList: m('疑点清单', 'Flags'),
	partial: m(
		'显示前 {shown} 个，共 {total} 个；查询引擎加载后显示全部。完整清单也可下载：',
		'Showing the first {shown} of {total}; all appear once the query engine has loaded. The full list is also a download:'
	),
	partialOnDemand: m(
		'显示前 {shown} 个，共 {total} 个；全部疑点在各年数据中（约 {size}），点击“载入全部”后显示。完整清单也可下载：',
		'Showing the first {shown} of {total}; all of them are in every year’s data ({size}), shown at “Load all”. The full list is also a download:'
	),
	noFlags: m('没有符合筛选条件的疑点。', 'No flags match the filter.'),
	caption: m('审计疑点清单', 'Audit flags'),
	rules: m('规则说明', 'The rules'),
	checks: m('检查什么', 'What it checks'),
	rescoring: m(
		'重算得分：执行率按 分值 × 执行数/预算数（不超过分值）；有数值目标的指标按指标性质计分——越高越好（≥）未达标按 实际/目标 × 分值，越低越好（≤）在目标与两倍目标之间按 (1 − 超出/目标) × 分值、两倍及以上为 0，等于（=）按偏离比例扣分；定性或非数值指标保留自评分，单独统计。表中未印指标性质时，按发布方在指标方向表（directions）中指定的方向，注明“发布方指定”；未指定时成本指标按“越低越好”推断，其余按“越高越好”，注明“推断”。',
		'Recomputed score: execution as weight × executed/budget (capped at the weight); numeric indicators by their comparator — higher-is-better (≥) scores actual/target × weight when missed, lower-is-better (≤) scores (1 − overrun/target) × weight up to twice the target and 0 beyond, equality (=) loses the share it deviates; qualitative or non-numeric rows keep their self-score and are counted apart. Where no comparator is printed, the direction the publisher set in the directions table is used (“set by publisher”); without one, cost (成本) rows are taken as lower-is-better and the rest as higher-is-better, and the audit says it inferred the direction.'
	),
	// The flags table's columns that are not the schema's audit_flags columns.
	unitAllYears: m('（单位历年）', '(unit, all years)'),
	message: m('说明', 'What is wrong'),
	ruleId: m('规则编号', 'Rule ID')
} as const;
