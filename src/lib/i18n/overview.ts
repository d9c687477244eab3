// Texts of the overview (总览) of a year, beside the shared words in messages.ts.
import { m } from './messages';

export const O = {
	scoreBin: m('得分区间', 'Score bin'),
	lowExec: m('执行率低于 90% 的表', 'Forms below 90% execution'),
	lowExecHint: m(
		'部门整体与项目表；执行数 ÷ 全年预算数',
		'department and project forms; executed ÷ final budget'
	),
	inflated: m('自评偏高 ≥ 5 分的表', 'Forms inflated by 5+ points'),
	likeForLike: m('同口径（{n} 个单位）', 'like-for-like ({n} units)'),
	likeForLikeTitle: m(
		'只计两年的部门整体表都填有预算数、执行数和得分的单位；新出现、不再填报或缺项的单位不影响变化',
		'Only units whose department form gives the budget, executed and score in both years: a unit that appears, leaves or leaves a figure blank does not move the change'
	),
	allUnitsChange: m('全部单位', 'All units'),
	querying: m('正在查询 {year} 年…', 'Querying {year}…'),
	inflatedForms: m('{n} 张表自评比重算高 5 分以上', '{n} forms score 5+ points above the rules')
} as const;
