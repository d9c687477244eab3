// The search's texts (搜索): the header box, the results page, its groups and the fields a match is in.
import { columnLabel } from '../schema';
import { m } from './messages';

export const SEARCH = {
	nav: m('搜索', 'Search'),
	box: m('搜索单位、项目、指标、原因', 'Search units, projects, indicators, reasons'),
	placeholder: m('搜索…', 'Search…'),
	shortcut: m('按 / 键定位到搜索框', 'Press / to search'),
	button: m('搜索', 'Search'),
	heading: m('搜索', 'Search'),
	headingFor: m('搜索“{q}”', 'Search “{q}”'),
	intro: m(
		'在单位名称（全称、简称）、项目名称、三级指标、年度指标值、指标偏差原因、执行率偏差原因、预期目标、实际完成情况、存在的问题与改进措施中查找。中文按词切分（Intl.Segmenter）并以双字索引，结果均为原文中的完整匹配；多个词用空格分开，须全部出现。',
		'Searches unit names (full and short), project names, indicators, targets, deviation reasons, execution reasons, planned and achieved goals, problems and improvements. Chinese is cut into words (Intl.Segmenter) and indexed by character pairs; every result contains the text exactly. Separate several words with spaces: all must appear.'
	),
	noScript: m(
		'搜索在浏览器中运行，需要启用 JavaScript。',
		'The search runs in your browser: it needs JavaScript.'
	),
	loading: m('正在载入搜索索引…', 'Loading the search index…'),
	building: m('正在为导入的数据建立搜索索引…', 'Indexing the imported data…'),
	failed: m('搜索索引载入失败：{error}', 'The search index failed to load: {error}'),
	empty: m('请输入要搜索的文字。', 'Type something to search for.'),
	none: m('没有找到包含“{q}”的内容。', 'Nothing contains “{q}”.'),
	summary: m('共 {n} 条结果', '{n} results'),
	words: m(
		'没有内容完整包含“{q}”；以下结果分别包含其中每个词：{words}。',
		'Nothing contains “{q}” as typed; these results contain each of its words: {words}.'
	),
	imported: m('搜索的是你导入的数据。', 'Searching the data you imported.'),
	showMore: m('再显示 {k} 条（已显示 {shown} / {n} 条）', 'Show {k} more ({shown} of {n} shown)'),
	showFewer: m('只显示前 {n} 条', 'Show the first {n}'),
	department: m('部门整体支出', 'Department form'),
	project: m('项目支出', 'Project form'),
	indicatorNo: m('第 {seq} 项指标', 'indicator {seq}'),
	yearOf: m('{year} 年', '{year}'),
	ms: m('用时 {ms} 毫秒', '{ms} ms')
};

/** The result groups' headings. */
export const GROUP_LABEL = {
	units: m('单位', 'Units'),
	forms: m('自评表', 'Forms'),
	indicators: m('指标', 'Indicators'),
	reasons: m('原因与目标', 'Reasons and goals')
};

/** The field a match is in: the schema's column labels. */
export const FIELD_LABEL = {
	name: columnLabel('units', 'name'),
	short_name: columnLabel('units', 'short_name'),
	project_name: columnLabel('evaluations', 'project_name'),
	exec_reason: columnLabel('evaluations', 'exec_reason'),
	goal_planned: columnLabel('evaluations', 'goal_planned'),
	goal_achieved: columnLabel('evaluations', 'goal_achieved'),
	problems: columnLabel('evaluations', 'problems'),
	improvements: columnLabel('evaluations', 'improvements'),
	level3: columnLabel('indicators', 'level3'),
	target_text: columnLabel('indicators', 'target_text'),
	deviation_reason: columnLabel('indicators', 'deviation_reason')
};
