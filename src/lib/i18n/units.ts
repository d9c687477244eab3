// Texts of the unit pages: the list of units, a unit's header, profile and forms by year, and the imported-data unit page.
import { columnLabel } from '../schema';
import { m } from './messages';

const [INITIAL, FINAL, EXECUTED] = (['budget_initial', 'budget_final', 'executed'] as const).map(
	(c) => columnLabel('evaluations', c)
);

export const U = {
	// The list of units (/units/).
	units: m('单位', 'Units'),
	region: columnLabel('units', 'region'),
	sector: columnLabel('units', 'sector'),
	firstYear: m('首年', 'First year'),
	lastYear: m('末年', 'Last year'),
	readingImported: m('正在读取导入数据中的单位…', 'Reading the units of your imported data…'),
	countImported: m(
		'你导入的数据中共 {n} 个预算单位。',
		'{n} budget units in the data you imported.'
	),
	countPublished: m(
		'共 {n} 个预算单位。★ 公开文件录入；“合成”为虚构的演示单位。',
		'{n} budget units. ★ transcribed from published documents; “Synthetic” units are fictional demo data.'
	),

	// A unit's header.
	unitId: m('单位编号', 'ID'),
	syntheticUnit: m(
		'这是合成演示单位：名称、地区和数字均为虚构，仅用于演示。',
		'A synthetic demo unit: its name, place and figures are fictional.'
	),
	publishedOnly: m(
		'此页按发布的数据预先生成，不含你导入的数据。',
		'This page shows the published data, not your import.'
	),
	seeImported: m('查看导入数据中的这个单位', 'See this unit in your imported data'),
	formsByYear: m('各年自评表', 'Forms by year'),
	formsByYearLead: m('各年自评表：', 'Forms by year:'),

	// A unit's profile.
	yearsAtGlance: m('历年概况', 'Years at a glance'),
	auditFlags: m('审计疑点', 'Audit flags'),
	noFlags: m(
		'按审计规则，本单位各表的数字与自评相互印证，未发现疑点。',
		'By the audit’s rules, this unit’s figures support its self-scores: no flags.'
	),
	flagsIntro: m(
		'共 {n} 个疑点：表内数字不支持的自评或印错的数字。每条都引用了表上的数字。',
		'{n} flags: self-scores or printed figures that the forms’ own numbers do not support, each quoting the numbers.'
	),
	openAudit: m('在审计页查看 →', 'Open in the audit →'),
	allYears: m('历年', 'all years'),
	department: m('部门整体', 'department'),
	seeForm: m('看表', 'form'),
	moreFlags: m('其余 {n} 个疑点见审计页 →', '{n} more in the audit →'),
	budgetTitle: m('预算与执行', 'Budget and execution'),
	budgetDesc: m(
		`部门整体表：${INITIAL.zh}、${FINAL.zh}、${EXECUTED.zh}（柱），执行率（折线，右轴；虚线 90%）。`,
		'Department form: initial, final and executed budget (bars); execution rate (line, right axis; dashed 90%).'
	),
	budgetAlt: m('{name}各年预算与执行率', '{name}: budget and execution rate by year'),
	scoreTitle: m('自评得分', 'Self-score'),
	scoreDesc: m(
		'部门整体表，折算百分制；虚线为按评分规则由表内数字重算的得分；底色为等级区间。',
		'Department form, on 100 points; dashed: the score the rules give from the form’s own figures; bands are the grades.'
	),
	scoreAlt: m('{name}各年自评得分', '{name}: self-score by year'),
	spendEconomic: m('支出结构：按经济分类', 'Spending by economic class'),
	spendNature: m('支出结构：基本支出与项目支出', 'Spending: basic vs project'),
	spendDesc: m(
		'部门整体表；有执行数时用执行数，否则用预算数（见表格“口径”列）。',
		'Department form; executed where printed, else the budget (see the Basis column).'
	),
	amount: m('金额（万元）', 'Amount (万元)'),
	basis: m('口径', 'Basis'),
	basisExecuted: m('执行数', 'executed'),
	basisBudget: m('预算数', 'budget'),
	item: m('项目', 'Item'),
	project: m('项目名称', 'Project'),
	domain: m('业务数据', 'Domain figures'),
	metric: m('指标', 'Metric'),
	value: m('数值', 'Value'),
	printed: m('原文', 'As printed'),
	unitOfMeasure: m('单位', 'Unit'),
	cases: m('案件数据', 'Case figures'),
	casesAlt: m('{name}各年案件数据', '{name}: case figures by year'),
	projectForms: m('项目自评表', 'Project forms'),
	formsOfYear: m('{year} 年度自评表', 'Forms of {year}'),
	yearPending: m(
		'正在读取 {year} 年度的自评表（查询引擎加载中）…',
		'Reading the forms of {year} (the query engine is loading)…'
	),
	noFormsInYear: m('本单位没有 {year} 年度的自评表。', 'This unit filed no forms for {year}.'),
	yearNeedsJs: m(
		'所选年度的自评表要在浏览器中用 JavaScript 读取，请开启 JavaScript。不开 JavaScript，本页只有最新年度（{year} 年）的自评表。',
		'The forms of the year you chose are read in your browser and need JavaScript: please turn it on. Without JavaScript this page holds only the latest year’s forms ({year}).'
	),
	yearPublishedOnly: m(
		'此页只预先生成了发布数据最新年度的自评表；{year} 年度见导入数据中的这个单位。',
		'This page holds only the published data’s latest forms; for {year}, see this unit in your imported data.'
	),
	/** The download's header of the metric's label column. */
	metricLabelHeader: m('指标', 'label'),

	// A unit of imported data, computed in the browser (/imported/unit/).
	unit: m('单位', 'Unit'),
	noSuchUnit: m('没有这个单位：{id}', 'No such unit: {id}'),
	computing: m('正在本浏览器中计算单位页面…', 'Computing the unit page in this browser…'),
	computeFailed: m(
		'无法在本浏览器中计算单位页面：{error}',
		'The unit page could not be computed in this browser: {error}'
	),
	moved: m(
		'此页已移至“导入数据中的单位”页 →',
		'This page has moved to the imported-data unit page →'
	)
} as const;
