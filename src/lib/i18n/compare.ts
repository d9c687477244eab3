// Texts of the compare page (对比): units side by side over the years.
import { columnLabel } from '../schema';
import { m } from './messages';

const FINAL = columnLabel('evaluations', 'budget_final');

export const CMP = {
	title: m('对比', 'Compare'),
	heading: m('单位对比', 'Compare units'),
	chosenUnits: m('已选单位', 'Chosen units'),
	remove: m('移除 {name}', 'Remove {name}'),
	addUnit: m('添加单位（最多 {n} 个）', 'Add a unit (up to {n})'),
	search: m('输入名称搜索', 'Type to search'),
	add: m('添加', 'Add'),
	noMatch: m('没有名称包含“{q}”的单位', 'No unit name contains “{q}”'),
	alreadyChosen: m('“{name}”已在对比中', '“{name}” is already chosen'),
	allChosen: m(
		'名称包含“{q}”的 {n} 个单位都已在对比中',
		'All {n} units whose name contains “{q}” are already chosen'
	),
	chooseOne: m(
		'{n} 个单位名称包含“{q}”，请选择一个：',
		'{n} units’ names contain “{q}”: choose one:'
	),
	moreMatches: m(
		'另有 {n} 个，输入更多字可缩小范围',
		'{n} more: type more of the name to narrow them'
	),
	added: m('已添加“{name}”', 'Added “{name}”'),
	atMax: m(
		'已选满 {n} 个单位：先移除一个再添加',
		'{n} units chosen, the most: remove one to add another'
	),
	atMin: m('至少对比 2 个单位：先添加一个再移除', 'At least 2 units: add one before removing'),
	metric: m('业务指标', 'Metric'),
	rateTitle: m('预算执行率 %', 'Execution rate %'),
	scoreTitle: m('自评得分（百分制）', 'Self-score (of 100)'),
	budgetTitle: m(`${FINAL.zh}（万元）`, `${FINAL.en} (万元)`),
	yearHeading: m('{year} 年度对比（较上年）', '{year} compared with the year before'),
	heatTitle: m('{year} 年各类指标得分率', 'Share of weight earned by indicator group, {year}'),
	heatDesc: m(
		'同一单位当年所有自评表中，该二级指标类别的得分 ÷ 分值。',
		'Score ÷ weight of each level-2 group over all the unit’s forms of the year.'
	),
	heatAlt: m('单位 × 指标类别的得分率热力图', 'Heatmap of units × indicator groups'),
	earnedShare: m('得分占分值', 'Share of weight earned'),
	group: m('指标类别', 'Group'),
	weight: m('分值', 'Weight'),
	score: m('得分', 'Score'),
	earned: m('得分占分值', 'Earned')
} as const;
