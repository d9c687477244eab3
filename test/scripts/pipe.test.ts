// The command-line tools as subprocesses (the smoke tests of audit and validate): they write their whole output into a pipe, `| wc -c` counts what a file receives.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/data';

const sh = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Bytes a command writes to a file, and bytes it writes through a pipe into wc -c, with its exit codes. */
async function both(cmd: string) {
	const file = join(dir, 'out');
	const run = (script: string) =>
		sh('bash', ['-o', 'pipefail', '-c', script], { cwd: ROOT, maxBuffer: 1 << 26 }).then(
			(r) => ({ code: 0, stdout: r.stdout }),
			(e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout })
		);
	const toFile = await run(`${cmd} > ${file} 2>/dev/null`);
	const piped = await run(`${cmd} 2>/dev/null | wc -c`);
	return { fileBytes: statSync(file).size, pipedBytes: Number(piped.stdout.trim()), toFile, piped };
}

describe('CLI output through a pipe', () => {
	it('npm run audit -- data/demo | wc -c equals the file it writes', async () => {
		const r = await both(`node --import tsx scripts/audit.ts data/demo`);
		expect(r.fileBytes).toBeGreaterThan(200_000);
		expect(r.pipedBytes).toBe(r.fileBytes);
		expect(r.toFile.code).toBe(0);
		expect(r.piped.code).toBe(0);
	}, 120_000);

	it('npm run validate | wc -c equals the file it writes, for a report of many errors', async () => {
		const rows = Array.from({ length: 6000 }, (_, i) => `u${i},单位${i},纪检监察,real`);
		const bad = join(dir, 'units.csv');
		writeFileSync(bad, ['unit_id,name,sector,provenance', ...rows].join('\n') + '\n');
		const r = await both(`node --import tsx scripts/validate.ts ${bad}`);
		expect(r.fileBytes).toBeGreaterThan(400_000);
		expect(r.pipedBytes).toBe(r.fileBytes);
		expect(r.toFile.code).toBe(1);
		expect(r.piped.code).toBe(1);
	}, 120_000);
});
