// The audit on whole datasets in DuckDB: the reference document's flags, the demo's planted inconsistencies, the CLI.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFlag, AuditFormRow, AuditIndicatorRow } from '../../src/lib/audit';
import { createAllSql } from '../../src/lib/db/load';
import { NodeConnector } from '../../src/lib/db/node';
import { generateDemo } from '../../src/lib/demo/generate';
import { loadDataset } from '../../src/lib/dataset/load';
import { toBatches } from '../../src/lib/ingest/batches';
import { importAnyFiles } from '../../src/lib/ingest/sources';
import { parseCsv } from '../../src/lib/ingest/csv';
import { openBundled } from '../helpers/built';
import { ROOT, readRows } from '../helpers/data';

const LUKOU = '430212-jiwei';
let db: NodeConnector;
let dispose: () => Promise<void>;
let flags: AuditFlag[];

beforeAll(async () => {
	({ db, dispose } = await openBundled());
	flags = await db.query<AuditFlag>('SELECT * FROM audit_flags ORDER BY id');
}, 60_000);
afterAll(() => dispose());

describe('the reference document (渌口区纪委监委 2023)', () => {
	it('flags exactly the two cost indicators scored full marks and the cost that exceeds its project', () => {
		const mine = flags.filter((f) => f.unit_id === LUKOU);
		expect(mine.map((f) => f.id).sort()).toEqual([
			'cost_exceeds_spending:430212-jiwei-2023-p02:4',
			'full_marks_on_miss:430212-jiwei-2023-dept:4',
			'full_marks_on_miss:430212-jiwei-2023-p02:4'
		]);
		const dept = mine.find((f) => f.id === 'full_marks_on_miss:430212-jiwei-2023-dept:4')!;
		expect(dept.message_zh).toContain('1262.27万');
		expect(dept.message_zh).toContain('1715.85');
		expect(dept.message_zh).toContain('15/15');
		expect(dept.message_zh).toContain('9.61');
		expect(dept.message_zh).toContain('按“成本指标”推断');
		expect(dept.message_en).toContain('inferred');
		const p02 = mine.find((f) => f.id === 'full_marks_on_miss:430212-jiwei-2023-p02:4')!;
		expect(p02.message_zh).toContain('255.6万');
		expect(p02.message_zh).toContain('20/20');
		expect(p02.numbers).toContain('expected=0');
	});

	it('reads the Hunan layout (total printed in the execution row) and recomputes each form out of 90', async () => {
		const forms = await db.query<AuditFormRow>(
			`SELECT * FROM audit_forms WHERE unit_id = '${LUKOU}' ORDER BY eval_id`
		);
		expect(forms.map((f) => f.exec_basis)).toEqual([
			'total_in_exec_row',
			'total_in_exec_row',
			'total_in_exec_row'
		]);
		expect(forms.map((f) => f.scale)).toEqual([90, 90, 90]);
		const [dept, p01, p02] = forms;
		// 90 − 15 + (1 − (1715.85 − 1262.27) / 1262.27) × 15
		expect(dept.recomputed_score).toBeCloseTo(75 + (1 - 453.58 / 1262.27) * 15, 6);
		expect(dept.gap).toBeCloseTo(15 - (1 - 453.58 / 1262.27) * 15, 6);
		// 办理案件数 47 of 50 → 14.1 by rule, 14 printed: the self-score is 0.1 below the rule.
		expect(p01.recomputed_score).toBeCloseTo(89.1, 6);
		expect(p01.gap).toBeCloseTo(-0.1, 6);
		expect(p02.recomputed_score).toBeCloseTo(70, 6);
		expect(p02.gap_pct).toBeCloseTo((20 / 90) * 100, 6);
	});

	it('judges each indicator row: cost rows missed by inferred direction, 定性 rows qualitative', async () => {
		const rows = await db.query<AuditIndicatorRow>(
			`SELECT a.* FROM audit_indicators a WHERE eval_id = '430212-jiwei-2023-dept' ORDER BY seq`
		);
		expect(rows.map((r) => r.status)).toEqual([
			'met',
			'met',
			'qualitative',
			'missed',
			'met',
			'qualitative',
			'qualitative',
			'qualitative',
			'met'
		]);
		expect(rows[3]).toMatchObject({ direction: '≤', direction_source: 'group' });
		expect(rows[3].expected_score).toBeCloseTo(9.61, 2);
	});
});

