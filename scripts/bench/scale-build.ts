// The scale benchmark's build: a copy of the project in a scratch folder (node_modules linked) built on other data, timed step by step.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root (this file is scripts/bench/scale-build.ts). */
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Not copied: what the build writes or caches (build/, .svelte-kit/, static/data/), the tests and
 * their output, git's files; node_modules is linked instead.
 */
const SKIP = new Set([
	'node_modules',
	'.git',
	'.svelte-kit',
	'build',
	'static/data',
	'test',
	'test-results',
	'bench-results',
	'.scratch'
]);

/** Whether `rel` (a path relative to the project, '/'-separated) is left out of the copy. */
export function skipped(rel: string): boolean {
	const parts = rel.split('/');
	return parts.some((_, i) => SKIP.has(parts.slice(0, i + 1).join('/')));
}

/**
 * Copies the project's sources and configuration into `dir` (which must not exist yet) with
 * node_modules linked, so a build there leaves the project's own static/data and build/ alone.
 */
export function copyProject(dir: string): void {
	mkdirSync(dir, { recursive: true });
	cpSync(ROOT, dir, {
		recursive: true,
		filter: (src) => {
			const rel = relative(ROOT, src).split(sep).join('/');
			return rel === '' || !skipped(rel);
		}
	});
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

export interface StepResult {
	ms: number;
	/**
	 * For `vite build`, ms from its start: when prerendering began and ended. SvelteKit builds the
	 * client inside the server bundle's write, then prerenders, then the server bundle reports
	 * "✓ built in": so the first "✓ built in" (the client's) starts prerendering and the adapter's
	 * first line ends it.
	 */
	prerender?: { from: number; to: number };
}

/**
 * Runs `node args…` in `cwd` with `env` added, its output into `log`; resolves with its time, or
 * rejects with the log's last lines. `onLine` sees each line of its output as it comes.
 */
export function runNode(
	args: string[],
	opts: { cwd: string; env?: Record<string, string>; log: string; onLine?: (line: string) => void }
): Promise<number> {
	const t0 = performance.now();
	const log = createWriteStream(opts.log);
	const tail: string[] = [];
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, args, {
			cwd: opts.cwd,
			env: { ...process.env, ...opts.env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let rest = '';
		const take = (chunk: Buffer) => {
			log.write(chunk);
			const lines = (rest + chunk.toString('utf8')).split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) {
				opts.onLine?.(line);
				tail.push(line);
				if (tail.length > 30) tail.shift();
			}
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('error', fail);
		child.on('close', (code, signal) => {
			log.end();
			if (code === 0) done(performance.now() - t0);
			else
				fail(
					new Error(
						`${args.join(' ')} failed (${signal ?? `exit ${code}`}); see ${opts.log}:\n${[...tail, rest].join('\n')}`
					)
				);
		});
	});
}

export interface ScaleBuild {
	/** The built site. */
	site: string;
	buildData: StepResult;
	vite: StepResult;
	total: number;
}

/**
 * Builds a site in `dir` (a fresh copy of the project) on `dataDirs`, as `npm run build` does:
 * build-data into its static/data, then vite build (bundles, then prerenders every page).
 */
export async function buildScaled(
	dir: string,
	dataDirs: string[],
	opts: { heap: number; log: (line: string) => void }
): Promise<ScaleBuild> {
	if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
	copyProject(dir);
	const env = {
		JIXIAO_DATA: dataDirs.join(','),
		NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${opts.heap}`.trim()
	};
	const t0 = performance.now();
	opts.log(`  build-data … (log: ${join(dir, 'build-data.log')})`);
	const dataMs = await runNode(['--import', 'tsx', 'scripts/build-data.ts'], {
		cwd: dir,
		env,
		log: join(dir, 'build-data.log')
	});
	opts.log(`  vite build … (log: ${join(dir, 'vite-build.log')})`);
	const viteStart = performance.now();
	let from: number | undefined;
	let to: number | undefined;
	const viteMs = await runNode([join(dir, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: dir,
		env,
		log: join(dir, 'vite-build.log'),
		onLine: (line) => {
			if (from === undefined && line.includes('✓ built in')) from = performance.now() - viteStart;
			if (to === undefined && line.includes('Using @sveltejs/adapter'))
				to = performance.now() - viteStart;
		}
	});
	return {
		site: join(dir, 'build'),
		buildData: { ms: dataMs },
		vite: {
			ms: viteMs,
			prerender: from !== undefined && to !== undefined ? { from, to } : undefined
		},
		total: performance.now() - t0
	};
}
