// `npm run bench` arguments (--units N and the scale options), and what the scale build copies of the project.
import { describe, expect, it } from 'vitest';
import { benchOptions } from '../../scripts/bench/lib';
import { skipped } from '../../scripts/bench/scale-build';
import { DEFAULT_DEMO } from '../../src/lib/demo/generate';

describe('npm run bench options', () => {
	it('takes runs from --runs, else BENCH_RUNS, else 5; no --units: no scale benchmark', () => {
		expect(benchOptions([], {})).toEqual({ runs: 5, large: false, scale: null });
		expect(benchOptions([], { BENCH_RUNS: '3' }).runs).toBe(3);
		expect(benchOptions(['--runs', '2', '--large'], { BENCH_RUNS: '3' })).toEqual({
			runs: 2,
			large: true,
			scale: null
		});
	});

	it('--units N sets up the scale benchmark with its defaults', () => {
		expect(benchOptions(['--units', '400'], {}).scale).toEqual({
			units: 400,
			seed: DEFAULT_DEMO.seed,
			data: null,
			site: null,
			work: null,
			buildOnly: false,
			timeout: 180_000,
			heap: 6144,
			changes: 8,
			pages: null
		});
	});

	it('takes every scale option', () => {
		const o = benchOptions(
			[
				'--units=4000',
				'--seed',
				'7',
				'--data',
				'/work/scale/u4000',
				'--site',
				'/tmp/s/build',
				'--work',
				'/tmp/w',
				'--build-only',
				'--timeout',
				'600000',
				'--heap',
				'12000',
				'--changes',
				'3',
				'--pages',
				'overview,audit',
				'--runs',
				'1'
			],
			{}
		);
		expect(o).toEqual({
			runs: 1,
			large: false,
			scale: {
				units: 4000,
				seed: 7,
				data: '/work/scale/u4000',
				site: '/tmp/s/build',
				work: '/tmp/w',
				buildOnly: true,
				timeout: 600_000,
				heap: 12000,
				changes: 3,
				pages: ['overview', 'audit']
			}
		});
	});

	it.each([
		[['--units', '0'], '--units 0: a whole number from 1 is wanted'],
		[['--units', '4e'], '--units 4e: a whole number from 1 is wanted'],
		[['--units', '40', '--changes', '1.5'], '--changes 1.5'],
		[['--runs', '0'], '--runs 0'],
		[['--unit', '40'], "Unknown option '--unit'"]
	])('refuses %j', (argv, message) => {
		expect(() => benchOptions(argv, {})).toThrow(message);
	});
});

describe('the scale build copies the project', () => {
	it('without what a build writes, the tests or git; with sources, configuration and data', () => {
		for (const p of [
			'node_modules',
			'build',
			'build/index.html',
			'.svelte-kit/output',
			'static/data',
			'static/data/x.arrow',
			'test',
			'test/unit/a.test.ts',
			'.git'
		])
			expect(skipped(p), p).toBe(true);
		for (const p of [
			'src',
			'src/routes/+page.svelte',
			'static',
			'static/favicon.svg',
			'data/sample',
			'scripts/build-data.ts',
			'svelte.config.js',
			'package.json',
			'builder.ts'
		])
			expect(skipped(p), p).toBe(false);
	});
});
