// Shared by the benchmarks: the options they take, medians and the units they print in.
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO } from '../../src/lib/demo/generate';

export interface BenchOptions {
	/** Runs per measurement (--runs, or BENCH_RUNS; 5 by default). */
	runs: number;
	/** Also measure the 2,000-unit dataset (--large). */
	large: boolean;
	/** The scale benchmark only: generate N units, build a site of them and measure it (--units N). */
	scale: ScaleOptions | null;
}

/** `npm run bench -- --units N [...]`: see scripts/bench/scale.ts. */
export interface ScaleOptions {
	units: number;
	/** The demo generator's seed (--seed). */
	seed: number;
	/** An already generated data folder to build instead of generating one (--data). */
	data: string | null;
	/** An already built site to measure: no generating, no building (--site). */
	site: string | null;
	/** The scratch folder: kept, and its generated data reused, when given (--work); else a temp folder removed after. */
	work: string | null;
	/** Build only: no browser measurements (--build-only). */
	buildOnly: boolean;
	/** The longest wait for one thing in the browser, ms (--timeout; a page's data at 4,000 units takes a while). */
	timeout: number;
	/** Old-space heap for the build's Node processes, MB (--heap, NODE_OPTIONS=--max-old-space-size). */
	heap: number;
	/** Filter changes per page per run for the query latency (--changes). */
	changes: number;
	/** Only these pages (--pages overview,audit,…); all by default. */
	pages: string[] | null;
}

/** A whole number ≥ `min`, or an error naming the option. */
function whole(name: string, text: string, min: number): number {
	const n = Number(text);
	if (!Number.isInteger(n) || n < min)
		throw new Error(`--${name} ${text}: a whole number from ${min} is wanted`);
	return n;
}

/** Parses the benchmark's arguments; throws on an unknown option or a bad number. */
export function benchOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			runs: { type: 'string', default: env.BENCH_RUNS ?? '5' },
			large: { type: 'boolean', default: false },
			units: { type: 'string' },
			seed: { type: 'string', default: String(DEFAULT_DEMO.seed) },
			data: { type: 'string' },
			site: { type: 'string' },
			work: { type: 'string' },
			'build-only': { type: 'boolean', default: false },
			timeout: { type: 'string', default: '180000' },
			heap: { type: 'string', default: '6144' },
			changes: { type: 'string', default: '8' },
			pages: { type: 'string' }
		}
	});
	const runs = whole('runs', values.runs, 1);
	const scale =
		values.units === undefined
			? null
			: {
					units: whole('units', values.units, 1),
					seed: whole('seed', values.seed, 0),
					data: values.data ?? null,
					site: values.site ?? null,
					work: values.work ?? null,
					buildOnly: values['build-only'],
					timeout: whole('timeout', values.timeout, 1000),
					heap: whole('heap', values.heap, 256),
					changes: whole('changes', values.changes, 1),
					pages: values.pages?.split(',').filter(Boolean) ?? null
				};
	return { runs, large: values.large, scale };
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
