// CLI (end of `npm run build`): prints the built site's bytes, files and pages, by kind, against static hosts' limits.
import { existsSync } from 'node:fs';
import { reportLines, siteReport } from './lib/site-report';
import { runIfMain, type CliIo } from './lib/cli';

/** Reports on the site folder named in `argv` (default build/); returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
	const dir = argv[0] ?? 'build';
	if (!existsSync(dir)) {
		io.err(`site-report: ${dir} does not exist (run npm run build)\n`);
		return 1;
	}
	for (const line of reportLines(await siteReport(dir))) io.out(line + '\n');
	return 0;
}

await runIfMain(import.meta.url, main);
