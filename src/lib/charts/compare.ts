// Option builders of the compare page: one line per unit over the years, and a units × groups heatmap.
import { inLang, type Label, type Lang } from '../i18n/text';
import { BASE_OPTION, yearsFrame } from './base';
import type { ChartOption } from './echarts';
import { COLOR, NAME_LABEL } from './theme';

const PALETTE = ['#9b1c1c', '#2563eb', '#d97706', '#047857', '#7c3aed', '#0891b2'];

export interface UnitSeries {
	name: string;
	values: (number | null)[];
}

export function compareLinesOption(
	lang: Lang,
	years: number[],
	units: UnitSeries[],
	axis: Label,
	threshold?: number
): ChartOption {
	return {
		...yearsFrame(years, { left: 56, right: 16, top: 44, bottom: 28 }),
		color: PALETTE,
		tooltip: { trigger: 'axis', axisPointer: { type: 'line' }, confine: true },
		legend: { top: 0, type: 'scroll', textStyle: NAME_LABEL, tooltip: { show: true } },
		yAxis: {
			type: 'value',
			name: inLang(axis, lang),
			scale: true,
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		series: units.map((u, i) => ({
			type: 'line',
			name: u.name,
			data: u.values,
			connectNulls: false,
			markLine:
				i === 0 && threshold !== undefined
					? {
							symbol: 'none',
							silent: true,
							lineStyle: { color: COLOR.line, type: 'dashed' },
							data: [{ yAxis: threshold }]
						}
					: undefined
		}))
	};
}

export function heatOption(
	lang: Lang,
	units: string[],
	groups: string[],
	cells: [number, number, number | null][],
	label: Label
): ChartOption {
	return {
		...BASE_OPTION,
		grid: {
			left: 8,
			right: 16,
			top: 16,
			bottom: 64,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		tooltip: { position: 'top' },
		xAxis: {
			type: 'category',
			data: groups,
			axisLabel: { rotate: 30, fontSize: 11 },
			splitArea: { show: true }
		},
		yAxis: {
			type: 'category',
			data: units,
			axisLabel: { fontSize: 11, ...NAME_LABEL },
			splitArea: { show: true }
		},
		visualMap: {
			min: 50,
			max: 100,
			calculable: false,
			orient: 'horizontal',
			left: 'center',
			bottom: 0,
			text: ['100%', '50%'],
			inRange: { color: ['#d97706', '#fef3c7', '#047857'] }
		},
		series: [
			{
				type: 'heatmap',
				name: inLang(label, lang),
				data: cells.map(([x, y, v]) => [x, y, v === null ? '-' : Number((v * 100).toFixed(1))]),
				label: {
					show: true,
					fontSize: 10,
					formatter: (p: { value: [number, number, number | string] }) => `${p.value[2]}`
				}
			}
		]
	};
}
