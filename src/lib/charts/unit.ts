// Option builders of the unit profile: budget and execution by year, score trend, spending structure.
import type { Lang } from '../i18n/lang.svelte';
import type { SpendingRow, UnitYearRow } from '../queries/unit';
import { columnLabel } from '../schema';
import type { ChartOption } from './echarts';
import { EXEC_THRESHOLD } from './exec-rate';
import { GRADE_AREAS } from './score-dist';
import { COLOR, FONT } from './theme';

const frame = (years: number[]) => ({
	textStyle: { fontFamily: FONT },
	aria: { enabled: true },
	animation: false,
	grid: { left: 64, right: 56, top: 44, bottom: 28 },
	tooltip: { trigger: 'axis' as const },
	legend: { top: 0 },
	xAxis: { type: 'category' as const, data: years.map(String), axisLabel: { color: COLOR.axis } }
});

/** Bars of initial, final and executed budget with the execution rate as a line on its own axis. */
export function unitBudgetOption(rows: readonly UnitYearRow[], lang: Lang = 'zh'): ChartOption {
	const asc = [...rows].sort((a, b) => a.year - b.year);
	const zh = lang === 'zh';
	return {
		...frame(asc.map((r) => r.year)),
		yAxis: [
			{
				type: 'value',
				name: zh ? '万元' : '10k yuan',
				splitLine: { lineStyle: { color: COLOR.grid } }
			},
			{
				type: 'value',
				name: zh ? '执行率 %' : 'Rate %',
				min: 0,
				max: (v: { max: number }) => Math.max(110, Math.ceil(v.max / 10) * 10),
				splitLine: { show: false }
			}
		],
		series: [
			{
				type: 'bar',
				name: columnLabel('evaluations', 'budget_initial')[lang],
				data: asc.map((r) => r.budget_initial),
				itemStyle: { color: '#c7d2de' },
				barMaxWidth: 16
			},
			{
				type: 'bar',
				name: columnLabel('evaluations', 'budget_final')[lang],
				data: asc.map((r) => r.budget_final),
				itemStyle: { color: COLOR.synthetic },
				barMaxWidth: 16
			},
			{
				type: 'bar',
				name: columnLabel('evaluations', 'executed')[lang],
				data: asc.map((r) => r.executed),
				itemStyle: { color: COLOR.published },
				barMaxWidth: 16
			},
			{
				type: 'line',
				name: zh ? '执行率' : 'Execution rate',
				yAxisIndex: 1,
				data: asc.map((r) =>
					r.exec_rate === null ? null : Number((r.exec_rate * 100).toFixed(2))
				),
				itemStyle: { color: COLOR.below },
				markLine: {
					symbol: 'none',
					silent: true,
					lineStyle: { color: COLOR.line, type: 'dashed' },
					data: [{ yAxis: EXEC_THRESHOLD * 100 }]
				}
			}
		]
	};
}

/** The self-score (100-point scale) by year over the grade bands. */
export function scoreTrendOption(rows: readonly UnitYearRow[], lang: Lang = 'zh'): ChartOption {
	const asc = [...rows].sort((a, b) => a.year - b.year);
	const zh = lang === 'zh';
	const scores = asc.map((r) =>
		r.total_score !== null && r.total_weight
			? Number(((r.total_score / r.total_weight) * 100).toFixed(2))
			: null
	);
	const recomputed = asc.map((r) =>
		r.recomputed_pct === null ? null : Number(r.recomputed_pct.toFixed(2))
	);
	const lo = Math.min(
		80,
		...[...scores, ...recomputed]
			.filter((s): s is number => s !== null)
			.map((s) => Math.floor(s / 5) * 5)
	);
	return {
		...frame(asc.map((r) => r.year)),
		yAxis: {
			type: 'value',
			name: zh ? '得分（百分制）' : 'Score (of 100)',
			min: lo,
			max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)),
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		series: [
			{
				type: 'line',
				name: zh ? '自评得分' : 'Self-score',
				data: scores,
				itemStyle: { color: COLOR.published },
				markArea: {
					silent: true,
					label: { color: COLOR.axis, position: 'insideRight' },
					data: GRADE_AREAS.filter((g) => g.to > lo).map((g) => [
						{
							yAxis: Math.max(g.from, lo),
							name: g.label[lang],
							itemStyle: { color: g.color }
						},
						{ yAxis: Math.min(g.to, 101) }
					])
				}
			},
			{
				type: 'line',
				name: zh ? '按规则重算' : 'Recomputed by the rules',
				data: recomputed,
				itemStyle: { color: COLOR.below },
				lineStyle: { type: 'dashed' }
			}
		]
	};
}

const PALETTE = ['#9b1c1c', '#6b8fb5', '#d97706', '#047857', '#7c3aed', '#64748b'];

/** Stacked bars per year, one stack segment per item (economic class, or basic vs project). */
export function spendingOption(
	rows: readonly SpendingRow[],
	dimension: SpendingRow['dimension'],
	lang: Lang = 'zh'
): ChartOption {
	const sel = rows.filter((r) => r.dimension === dimension);
	const years = [...new Set(sel.map((r) => r.year))].sort((a, b) => a - b);
	const items = [...new Set(sel.map((r) => r.item))];
	return {
		...frame(years),
		yAxis: {
			type: 'value',
			name: lang === 'zh' ? '万元' : '10k yuan',
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		series: items.map((item, i) => ({
			type: 'bar',
			name: item,
			stack: 'total',
			barMaxWidth: 28,
			itemStyle: { color: PALETTE[i % PALETTE.length] },
			data: years.map((y) => sel.find((r) => r.year === y && r.item === item)?.amount ?? null)
		}))
	};
}
