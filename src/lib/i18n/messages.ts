// UI strings in Chinese and English, one place for every view.
import { columnLabel, gradeBandsText } from '../schema';
import type { Bilingual } from './lang.svelte';

/** One catalogue entry: a text in Chinese and English. */
export const m = (zh: string, en: string): Bilingual => ({ zh, en });

/** Column labels the views quote: the schema's, never retyped here. */
const FINAL = columnLabel('evaluations', 'budget_final');
const EXECUTED = columnLabel('evaluations', 'executed');

export const M = {
	navOverview: m('总览', 'Overview'),
	navUnits: m('单位', 'Units'),
	navCompare: m('对比', 'Compare'),
	navTrends: m('趋势', 'Trends'),
	navForms: m('表格', 'Forms'),
	navProjects: m('项目', 'Projects'),
	navIndicators: m('指标', 'Indicators'),
	navAudit: m('审计', 'Audit'),
	navImport: m('导入', 'Import'),
	localBanner: m(
		'正在查看你导入的本地数据：数据只在这个标签页里，没有上传。刷新或关闭标签页，数据即丢失，页面恢复为发布的数据；要保留，请先在“导入”页下载。',
		'You are viewing data you imported: it lives only in this tab and was not uploaded. Reloading or closing the tab drops it and returns to the published data; to keep it, download it on the Import page first.'
	),
	backToPublished: m('恢复为发布数据', 'Back to the published data'),
	navSchema: m('数据格式', 'Data format'),
	langSwitch: m('English', '中文'),
	footerData: m(
		'数据：渌口区纪委监委 2023 年度自评表为公开文件人工录入（★）；其余单位均为合成演示数据，地名与数字均为虚构。',
		'Data: the Lukou 2023 forms are transcribed from the published document (★); all other units are synthetic demo data with fictional names and numbers.'
	),
	footerMoney: m('金额单位：万元', 'Money in 万元 (10,000 yuan)'),
	yearOverview: m('{year} 年度总览', 'Overview {year}'),
	year: m('年度', 'Year'),
	units: m('单位数', 'Units'),
	unit: m('单位', 'Unit'),
	forms: m('自评表', 'Forms'),
	projectsOf: m('其中项目 {n} 张', '{n} project forms'),
	finalBudget: FINAL,
	finalBudgetSum: m('全年预算合计', 'Final budget'),
	initialBudget: columnLabel('evaluations', 'budget_initial'),
	executed: EXECUTED,
	executedSum: m('全年执行合计', 'Executed'),
	deptSum: m('部门整体表合计', 'Department forms'),
	execRate: m('执行率', 'Execution rate'),
	execRateAll: m('总体执行率', 'Execution rate'),
	execRateHint: m(`执行数 ÷ ${FINAL.zh}`, 'executed ÷ final budget'),
	medianScore: m('自评得分中位数', 'Median self-score'),
	medianScoreHint: m('部门整体表，折算百分制', 'department forms, on 100 points'),
	selfScore: columnLabel('audit_forms', 'self_score'),
	scorePct: m('得分（百分制）', 'Score (of 100)'),
	totalWeight: columnLabel('evaluations', 'total_weight'),
	gradeComputed: m('等级（折算）', 'Grade (computed)'),
	projectForms: m('项目表', 'Project forms'),
	source: m('来源', 'Source'),
	vsLastYear: m('较上年', 'vs last year'),
	changeScore: m('得分变化', 'Score change'),
	changeRate: m('执行率变化（百分点）', 'Rate change (pp)'),
	syntheticNotice: m(
		'本年度 {forms} 张自评表中 {synthetic} 张为合成演示数据（虚构单位，条纹标记），{published} 张为公开文件录入（★）。',
		'{synthetic} of {forms} forms this year are synthetic demo data (fictional units, striped); {published} are transcribed from published documents (★).'
	),
	execByUnit: m('各单位预算执行率', 'Execution rate by unit'),
	execByUnitDesc: m(
		`部门整体支出，执行率 = ${EXECUTED.zh} ÷ ${FINAL.zh}（按表内数字重算）；虚线为 90%，低于此线须说明原因（橙色）。★ 公开数据，条纹 = 合成演示数据。`,
		'Department forms; rate = executed ÷ final budget, recomputed from the printed figures. Dashed line: 90%, below which the rules require an explanation (orange). ★ published, stripes = synthetic.'
	),
	execByUnitAlt: m(
		'{year} 年各单位部门整体预算执行率，从高到低排列，共 {n} 个单位',
		'Execution rate of each unit’s department form in {year}, highest first, {n} units'
	),
	execLowest: m(
		'执行率最低的 {n} 个单位（共 {total} 个；全部单位见下方排名）',
		'The {n} units with the lowest execution rates (of {total}; every unit is in the ranking below)'
	),
	execLowestAlt: m(
		'{year} 年部门整体预算执行率最低的 {n} 个单位（共 {total} 个），从高到低排列',
		'The {n} lowest execution rates of department forms in {year} (of {total} units), highest first'
	),
	scoreDist: m('自评得分分布', 'Distribution of self-scores'),
	scoreDistDesc: m(
		`部门整体表自评得分（折算百分制）；底色为等级：${gradeBandsText((b) => b.grade, '，')}。`,
		`Department forms’ self-scores on 100 points; bands: ${gradeBandsText((b) => b.label.en, ', ')}.`
	),
	scoreDistAlt: m(
		'{year} 年 {n} 张部门整体表的自评得分分布',
		'Self-scores of {n} department forms in {year}'
	),
	formsCount: m('表数', 'Forms'),
	ranking: m('单位排名', 'Ranking of units'),
	tableView: m('表格', 'Table'),
	chartView: m('图表', 'Chart'),
	downloadPng: m('下载 PNG', 'PNG'),
	downloadWhenLoaded: m(
		'查询引擎加载后即可下载全部行',
		'Every row can be downloaded once the query engine has loaded'
	),
	pngWhenDrawn: m('图表绘制完成后可下载 PNG', 'The PNG can be downloaded once the chart is drawn'),
	sortBy: m('按此列排序', 'Sort by this column'),
	searchButton: m('搜索', 'Search'),
	dbReady: m('● 交互查询已就绪', '● Interactive queries ready'),
	dbFailed: m(
		'● 交互查询不可用，显示预先计算的数字',
		'● Interactive queries unavailable; showing prerendered figures'
	),
	dbLoading: m(
		'○ 预先计算的数字；交互查询加载中',
		'○ Prerendered figures; loading the query engine…'
	),
	dbIdle: m('○ 预先计算的数字', '○ Prerendered figures'),
	published: m('★ 公开', '★ Published'),
	synthetic: m('合成', 'Synthetic'),
	publishedTitle: m('公开文件录入', 'Transcribed from a published document'),
	syntheticTitle: m(
		'合成演示数据：虚构单位与数字',
		'Synthetic demo data: fictional unit and figures'
	),
	loading: m('查询中…', 'Querying…'),
	heldBack: m(
		'此筛选涵盖的数据约 {size}，尚未载入。',
		'This filter reads about {size} of data, not loaded yet.'
	),
	fetchHeld: m('载入并查询（约 {size}）', 'Load and query (about {size})'),
	narrowHeld: m('只看 {year} 年', 'Only {year}'),
	pendingFilter: m(
		'正在按所选条件查询（查询引擎加载中）…',
		'Applying the filter (the query engine is loading)…'
	),
	recomputedPct: columnLabel('audit_forms', 'recomputed_pct'),
	inflation: columnLabel('audit_forms', 'gap'),
	inflationHint: m(
		'自评得分减去按规则重算的得分（百分制）；正数表示自评偏高',
		'Self-score minus the score the rules give (of 100); positive means inflated'
	),
	flags: m('疑点', 'Flags'),

	// Documents on /data/ and the source of a figure on the unit pages.
	docsTitle: m('文档识别结果（载入前请核对）', 'Documents as read (check before loading)'),
	docsIntro: m(
		'下面按原样列出从每份文档读到的自评表：左边是文档所印的文字，右边是据此取用的值。文档没有写明的单位信息请在下方填写。',
		'Each form read from each document, as printed, beside the value taken from it. Give below what the document does not say about its unit.'
	),
	docFormat: m('格式', 'Format'),
	docMs: m('读取用时 {ms} 毫秒', 'read in {ms} ms'),
	docNotLoaded: m('此文档不会载入', 'This document will not be loaded'),
	docIncluded: m('此文档的数据已加入本次导入', 'Its rows are in this import'),
	docWaiting: m('请填写：{fields}', 'Fill in: {fields}'),
	docFieldsTitle: m('文档未写明的单位信息', 'What the document does not say'),
	docMatched: m('已按名称匹配到已载入的单位 {id}', 'Matched by name to the loaded unit {id}'),
	docRequired: m('必填', 'required'),
	docForms: m('识别出 {n} 张自评表', '{n} form(s) recognised'),
	docDept: m('部门整体支出绩效自评表', 'Department form'),
	docProject: m('项目支出绩效自评表', 'Project form'),
	docYear: m('{year} 年度', 'year {year}'),
	docNoYear: m('未印年度', 'no year printed'),
	docUnitName: m('单位', 'Unit'),
	docProjectName: m('项目', 'Project'),
	docBudget: m('预算执行', 'Budget execution'),
	docField: m('栏目', 'Field'),
	docPrinted: m('文档所印', 'As printed'),
	docTaken: m('取用的值', 'Value taken'),
	docPlace: m('位置', 'Place'),
	docIndicators: m('绩效指标（{n} 行）', 'Indicators ({n} rows)'),
	docTotal: m('总分', 'Total'),
	docCutOff: m(
		'文档在这张表的总分行之前结束：表被截断，只读到文档所印的部分，没有补全。',
		'The document ends before this form’s total row: the form is cut off, read as far as it goes, nothing invented.'
	),
	docFilled: m('沿用上一行（合并单元格）', 'continued from the row above (merged cell)'),
	docNotes: m('读取说明 {n} 条', '{n} reader note(s)'),
	docValues: m(
		'从这份文档取用的全部数值 {n} 个（含资金、业务数据与目标、问题）',
		'every value taken from this document: {n} (funding, figures, goals and problems included)'
	),
	docValueWhere: m('去向（表 · 行 · 列）', 'Goes to (table · row · column)'),
	noteError: m('错误', 'error'),
	noteWarning: m('提示', 'warning'),
	noteInfo: m('说明', 'info'),
	loadBlocked: m(
		'还不能载入：{file} 缺少必填信息（{fields}）',
		'Cannot load yet: {file} lacks a required field ({fields})'
	),
	provenanceDefault: columnLabel('evaluations', 'provenance'),
	provenanceDefaultHint: m(
		'此文件没有“数据来源性质（provenance）”列：所有行取这里选择的值',
		'This file has no provenance column: every row takes the value chosen here'
	),
	sourceOf: m('此数值的出处', 'Where this figure was read'),
	sourceFile: columnLabel('trace', 'file'),
	sourcePlace: m('位置', 'Place'),
	sourcePrinted: m('原文', 'As printed'),
	sourceContext: m('所在语句', 'Sentence'),

	// The controls and status line every filterable page shares.
	allYears: m('全部年度', 'All years'),
	allUnits: m('全部单位', 'All units'),
	queryFailed: m('查询失败：{error}', 'Query failed: {error}'),
	formDepartment: m('部门整体', 'Department'),
	form: m('自评表', 'Form'),
	wanAxis: m('万元', '10k yuan'),

	// Columns the overview and compare share.
	budgetChange: m('预算变化', 'Budget change')
} as const;

/** Fills {name} placeholders (prefer `tr(entry, values)`). */
export { fill } from './lang.svelte';
