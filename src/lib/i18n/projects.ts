// The projects page's texts (项目), in Chinese and English.
import { m } from './messages';

export const PROJECTS = {
	heading: m('项目支出自评表', 'Project forms'),
	scoreMin: m('得分不低于', 'Score ≥'),
	scoreMax: m('得分不高于', 'Score ≤'),
	name: m('项目名称', 'Name'),
	// Columns (the project name is the schema's label).
	printed: m('自评得分 / 总分值', 'Score / weight'),
	publishedAt: m('公开来源', 'Published at'),
	historyTitle: m('{unit} · {project}：历年', '{unit} · {project}: over the years'),
	historyDesc: m('{n} 个年度的同名项目自评表。', '{n} years of forms for this project.'),
	historyLabel: m('同一项目各年预算与执行', 'Budget and execution of the same project by year')
} as const;
