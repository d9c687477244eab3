// Option builder: distribution of self-scores (100-point scale) in 1-point bins, over the grade bands.
import { C } from '../i18n/charts';
import { inLang, type Lang } from '../i18n/text';
import { GRADE_BANDS, type Grade } from '../schema';
import { BASE_OPTION } from './base';
import type { ChartOption } from './echarts';
import { COLOR } from './theme';

const BAND_COLOR: Record<Grade, string> = {
	差: 'rgba(185,28,28,0.08)',
	中: 'rgba(217,119,6,0.08)',
	良: 'rgba(37,99,235,0.07)',
	优: 'rgba(4,120,87,0.08)'
};

/** The schema's grade bands as shaded areas, lowest first: from ≤ score < to, on 100 points. */
export const GRADE_AREAS = [...GRADE_BANDS].reverse().map((b, i, up) => ({
	label: b.label,
	from: b.min,
	to: i + 1 < up.length ? up[i + 1].min : 200,
	color: BAND_COLOR[b.grade]
}));

export interface ScoreBin {
	/** Lower edge of the 1-point bin. */
	from: number;
	forms: number;
}

/** Counts scores into 1-point bins from the lowest score's floor to the highest's. */
export function scoreBins(scores: readonly (number | null)[]): ScoreBin[] {
	const xs = scores.filter((s): s is number => s !== null && Number.isFinite(s));
	if (xs.length === 0) return [];
	const lo = Math.floor(Math.min(...xs));
	const hi = Math.floor(Math.max(...xs));
	const bins: ScoreBin[] = [];
	for (let b = lo; b <= hi; b++) bins.push({ from: b, forms: 0 });
	for (const x of xs) bins[Math.floor(x) - lo].forms++;
	return bins;
}

export function scoreDistOption(lang: Lang, bins: readonly ScoreBin[]): ChartOption {
	const lo = bins.length ? bins[0].from : 0;
	const hi = bins.length ? bins[bins.length - 1].from + 1 : 100;
	return {
		...BASE_OPTION,
		grid: { left: 40, right: 16, top: 28, bottom: 36 },
		tooltip: { trigger: 'axis' },
		xAxis: {
			type: 'value',
			min: lo,
			max: hi,
			name: inLang(C.score, lang),
			nameLocation: 'middle',
			nameGap: 24,
			axisLabel: { color: COLOR.axis },
			splitLine: { show: false }
		},
		yAxis: {
			type: 'value',
			minInterval: 1,
			name: inLang(C.forms, lang),
			axisLabel: { color: COLOR.axis },
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		series: [
			{
				type: 'bar',
				name: inLang(C.forms, lang),
				barWidth: '90%',
				data: bins.map((b) => [b.from + 0.5, b.forms]),
				itemStyle: { color: COLOR.synthetic },
				markArea: {
					silent: true,
					label: { color: COLOR.axis, position: 'insideTop' },
					data: GRADE_AREAS.filter((g) => g.to > lo && g.from < hi).map((g) => [
						{
							xAxis: Math.max(g.from, lo),
							name: inLang(g.label, lang),
							itemStyle: { color: g.color }
						},
						{ xAxis: Math.min(g.to, hi) }
					])
				}
			}
		]
	};
}
