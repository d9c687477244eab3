// The command-line tools' shape: main(argv, io) returns the exit code; it runs only when the file is the program.
import { existsSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Where a tool writes: the process's stdout/stderr, or a test's strings. */
export interface CliIo {
	out(text: string): void;
	err(text: string): void;
}

export type CliMain = (argv: readonly string[], io: CliIo) => Promise<number>;

export const processIo: CliIo = {
	out: (text) => void process.stdout.write(text),
	err: (text) => void process.stderr.write(text)
};

/**
 * Runs `main` with the process's arguments when `moduleUrl` is the program (`tsx scripts/x.ts`),
 * not when a test imports the module. Sets exitCode rather than calling exit(): the process ends
 * once stdout has drained, so a pipe (… | head, | wc -c) receives every byte.
 */
export async function runIfMain(moduleUrl: string, main: CliMain): Promise<void> {
	const program = process.argv[1];
	if (!program || !existsSync(program) || moduleUrl !== pathToFileURL(realpathSync(program)).href)
		return;
	process.exitCode = await main(process.argv.slice(2), processIo);
}
