// Shared by the benchmarks: the options they take, medians and the units they print in.
import { parseArgs } from 'node:util';

export interface BenchOptions {
	/** Runs per measurement (--runs, or BENCH_RUNS; 5 by default). */
	runs: number;
	/** Also measure the 2,000-unit dataset (--large). */
	large: boolean;
}

export function benchOptions(argv: string[]): BenchOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
			large: { type: 'boolean', default: false }
		}
	});
	return { runs: Number(values.runs), large: values.large };
}

export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const p95 = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
};

export const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;
export const kb = (x: number) => `${(x / 1024).toFixed(1).padStart(9)} KB`;

export function timeMedian(fn: () => unknown, n = 5): number {
	const xs: number[] = [];
	for (let i = 0; i < n; i++) {
		const t0 = performance.now();
		fn();
		xs.push(performance.now() - t0);
	}
	return median(xs);
}
