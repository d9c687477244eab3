// The forms grid's texts (表格总览), in Chinese and English.
import { m } from './messages';

export const FORMS_TEXT = {
	heading: m('表格总览：全部自评表', 'Forms grid: every self-evaluation form'),
	lede: m(
		'每行一张自评表（部门整体与项目）：预算、执行率、执行偏差原因、自评得分与按规则重算的得分、偏高分值和审计疑点。点击列标题排序，筛选条件保存在链接中；导出包含全部筛选结果。',
		'One row per form (department and project): budget, execution rate, the reason given for execution, the self-score beside the score the rules give, the inflation and the audit flags. Click a column header to sort; the filter lives in the link; the export holds every filtered row.'
	),
	yearFrom: m('起始年度', 'From'),
	yearTo: m('截止年度', 'To'),
	anyYear: m('不限', 'Any'),
	region: m('地区（含下级）', 'Region (and below)'),
	allRegions: m('全部地区', 'All regions'),
	allSectors: m('全部行业', 'All sectors'),
	allForms: m('全部表', 'All forms'),
	formProject: m('项目', 'Project'),
	rate: m('执行率', 'Execution rate'),
	allRates: m('不限', 'Any'),
	band_lt80: m('低于 80%', 'Below 80%'),
	band_lt90: m('低于 90%', 'Below 90%'),
	'band_80-90': m('80%–90%', '80%–90%'),
	'band_90-100': m('90%–100%', '90%–100%'),
	band_gte100: m('100% 及以上', '100% and over'),
	band_none: m('无执行率', 'No rate'),
	rule: m('审计规则', 'Audit rule'),
	allRules: m('不限', 'Any'),
	anyFlag: m('任一疑点', 'Any flag'),
	gapMin: m('自评偏高至少（分）', 'Inflated by at least (points)'),
	clear: m('清除筛选', 'Clear filters'),
	none: m('没有符合筛选条件的表。', 'No form matches the filter.'),
	exportAll: m('导出全部 {n} 行', 'Export all {n} rows'),
	exporting: m('导出中…', 'Exporting…'),
	caption: m('自评表总览', 'Forms grid'),
	// Columns that are not one schema column.
	rateCol: m('执行率（重算）', 'Rate (recomputed)'),
	rateHint: m(
		'执行数 ÷ 全年预算数，按表内数字重算',
		'executed ÷ final budget, recomputed from the printed figures'
	),
	gradeRecomputed: m('等级（重算）', 'Grade (recomputed)'),
	// Links from the summary cards of other pages.
	unitForms: m('在表格总览中查看该单位全部 {n} 张表', 'All {n} forms of this unit in the grid')
} as const;
