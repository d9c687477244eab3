// Option builders of the unit profile: budget and execution by year, score trend, spending structure.
import { C } from '../i18n/charts';
import { inLang, type Lang } from '../i18n/text';
import type { SpendingRow, UnitYearRow } from '../queries/unit';
import { columnLabel } from '../schema';
import { yearsFrame } from './base';
import type { ChartOption } from './echarts';
import { EXEC_THRESHOLD } from './exec-rate';
import { GRADE_AREAS } from './score-dist';
import { COLOR } from './theme';

const frame = (years: number[]) => yearsFrame(years, { left: 64, right: 56, top: 44, bottom: 28 });

/** Bars of initial, final and executed budget with the execution rate as a line on its own axis. */
export function unitBudgetOption(lang: Lang, rows: readonly UnitYearRow[]): ChartOption {
	const asc = [...rows].sort((a, b) => a.year - b.year);
	return {
		...frame(asc.map((r) => r.year)),
		yAxis: [
			{
				type: 'value',
				name: inLang(C.wan, lang),
				splitLine: { lineStyle: { color: COLOR.grid } }
			},
			{
				type: 'value',
				name: inLang(C.rateAxis, lang),
				min: 0,
				max: (v: { max: number }) => Math.max(110, Math.ceil(v.max / 10) * 10),
				splitLine: { show: false }
			}
		],
		series: [
			{
				type: 'bar',
				name: inLang(columnLabel('evaluations', 'budget_initial'), lang),
				data: asc.map((r) => r.budget_initial),
				itemStyle: { color: '#c7d2de' },
				barMaxWidth: 16
			},
			{
				type: 'bar',
				name: inLang(columnLabel('evaluations', 'budget_final'), lang),
				data: asc.map((r) => r.budget_final),
				itemStyle: { color: COLOR.synthetic },
				barMaxWidth: 16
			},
			{
				type: 'bar',
				name: inLang(columnLabel('evaluations', 'executed'), lang),
				data: asc.map((r) => r.executed),
				itemStyle: { color: COLOR.published },
				barMaxWidth: 16
			},
			{
				type: 'line',
				name: inLang(C.execRate, lang),
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
export function scoreTrendOption(lang: Lang, rows: readonly UnitYearRow[]): ChartOption {
	const asc = [...rows].sort((a, b) => a.year - b.year);
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
			name: inLang(C.scoreAxis, lang),
			min: lo,
			max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)),
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		series: [
			{
				type: 'line',
				name: inLang(C.selfScore, lang),
				data: scores,
				itemStyle: { color: COLOR.published },
				markArea: {
					silent: true,
					label: { color: COLOR.axis, position: 'insideRight' },
					data: GRADE_AREAS.filter((g) => g.to > lo).map((g) => [
						{
							yAxis: Math.max(g.from, lo),
							name: inLang(g.label, lang),
							itemStyle: { color: g.color }
						},
						{ yAxis: Math.min(g.to, 101) }
					])
				}
			},
			{
				type: 'line',
				name: inLang(C.recomputed, lang),
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
	lang: Lang,
	rows: readonly SpendingRow[],
	dimension: SpendingRow['dimension']
): ChartOption {
	const sel = rows.filter((r) => r.dimension === dimension);
	const years = [...new Set(sel.map((r) => r.year))].sort((a, b) => a - b);
	const items = [...new Set(sel.map((r) => r.item))];
	return {
		...frame(years),
		yAxis: {
			type: 'value',
			name: inLang(C.wan, lang),
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
