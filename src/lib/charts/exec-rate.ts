// Option builder: execution rate by unit, sorted, with the 90% line the rules ask units to explain below.
import { C } from '../i18n/charts';
import { inLang, type Lang } from '../i18n/text';
import type { UnitExecRow } from '../queries/overview';
import { BASE_OPTION } from './base';
import type { ChartOption } from './echarts';
import { COLOR, NAME_LABEL, SYNTHETIC_DECAL } from './theme';

export const EXEC_THRESHOLD = 0.9;

export function execRateOption(lang: Lang, rows: readonly UnitExecRow[]): ChartOption {
	const data = rows.filter((r) => r.exec_rate !== null);
	// Horizontal bars read best with long Chinese names; ECharts draws the first category at the bottom.
	const ordered = [...data].reverse();
	return {
		...BASE_OPTION,
		grid: {
			left: 8,
			right: 56,
			top: 28,
			bottom: 24,
			outerBoundsMode: 'same',
			outerBoundsContain: 'axisLabel'
		},
		tooltip: { trigger: 'item', formatter: '{b}: {c}%' },
		xAxis: {
			type: 'value',
			name: inLang(C.execRateAxis, lang),
			nameLocation: 'end',
			min: 0,
			max: (v: { max: number }) => Math.max(110, Math.ceil(v.max / 10) * 10),
			axisLabel: { formatter: '{value}%', color: COLOR.axis },
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		yAxis: {
			type: 'category',
			data: ordered.map((r) => (r.provenance === 'synthetic' ? r.short_name : `★ ${r.short_name}`)),
			axisLabel: { color: '#111827', fontSize: 11, ...NAME_LABEL },
			axisTick: { show: false }
		},
		series: [
			{
				type: 'bar',
				name: inLang(C.execRate, lang),
				barMaxWidth: 14,
				cursor: 'pointer',
				data: ordered.map((r) => ({
					value: Number(((r.exec_rate as number) * 100).toFixed(2)),
					unitId: r.unit_id,
					itemStyle: {
						color:
							(r.exec_rate as number) < EXEC_THRESHOLD
								? COLOR.below
								: r.provenance === 'published'
									? COLOR.published
									: COLOR.synthetic,
						decal: r.provenance === 'synthetic' ? SYNTHETIC_DECAL : undefined
					}
				})),
				markLine: {
					symbol: 'none',
					silent: true,
					lineStyle: { color: COLOR.line, type: 'dashed', width: 1.5 },
					label: { formatter: '90%', position: 'end', color: COLOR.line },
					data: [{ xAxis: EXEC_THRESHOLD * 100 }]
				}
			}
		]
	};
}
