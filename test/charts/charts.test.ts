import { describe, expect, it } from 'vitest';
import { echarts, renderSvg } from '../../src/lib/charts/echarts';
import { EXEC_THRESHOLD, execRateOption } from '../../src/lib/charts/exec-rate';
import { heatOption } from '../../src/lib/charts/compare';
import { unitBudgetOption } from '../../src/lib/charts/unit';
import type { UnitExecRow } from '../../src/lib/queries/overview';
import type { UnitYearRow } from '../../src/lib/queries/unit';
import type { Provenance } from '../../src/lib/schema';

const row = (
	unit_id: string,
	exec_rate: number | null,
	provenance: Provenance = 'synthetic',
	short_name = unit_id
): UnitExecRow => ({
	unit_id,
	name: short_name,
	short_name,
	provenance,
	budget_final: 100,
	executed: exec_rate === null ? null : exec_rate * 100,
	exec_rate,
	total_score: 95,
	total_weight: 100,
	score_pct: 95,
	project_forms: 2,
	prev_exec_rate: null,
	prev_score_pct: null,
	prev_budget_final: null,
	recomputed_pct: null,
	gap_pct: null,
	flags: 0
});

type Bar = { value: number; itemStyle: { color: string; decal?: unknown } };
type Opt = {
	yAxis: { data: string[] };
	series: { data: Bar[]; markLine: { data: { xAxis: number }[] } }[];
};

describe('execRateOption', () => {
	const rows = [
		row('a', 1.02),
		row('ref', 1, 'published', '渌口区纪委监委'),
		row('b', 0.85),
		row('none', null)
	];
	const opt = execRateOption('zh', rows) as unknown as Opt;

	it('draws units with a rate, highest at the top (ECharts draws the first category at the bottom)', () => {
		expect(opt.yAxis.data).toEqual(['b', '★ 渌口区纪委监委', 'a']);
		expect(opt.series[0].data.map((d) => d.value)).toEqual([85, 100, 102]);
	});

	it('draws the 90% line and colours units below it', () => {
		expect(opt.series[0].markLine.data).toEqual([{ xAxis: EXEC_THRESHOLD * 100 }]);
		const [below, ref, above] = opt.series[0].data;
		expect(below.itemStyle.color).not.toBe(above.itemStyle.color);
		expect(ref.itemStyle.decal).toBeUndefined();
		expect(above.itemStyle.decal).toBeDefined();
	});
});

