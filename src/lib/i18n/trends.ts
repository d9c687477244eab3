// Texts of the trends page (趋势): all units over the years.
import { columnLabel, metricDef } from '../schema';
import { m } from './messages';

const FINAL = columnLabel('evaluations', 'budget_final');
const EXECUTED = columnLabel('evaluations', 'executed');

export const T = {
	title: m('趋势', 'Trends'),
	notice: m(
		'全部单位 {from}–{to} 年；{forms} 张自评表中 {synthetic} 张为合成演示数据。',
		'All units, {from}–{to}; {synthetic} of {forms} forms are synthetic demo data.'
	),
	rateTitle: m('预算执行率：中位数与四分位区间', 'Execution rate: median and interquartile range'),
	rateDesc: m(
		`部门整体表，执行数 ÷ ${FINAL.zh}；虚线为 90%。`,
		'Department forms, executed ÷ final budget; dashed line at 90%.'
	),
	rateAlt: m(
		'各年部门整体表执行率的中位数与四分位区间',
		'Median and interquartile range of execution rates by year'
	),
	scoreTitle: m('自评得分：中位数与四分位区间', 'Self-score: median and interquartile range'),
	scoreDesc: m('部门整体表，折算百分制。', 'Department forms, on 100 points.'),
	scoreAlt: m(
		'各年部门整体表自评得分的中位数与四分位区间',
		'Median and interquartile range of self-scores by year'
	),
	budgetTitle: m('全年预算与执行合计', 'Total final budget and executed'),
	budgetDesc: m(
		'部门整体表合计（项目支出包含在部门预算内，不重复计算）。',
		'Sum of department forms (projects are part of them, not added twice).'
	),
	budgetAlt: m(`各年${FINAL.zh}与执行数合计`, 'Total final budget and executed by year'),
	belowTitle: m('执行率低于 90% 的自评表', 'Forms with execution below 90%'),
	belowAlt: m('各年执行率低于 90% 的自评表数量', 'Number of forms below 90% execution by year'),
	casesTitle: m('纪检监察案件数据合计', 'Discipline inspection case figures, all units'),
	casesDesc: m(
		'留置自 2018 年监察法施行后才有。',
		'Detentions (留置) exist only since the 2018 Supervision Law.'
	),
	casesAlt: m(
		'各年处置问题线索、立案、处分、组织处理、留置合计',
		'Clues, cases, persons disciplined, organisational handling and detentions by year'
	),
	lossesTitle: m('挽回经济损失合计', 'Losses recovered, all units'),
	lossesAlt: m('各年挽回经济损失合计（万元）', 'Losses recovered by year (10k yuan)'),

	// Series and table columns.
	finalBudget: FINAL,
	executed: EXECUTED,
	finalBudgetWan: m(`${FINAL.zh}（万元）`, `${FINAL.en} (万元)`),
	executedWan: m(`${EXECUTED.zh}（万元）`, `${EXECUTED.en} (万元)`),
	/** The unit the metric dictionary gives losses recovered in (万元). */
	lossesAxis: m(metricDef('losses_recovered')?.unit ?? '', '10k yuan'),
	allForms: m('全部自评表', 'All forms'),
	departmentForms: m('部门整体表', 'Department forms'),
	formsAxis: m('表数', 'Forms'),
	q1: m('下四分位', 'Q1'),
	median: m('中位数', 'Median'),
	q3: m('上四分位', 'Q3'),
	forms: m('自评表', 'Forms'),
	below: m('执行率 < 90%', 'Rate < 90%'),
	belowDepartment: m('其中部门整体表', 'of which department'),
	metric: m('指标', 'Metric'),
	total: m('合计', 'Total'),
	unit: m('单位', 'Unit'),
	unitsReporting: m('填报单位数', 'Units reporting')
} as const;
