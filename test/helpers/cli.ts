// Test helper: runs a command-line tool's main() in this process, or the tool itself as a subprocess (the smoke tests).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CliMain } from '../../scripts/lib/cli';
import { ROOT } from './data';

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** Calls `main(argv, io)` and collects what it writes. */
export async function runMain(main: CliMain, argv: readonly string[]): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const code = await main(argv, {
		out: (t) => void (stdout += t),
		err: (t) => void (stderr += t)
	});
	return { code, stdout, stderr };
}

/** Runs `node --import tsx scripts/<script>.ts …argv` from the project root, as `npm run` would. */
export async function runScript(script: string, argv: readonly string[]): Promise<CliRun> {
	return promisify(execFile)(
		process.execPath,
		['--import', 'tsx', `scripts/${script}.ts`, ...argv],
		{ cwd: ROOT, maxBuffer: 1 << 26 }
	).then(
		(r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
		(e: { code: number; stdout: string; stderr: string }) => ({
			code: e.code,
			stdout: e.stdout,
			stderr: e.stderr
		})
	);
}
