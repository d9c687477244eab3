// Texts the chart builders write themselves (axis names, series names) and the axis units callers pass to them.
import { m } from './messages';

export const C = {
	execRateAxis: m('执行率 %', 'Execution rate %'),
	execRate: m('执行率', 'Execution rate'),
	rateAxis: m('执行率 %', 'Rate %'),
	score: m('得分', 'Score'),
	forms: m('表数', 'Forms'),
	scoreAxis: m('得分（百分制）', 'Score (of 100)'),
	selfScore: m('自评得分', 'Self-score'),
	recomputed: m('按规则重算', 'Recomputed by the rules'),
	initial: m('年初预算数', 'Initial'),
	final: m('全年预算数', 'Final'),
	executed: m('全年执行数', 'Executed'),
	median: m('中位数', 'Median'),
	band: m('四分位区间', 'Interquartile range'),
	/** Axis units. */
	wan: m('万元', '10k yuan'),
	count: m('件 / 人', 'Count'),
	points: m('分', 'points')
} as const;
