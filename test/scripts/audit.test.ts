// `npm run audit`: every flag as CSV on stdout, the report on stderr, exit codes, from its main in this process (pipe.test.ts runs it as a subprocess).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/audit';
import { parseCsv } from '../../src/lib/ingest/csv';
import { runMain } from '../helpers/cli';
import { ROOT } from '../helpers/data';

const SAMPLE = join(ROOT, 'data/sample');

describe('npm run audit', () => {
	it('prints every flag as CSV and exits 0 (`npm run audit -- data/sample`)', async () => {
		const { code, stdout, stderr } = await runMain(main, [SAMPLE]);
		expect(code).toBe(0);
		const csv = parseCsv(stdout, 'stdout');
		expect(csv.header).toEqual([
			'rule',
			'severity',
			'unit_id',
			'year',
			'eval_id',
			'form',
			'project_name',
			'seq',
			'indicator',
			'message',
			'numbers'
		]);
		expect(csv.rows.map((r) => `${r.fields[0]}:${r.fields[4]}:${r.fields[7]}`).sort()).toEqual([
			'cost_exceeds_spending:430212-jiwei-2023-p02:4',
			'full_marks_on_miss:430212-jiwei-2023-dept:4',
			'full_marks_on_miss:430212-jiwei-2023-p02:4'
		]);
		// Each flag names its form's kind and project as the form prints them (none for the department).
		const forms = new Map(csv.rows.map((r) => [r.fields[4], `${r.fields[5]}|${r.fields[6]}`]));
		expect(forms.get('430212-jiwei-2023-dept')).toBe('department|');
		expect(forms.get('430212-jiwei-2023-p02')).toMatch(/^project\|\S/);
		expect(stderr).toContain('audited 3 forms: 3 flags');
	});

	it('reports rejected rows, audits the rest and exits 1', async () => {
		const r = await runMain(main, [
			'--lang',
			'en',
			SAMPLE,
			join(ROOT, 'test/fixtures/import/evaluations-bad.csv')
		]);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/evaluations-bad\.csv:\d+/);
		expect(r.stdout).toContain('full_marks_on_miss');
		expect(r.stdout).toContain('yet scored full marks 15/15');
	});

	it('exits 2 on a path that does not exist, and on no path, auditing nothing', async () => {
		const missing = await runMain(main, [join(ROOT, 'data/no-such-folder')]);
		expect(missing).toMatchObject({ code: 2, stdout: '' });
		expect(missing.stderr).toContain('no such file or folder');
		const none = await runMain(main, ['--lang', 'en']);
		expect(none).toMatchObject({ code: 2, stdout: '' });
		expect(none.stderr).toMatch(/^usage: npm run audit -- /);
	});
});
