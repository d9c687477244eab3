// `npm run build-data`: the build's report and exit codes from its main in this process, and once as a subprocess.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/build-data';
import type { Manifest } from '../../src/lib/db/manifest';
import { runMain, runScript } from '../helpers/cli';
import { ROOT } from '../helpers/data';

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-build-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A data folder with five problems the build must report, each with file, line and column. */
const bad = join(tmp, 'bad');
beforeAll(() => {
	mkdirSync(bad, { recursive: true });
	writeFileSync(join(bad, 'units.csv'), 'unit_id,name,provenance\nu1,甲单位,published\n');
	writeFileSync(
		join(bad, 'evaluations.csv'),
		[
			'eval_id,unit_id,year,form,project_name,budget_final,executed,provenance',
			'e1,u1,2023,department,,1715.85,1715.85,published',
			'e2,u1,2023,department,,1262.27万,1,published',
			'e3,u9,2023,department,,1,1,published'
		].join('\n') + '\n'
	);
	writeFileSync(join(bad, 'indicators.csv'), 'eval_id,seq,level1\ne1,1,产出指标\n');
});

function expectReport(stderr: string) {
	expect(stderr).toContain('evaluations.csv:3 column budget_final [decimal]');
	expect(stderr).toContain(
		'evaluations.csv:4 column unit_id [reference] unit_id u9 is not a unit_id in units'
	);
	expect(stderr).toContain('indicators.csv:1 column level3 [missing-column]');
	expect(stderr).toContain('nothing was written');
}

describe('npm run build-data', () => {
	it('builds a folder into --out and prints each table', async () => {
		const out = join(tmp, 'sample-out');
		const r = await runMain(main, ['--out', out, join(ROOT, 'data/sample')]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
		expect(manifest.evaluations).toEqual({ published: 3, synthetic: 0 });
		for (const [name, t] of Object.entries(manifest.tables))
			expect(r.stdout).toMatch(new RegExp(`^ {2}${name} +${t.rows} rows {2}parquet`, 'm'));
		expect(r.stdout).toMatch(/^done in [\d.]+ s$/m);
	});

	it('exits 1 with file, line, column and rule for each problem, and writes nothing', async () => {
		const out = join(tmp, 'bad-out');
		const r = await runMain(main, ['--out', out, bad]);
		expect(r.code).toBe(1);
		expectReport(r.stderr);
		expect(existsSync(out)).toBe(false);
	});

	it('does the same as a subprocess (`npm run build-data`)', async () => {
		const out = join(tmp, 'cli-out');
		const r = await runScript('build-data', ['--out', out, bad]);
		expect(r.code).toBe(1);
		expectReport(r.stderr);
		expect(existsSync(out)).toBe(false);
	});
});
