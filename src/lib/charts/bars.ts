// Option builder: labelled horizontal bars (largest at the top), for rankings such as miss rates.
import { inLang, type Label, type Lang } from '../i18n/text';
import { BASE_OPTION } from './base';
import type { ChartOption } from './echarts';
import { COLOR } from './theme';

export function hbarOption(
	lang: Lang,
	labels: string[],
	values: (number | null)[],
	axis: Label,
	percent = false,
	/** Per-bar colours, and keys a click handler receives as `data.key`. */
	each: { colors?: readonly string[]; keys?: readonly string[] } = {}
): ChartOption {
	const l = [...labels].reverse();
	const n = values.length;
	const v = [...values].reverse().map((x, ri) => {
		const value = x === null ? null : Number((percent ? x * 100 : x).toFixed(2));
		const i = n - 1 - ri;
		if (!each.colors && !each.keys) return value;
		return {
			value,
			key: each.keys?.[i],
			itemStyle: each.colors ? { color: each.colors[i] } : undefined
		};
	});
	return {
		...BASE_OPTION,
		grid: {
			left: 8,
			right: 48,
			top: 24,
			bottom: 24,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		tooltip: { trigger: 'item', formatter: percent ? '{b}: {c}%' : '{b}: {c}' },
		xAxis: {
			type: 'value',
			name: inLang(axis, lang),
			axisLabel: { color: COLOR.axis, formatter: percent ? '{value}%' : '{value}' },
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		yAxis: {
			type: 'category',
			data: l,
			axisLabel: { color: '#111827', fontSize: 11 },
			axisTick: { show: false }
		},
		series: [
			{
				type: 'bar',
				data: v,
				itemStyle: { color: COLOR.below },
				barMaxWidth: 14,
				label: { show: true, position: 'right', formatter: percent ? '{c}%' : '{c}', fontSize: 10 }
			}
		]
	};
}
