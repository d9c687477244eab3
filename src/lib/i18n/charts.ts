// Texts the chart builders write themselves (axis names, series names) and the axis units callers pass to them.
import { CASE_UNITS } from '../schema';
import { M, m } from './messages';

export const C = {
	execRateAxis: m('执行率 %', 'Execution rate %'),
	execRate: m('执行率', 'Execution rate'),
	rateAxis: m('执行率 %', 'Rate %'),
	score: m('得分', 'Score'),
	forms: m('表数', 'Forms'),
	scoreAxis: m('得分（百分制）', 'Score (of 100)'),
	selfScore: m('自评得分', 'Self-score'),
	recomputed: m('按规则重算', 'Recomputed by the rules'),
	median: m('中位数', 'Median'),
	band: m('四分位区间', 'Interquartile range'),
	/** Axis units. */
	wan: M.wanAxis,
	/** The case figures' units, from the metric dictionary (件 / 人). */
	count: m(CASE_UNITS, 'Count'),
	points: m('分', 'points')
} as const;
