// `npm run validate`: the report and exit codes of its main, in this process (pipe.test.ts runs it as a subprocess).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/validate';
import { runMain } from '../helpers/cli';
import { ROOT } from '../helpers/data';

const DIR = join(ROOT, 'test/fixtures/import');
const GOOD = ['单位-gbk.csv', 'evaluations-bom.csv', '指标-semicolon.csv'];

describe('npm run validate', () => {
	it('exits 0 on good files and 1 on bad ones, printing the report', async () => {
		const ok = await runMain(
			main,
			GOOD.map((f) => join(DIR, f))
		);
		expect(ok.code).toBe(0);
		expect(ok.stdout).toMatch(/^OK: \d+ row\(s\) read, every row accepted/m);
		const bad = await runMain(
			main,
			readdirSync(DIR).map((f) => join(DIR, f))
		);
		expect(bad.code).toBe(1);
		expect(bad.stdout).toContain('empty.csv [file] the file is empty');
		expect(bad.stdout).toContain('evaluations-bad.csv:2 column budget_final [decimal]');
	});

	it.each([[[]], [['--lang', 'fr', 'x.csv']], [['--provenance', 'invented', 'x.csv']]])(
		'exits 2 with the usage on %j, reading nothing',
		async (argv) => {
			const r = await runMain(main, argv);
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toMatch(/^usage: npm run validate -- /);
		}
	);
});