describe('renderSvg', () => {
	it('escapes labels, so a unit name cannot inject markup into the prerendered page', () => {
		const svg = renderSvg(
			execRateOption('zh', [row('x', 0.95, 'synthetic', '<img src=x onerror=alert(1)>')]),
			600,
			200
		);
		expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(svg).not.toContain('<img');
		expect(svg.startsWith('<svg')).toBe(true);
	});

	it('keeps every style attribute whole: font families are quoted with single quotes, once on the root', () => {
		const opts = [
			execRateOption('zh', [row('x', 0.95, 'synthetic')]),
			// A family list as CSS writes it, in double quotes, given by a caller.
			{
				...execRateOption('zh', [row('x', 0.95, 'synthetic')]),
				textStyle: { fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif' }
			}
		];
		for (const opt of opts) {
			const svg = renderSvg(opt, 600, 200);
			const starts = svg.split('style="').length - 1;
			// A whole attribute: no quote inside, then a space or the end of the tag.
			const whole = [...svg.matchAll(/style="([^"]*)"(?=[\s/>])/g)].map((m) => m[1]);
			expect(starts).toBeGreaterThan(3);
			expect(whole).toHaveLength(starts);
			const fonts = whole.filter((s) => s.includes('font-family'));
			// Every label shares one family: it is said once, on the root, and the labels inherit it.
			expect(fonts).toHaveLength(1);
			expect(svg).toMatch(/^<svg style="font-family:'Noto Sans CJK SC', 'Noto Sans SC', /);
			expect(svg.match(/<text /g)!.length).toBeGreaterThan(3);
		}
	});

	it('leaves out what only ECharts’ own hydration and hovering use, and keeps every label and mark', () => {
		// A legend of bars (its swatches are paths ECharts marks as legend too) and of a line.
		const year = (y: number, executed: number): UnitYearRow => ({
			year: y,
			budget_initial: 90,
			budget_final: 100,
			executed,
			exec_rate: executed / 100,
			total_score: 95,
			total_weight: 100,
			provenance: 'synthetic',
			self_pct: 95,
			recomputed_pct: 95,
			gap_pct: 0,
			forms: 1,
			form_ids: `f${y}`,
			flags: 0
		});
		const options = {
			bars: unitBudgetOption('zh', [year(2024, 95), year(2025, 80)]),
			// A heatmap with its visual map: its hover style block is not a plain one.
			heat: heatOption(
				'zh',
				['甲', '乙'],
				['产出', '效益'],
				[
					[0, 0, 90],
					[1, 0, null],
					[0, 1, 70],
					[1, 1, 100]
				],
				'得分率 %'
			),
			rates: execRateOption('zh', [row('甲', 0.95, 'synthetic'), row('乙', 0.8, 'published')])
		};
		for (const [name, opt] of Object.entries(options)) {
			const echartsSvg = (() => {
				const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 200 });
				c.setOption({ ...opt, animation: false });
				const s = c.renderToSVGString();
				c.dispose();
				return s;
			})();
			const svg = renderSvg(opt, 600, 200);
			expect(svg.length).toBeLessThan(echartsSvg.length);
			for (const gone of ['ecmeta_', '-cls-', 'pointer-events', 'CDATA'])
				expect(svg.includes(gone), `${name}: ${gone}`).toBe(false);
			const texts = (s: string) => [...s.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
			expect(texts(svg)).toEqual(texts(echartsSvg));
			expect(texts(svg).length, name).toBeGreaterThan(2);
			// Every drawn path stays; only the legend's invisible hit areas go.
			const drawn = (s: string) =>
				[...s.matchAll(/<path d="([^"]*)"[^>]*>/g)]
					.filter(
						(m) =>
							!(
								m[0].includes('ecmeta_ssr_type="legend"') &&
								m[0].includes('fill="none"') &&
								!m[0].includes(' stroke=')
							)
					)
					.map((m) => m[1]);
			expect(drawn(svg)).toEqual(drawn(echartsSvg));
		}
	});
});

describe('score distribution', () => {
	it('bins scores into 1-point bins from the lowest to the highest', async () => {
		const { scoreBins, scoreDistOption } = await import('../../src/lib/charts/score-dist');
		const bins = scoreBins([90, 90.5, 92.9, null, 100]);
		expect(bins.map((b) => [b.from, b.forms])).toEqual([
			[90, 2],
			[91, 0],
			[92, 1],
			[93, 0],
			[94, 0],
			[95, 0],
			[96, 0],
			[97, 0],
			[98, 0],
			[99, 0],
			[100, 1]
		]);
		const opt = scoreDistOption('en', bins) as unknown as {
			series: { markArea: { data: [{ name: string }, unknown][] } }[];
		};
		expect(opt.series[0].markArea.data.map((d) => d[0].name)).toEqual(['Excellent']);
		expect(scoreBins([])).toEqual([]);
	});
});

describe('trend bands', () => {
	it('stacks the interquartile band on the first quartile and keeps the 90% line in view', async () => {
		const { bandOption } = await import('../../src/lib/charts/trends');
		const opt = bandOption('zh', {
			years: [2022, 2023],
			q1: [0.95, 0.96],
			median: [0.98, 0.99],
			q3: [1, 1],
			scale: 100,
			threshold: 90,
			axis: '%'
		}) as unknown as {
			series: {
				data: (number | null)[];
				itemStyle?: { color: string };
				areaStyle?: { color: string };
			}[];
			yAxis: { min: (v: { min: number }) => number };
		};
		// The band's legend mark is drawn in the band's colour (it was the palette's green).
		expect(opt.series[1].itemStyle?.color).toBe(opt.series[1].areaStyle?.color);
		expect(opt.series[0].data).toEqual([95, 96]);
		expect(opt.series[1].data).toEqual([5, 4]);
		expect(opt.series[2].data).toEqual([98, 99]);
		expect(opt.yAxis.min({ min: 95 })).toBe(89);
	});
});