describe('the demo dataset', () => {
	const key = (rule: string, unitOrEval: string, seq: number | string | null) =>
		`${rule}|${unitOrEval}|${seq ?? ''}`;

	it('commits the answer key the generator produces', () => {
		const committed = readRows('data/demo/audit-key', 'planted');
		const fresh = generateDemo().planted;
		expect(committed.map((p) => key(p.kind, p.eval_id || p.unit_id, p.seq || null))).toEqual(
			fresh.map((p) => key(p.kind, p.eval_id ?? p.unit_id, p.seq))
		);
	});

	it('finds exactly the inconsistencies the generator planted, rule by rule', () => {
		const planted = readRows('data/demo/audit-key', 'planted');
		const expected = planted.map((p) => key(p.kind, p.eval_id || p.unit_id, p.seq || null)).sort();
		const found = flags
			.filter((f) => f.unit_id !== LUKOU)
			.map((f) =>
				key(f.rule, f.eval_id ?? f.unit_id, f.rule === 'funding_sum_mismatch' ? null : f.seq)
			)
			.sort();
		expect(found).toEqual(expected);
		// Every kind of rule is exercised by the demo except the one only the reference shows.
		expect(new Set(planted.map((p) => p.kind)).size).toBeGreaterThanOrEqual(14);
	});

	it('recomputes every form, and forms with no scoring flag are within rounding of the rule', async () => {
		const [n] = await db.query<{ forms: number; audited: number }>(
			`SELECT (SELECT count(*) FROM evaluations)::INTEGER AS forms, (SELECT count(*) FROM audit_forms)::INTEGER AS audited`
		);
		expect(n.audited).toBe(n.forms);
		const clean = await db.query<{ eval_id: string; gap: number }>(
			`SELECT eval_id, gap FROM audit_forms a WHERE NOT EXISTS (
				SELECT 1 FROM audit_flags f WHERE f.eval_id = a.eval_id AND f.rule IN
					('full_marks_on_miss', 'deduction_when_met', 'score_above_weight', 'total_mismatch', 'exec_score_mismatch'))
			AND unit_id <> '${LUKOU}'`
		);
		expect(clean.length).toBeGreaterThan(100);
		// Rows missed without inflation print the rule's score rounded to 0.1 (or 0.1 below full marks).
		for (const c of clean) expect(Math.abs(c.gap), c.eval_id).toBeLessThan(0.1 * 12 + 1e-6);
	});
});

describe('audit on imported data and from the command line', () => {
	const read = (dir: string) =>
		['units', 'evaluations', 'funding', 'indicators', 'metrics'].map((t) => ({
			name: `${t}.csv`,
			bytes: new Uint8Array(readFileSync(join(ROOT, dir, `${t}.csv`)))
		}));

	it('audits the whole database again after each local load', async () => {
		const local = await NodeConnector.open();
		try {
			await local.exec(createAllSql());
			const r = await importAnyFiles(read('data/sample'));
			const s = await loadDataset(local, toBatches(r.rows), 'replace');
			expect(s.audit).toMatchObject({ forms: 3, flags: 3 });
			const ids = await local.query<{ id: string }>('SELECT id FROM audit_flags ORDER BY id');
			expect(ids.map((x) => x.id)).toContain('full_marks_on_miss:430212-jiwei-2023-dept:4');
		} finally {
			await local.close();
		}
	});

	it('prints every flag as CSV and exits 0 (`npm run audit -- data/sample`)', async () => {
		const { stdout, stderr } = await promisify(execFile)(
			'npx',
			['tsx', 'scripts/audit.ts', 'data/sample'],
			{ cwd: ROOT }
		);
		const csv = parseCsv(stdout, 'stdout');
		expect(csv.header).toEqual([
			'rule',
			'severity',
			'unit_id',
			'year',
			'eval_id',
			'seq',
			'indicator',
			'message',
			'numbers'
		]);
		expect(csv.rows.map((r) => `${r.fields[0]}:${r.fields[4]}:${r.fields[5]}`).sort()).toEqual([
			'cost_exceeds_spending:430212-jiwei-2023-p02:4',
			'full_marks_on_miss:430212-jiwei-2023-dept:4',
			'full_marks_on_miss:430212-jiwei-2023-p02:4'
		]);
		expect(stderr).toContain('audited 3 forms: 3 flags');
	}, 30_000);

	it('reports rejected rows, audits the rest and exits 1', async () => {
		const run = promisify(execFile)(
			'npx',
			[
				'tsx',
				'scripts/audit.ts',
				'--lang',
				'en',
				'data/sample',
				'test/fixtures/import/evaluations-bad.csv'
			],
			{ cwd: ROOT }
		);
		const err = await run.then(
			() => null,
			(e: { code: number; stdout: string; stderr: string }) => e
		);
		expect(err?.code).toBe(1);
		expect(err!.stderr).toMatch(/evaluations-bad\.csv:\d+/);
		expect(err!.stdout).toContain('full_marks_on_miss');
		expect(err!.stdout).toContain('yet scored full marks 15/15');
	}, 30_000);
});
