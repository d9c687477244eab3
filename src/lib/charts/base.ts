// The option every chart starts from (font, ARIA description, no animation), and the frame of a chart over the years.
import type { ChartOption } from './echarts';
import { COLOR, FONT } from './theme';

/** What every chart shares; a builder spreads it first and adds its own parts. */
export const BASE_OPTION = {
	textStyle: { fontFamily: FONT },
	aria: { enabled: true },
	animation: false
} as const satisfies ChartOption;

/** A chart with the years along the x axis: axis tooltip, legend on top. */
export function yearsFrame(
	years: readonly number[],
	grid: { left: number; right: number; top: number; bottom: number }
) {
	return {
		...BASE_OPTION,
		grid,
		tooltip: { trigger: 'axis' as const },
		legend: { top: 0 },
		xAxis: { type: 'category' as const, data: years.map(String), axisLabel: { color: COLOR.axis } }
	};
}
