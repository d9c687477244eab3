// `npm run generate-demo`: its main writes the committed data/demo byte for byte; once as a subprocess with another seed.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/generate-demo';
import { DEFAULT_DEMO } from '../../src/lib/demo/generate';
import { parseCsv } from '../../src/lib/ingest/csv';
import { runMain, runScript } from '../helpers/cli';
import { ROOT } from '../helpers/data';

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-demo-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DEMO = join(ROOT, 'data/demo');
const files = (dir: string) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.csv'))
		.sort();

describe('npm run generate-demo', () => {
	it('writes data/demo as committed, answer key included, with the default seed', async () => {
		const out = join(tmp, 'default');
		const r = await runMain(main, ['--out', out]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(`(seed ${DEFAULT_DEMO.seed})`);
		expect(files(out)).toEqual(files(DEMO));
		expect(files(out)).toContain(join('audit-key', 'planted.csv'));
		// As text: toBe compares in one step (toEqual on Buffers walks them byte by byte, for seconds).
		for (const f of files(out))
			expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(DEMO, f), 'utf8'));
	});

	it('writes as many units as asked for another seed (as a subprocess)', async () => {
		const out = join(tmp, 'small');
		const r = await runScript('generate-demo', ['--seed', '7', '--units', '3', '--out', out]);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^units +3 rows$/m);
		const units = parseCsv(readFileSync(join(out, 'units.csv'), 'utf8'), 'units.csv');
		expect(units.rows).toHaveLength(3);
		expect(readFileSync(join(out, 'units.csv'), 'utf8')).not.toBe(
			readFileSync(join(DEMO, 'units.csv'), 'utf8')
		);
	});
});
