// Option builder: labelled horizontal bars (largest at the top), for rankings such as miss rates.
import type { ChartOption } from './echarts';
import { COLOR, FONT } from './theme';

export function hbarOption(
	labels: string[],
	values: (number | null)[],
	axis: string,
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
		textStyle: { fontFamily: FONT },
		aria: { enabled: true },
		animation: false,
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
			name: axis,
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
