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
	inflatedForms: m('{n} 张表自评比重算高 5 分以上', '{n} forms score 5+ points above the rules')
} as const;
