// ECharts, tree-shaken to what Jixiao draws; renders SVG strings for prerendered pages.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	HeatmapChart,
	LineChart,
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkAreaComponent,
	MarkLineComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent,
	CanvasRenderer,
	SVGRenderer
]);

export type ChartOption = echarts.EChartsCoreOption;
export { echarts };

/** Draws an option into an SVG string without a DOM (server side, for the prerendered HTML). */
export function renderSvg(option: ChartOption, width: number, height: number): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	chart.setOption({ ...option, animation: false });
	const svg = chart.renderToSVGString();
	chart.dispose();
	return quoteFonts(svg);
}

/**
 * ECharts writes a font-family into style="…" as it is given: a double-quoted family name there
 * would end the attribute, and the browser would drop the font (and the rest of the style).
 */
function quoteFonts(svg: string): string {
	return svg.replace(/font-family:([^;<>]*);/g, (_, family: string) =>
		family.includes('"') ? `font-family:${family.replaceAll('"', "'")};` : `font-family:${family};`
	);
}
