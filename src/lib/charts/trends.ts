// Option builders for trends over the years: a median line in its interquartile band, grouped bars, lines.
import { C } from '../i18n/charts';
import { inLang, type Label, type Lang } from '../i18n/text';
import { yearsFrame } from './base';
import type { ChartOption } from './echarts';
import { COLOR } from './theme';

const frame = (years: number[]) => yearsFrame(years, { left: 56, right: 24, top: 40, bottom: 32 });

export interface BandInput {
	years: number[];
	q1: (number | null)[];
	median: (number | null)[];
	q3: (number | null)[];
	/** Multiplies values for display (100 for rates). */
	scale: number;
	/** The value axis's name. */
	axis: Label;
	/** A reference line (90 for the execution-rate rule). */
	threshold?: number;
}

/** Median as a line inside the shaded band between the first and third quartile. */
/** The interquartile band, in its area and its legend mark. */
const BAND_COLOR = 'rgba(107,143,181,0.25)';

export function bandOption(lang: Lang, b: BandInput): ChartOption {
	const v = (x: number | null) => (x === null ? null : Number((x * b.scale).toFixed(2)));
	const t = b.threshold;
	const [median, band] = [inLang(C.median, lang), inLang(C.band, lang)];
	return {
		...frame(b.years),
		legend: { top: 0, data: [median, band] },
		yAxis: {
			type: 'value',
			name: inLang(b.axis, lang),
			scale: true,
			// Keep the reference line in view even when every value is above it.
			min: t === undefined ? undefined : (v: { min: number }) => Math.floor(Math.min(v.min, t - 1)),
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		series: [
			{
				type: 'line',
				name: 'q1',
				stack: 'band',
				data: b.q1.map(v),
				lineStyle: { opacity: 0 },
				symbol: 'none',
				tooltip: { show: false }
			},
			{
				type: 'line',
				name: band,
				stack: 'band',
				data: b.q3.map((x, i) =>
					x === null || b.q1[i] === null
						? null
						: Number(((x - (b.q1[i] as number)) * b.scale).toFixed(2))
				),
				lineStyle: { opacity: 0 },
				symbol: 'none',
				// The legend's mark takes the series' colour: the band's, not the next in the palette.
				itemStyle: { color: BAND_COLOR },
				areaStyle: { color: BAND_COLOR }
			},
			{
				type: 'line',
				name: median,
				data: b.median.map(v),
				itemStyle: { color: COLOR.published },
				markLine: b.threshold
					? {
							symbol: 'none',
							silent: true,
							lineStyle: { color: COLOR.line, type: 'dashed' },
							data: [{ yAxis: b.threshold }]
						}
					: undefined
			}
		]
	};
}

export interface SeriesInput {
	name: Label;
	data: (number | null)[];
	color?: string;
}

/** One series per input over the years, drawn as bars or lines, on a value axis named `axis`. */
function perYearOption(
	kind: 'bar' | 'line',
	lang: Lang,
	years: number[],
	series: SeriesInput[],
	axis: Label
): ChartOption {
	return {
		...frame(years),
		yAxis: {
			type: 'value',
			name: inLang(axis, lang),
			splitLine: { lineStyle: { color: COLOR.grid } }
		},
		series: series.map((s) => ({
			type: kind,
			name: inLang(s.name, lang),
			data: s.data,
			itemStyle: s.color ? { color: s.color } : undefined,
			...(kind === 'bar' ? { barMaxWidth: 22 } : { connectNulls: false })
		}))
	};
}

/** Bars side by side per year (e.g. final budget and executed). */
export function barsOption(
	lang: Lang,
	years: number[],
	series: SeriesInput[],
	axis: Label
): ChartOption {
	return perYearOption('bar', lang, years, series, axis);
}

/** Lines per year (e.g. case figures); a missing year is a gap, not a zero. */
export function linesOption(
	lang: Lang,
	years: number[],
	series: SeriesInput[],
	axis: Label
): ChartOption {
	return perYearOption('line', lang, years, series, axis);
}
