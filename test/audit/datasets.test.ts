// The audit on whole datasets in DuckDB: the reference document's flags, the demo's planted inconsistencies, imported data (the CLI: test/scripts/audit.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFlag, AuditFormRow, AuditIndicatorRow } from '../../src/lib/audit';
import { createAllSql } from '../../src/lib/db/load';
import { RULE_IDS, type RuleId } from '../../src/lib/schema';
import { NodeConnector } from '../../src/lib/db/node';
import { generateDemo } from '../../src/lib/demo/generate';
import { loadDataset } from '../../src/lib/dataset/load';
import { toBatches } from '../../src/lib/ingest/batches';
import { importAnyFiles } from '../../src/lib/ingest/sources';
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

	it('names each flag’s form kind and project as its form prints them, none for a unit-wide flag', async () => {
		const wrong = await db.query<{ id: string }>(
			`SELECT f.id FROM audit_flags f LEFT JOIN evaluations e USING (eval_id)
			WHERE f.form IS DISTINCT FROM e.form OR f.project_name IS DISTINCT FROM e.project_name`
		);
		expect(wrong).toEqual([]);
		const kinds = await db.query<{ form: string | null; n: number }>(
			`SELECT form, count(*)::INTEGER AS n FROM audit_flags GROUP BY form ORDER BY form NULLS FIRST`
		);
		// Unit-wide flags, department forms' and project forms': all three kinds are exercised.
		expect(kinds.map((k) => k.form)).toEqual([null, 'department', 'project']);
		expect(kinds.every((k) => k.n > 0)).toBe(true);
	});

	it('gives every indicator one status row that names its form as the form prints it', async () => {
		const [n] = await db.query<{ rows: number; status: number }>(
			`SELECT (SELECT count(*) FROM indicators)::INTEGER AS rows,
				(SELECT count(*) FROM indicators JOIN audit_indicators USING (eval_id, seq))::INTEGER AS status`
		);
		expect(n.rows).toBeGreaterThan(1000);
		expect(n.status).toBe(n.rows);
		const wrong = await db.query<{ eval_id: string; seq: number }>(
			`SELECT a.eval_id, a.seq FROM audit_indicators a LEFT JOIN evaluations e USING (eval_id)
			WHERE a.unit_id IS DISTINCT FROM e.unit_id OR a.year IS DISTINCT FROM e.year
				OR a.form IS DISTINCT FROM e.form OR a.project_name IS DISTINCT FROM e.project_name
				OR a.provenance IS DISTINCT FROM e.provenance`
		);
		expect(wrong).toEqual([]);
	});

	it('lists on each form the rules of its flags, once each in the audit’s order, and only those', async () => {
		const wrong = await db.query<{ eval_id: string; rules: string | null; flagged: string | null }>(
			`WITH r AS (SELECT eval_id, rule FROM audit_flags WHERE eval_id IS NOT NULL GROUP BY ALL)
			SELECT a.eval_id, a.rules,
				(SELECT string_agg(r.rule, ' ' ORDER BY r.rule) FROM r WHERE r.eval_id = a.eval_id) AS flagged
			FROM audit_forms a
			WHERE (SELECT string_agg(x, ' ' ORDER BY x) FROM unnest(string_split(a.rules, ' ')) t(x))
				IS DISTINCT FROM flagged`
		);
		expect(wrong).toEqual([]);
		const lists = await db.query<{ rules: string }>(
			'SELECT DISTINCT rules FROM audit_forms WHERE rules IS NOT NULL'
		);
		for (const { rules } of lists) {
			const at = rules.split(' ').map((id) => RULE_IDS.indexOf(id as RuleId));
			expect(
				at.every((i, k) => i >= 0 && (k === 0 || i > at[k - 1])),
				rules
			).toBe(true);
		}
		const [n] = await db.query<{ many: number; none: number }>(
			`SELECT count(*) FILTER (WHERE rules LIKE '% %')::INTEGER AS many,
				count(*) FILTER (WHERE rules IS NULL)::INTEGER AS none FROM audit_forms`
		);
		// Forms flagged by several rules and forms flagged by none are both exercised.
		expect(n.many).toBeGreaterThan(0);
		expect(n.none).toBeGreaterThan(0);
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

describe('audit on imported data', () => {
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

	it('follows a directions file loaded beside the forms: the score moves by what the rule gives', async () => {
		const local = await NodeConnector.open();
		const dept = async () =>
			(
				await local.query<AuditFormRow>(
					`SELECT * FROM audit_forms WHERE eval_id = '430212-jiwei-2023-dept'`
				)
			)[0];
		try {
			await local.exec(createAllSql());
			const forms = await importAnyFiles(read('data/sample'));
			await loadDataset(local, toBatches(forms.rows), 'replace');
			const before = await dept();
			// The fixture says 工作投入成本 is ≥; its other rows are refused (a bad value, a clash).
			const dirs = await importAnyFiles(
				[
					{
						name: '指标方向.csv',
						bytes: new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/import/指标方向.csv')))
					}
				],
				{ defaults: { provenance: 'published' } }
			);
			expect(dirs.report.tables[0]).toMatchObject({ accepted: 1, rejected: 3 });
			const s = await loadDataset(local, toBatches(dirs.rows), 'add');
			expect(s.loaded).toEqual({ directions: 1 });
			const after = await dept();
			// Before: ≤ inferred from 成本指标, 1715.85 against 1262.27 gives (1 − 453.58/1262.27) × 15.
			// After: ≥, 1715.85 meets 1262.27, so the row earns its 15: the score rises by 15 × 453.58/1262.27.
			expect(after.recomputed_score! - before.recomputed_score!).toBeCloseTo(
				(15 * 453.58) / 1262.27,
				6
			);
			expect(after.recomputed_score).toBeCloseTo(90, 6);
			expect(after.inferred_rows).toBe(before.inferred_rows - 1);
			const [row] = await local.query<AuditIndicatorRow>(
				`SELECT * FROM audit_indicators WHERE eval_id = '430212-jiwei-2023-dept' AND seq = 4`
			);
			expect(row).toMatchObject({
				direction: '≥',
				direction_source: 'override',
				direction_note: '测试：发布方认为投入越多保障越足',
				status: 'met',
				expected_score: 15
			});
			const ids = await local.query<{ id: string }>('SELECT id FROM audit_flags ORDER BY id');
			expect(ids.map((x) => x.id)).toEqual([
				'cost_exceeds_spending:430212-jiwei-2023-p02:4',
				'full_marks_on_miss:430212-jiwei-2023-p02:4'
			]);
		} finally {
			await local.close();
		}
	});
});

describe('the demo’s synthetic direction (工作投入成本 ≤), built with and without it', () => {
	it('changes where the direction came from, not the scores, and never touches the published sample', async () => {
		const without = await NodeConnector.open();
		try {
			await without.exec(createAllSql());
			const files = ['data/sample', 'data/demo'].flatMap((dir) =>
				['units', 'evaluations', 'funding', 'indicators', 'metrics'].map((t) => ({
					name: `${dir.split('/')[1]}-${t}.csv`,
					bytes: new Uint8Array(readFileSync(join(ROOT, dir, `${t}.csv`)))
				}))
			);
			const r = await importAnyFiles(files);
			await loadDataset(without, toBatches(r.rows), 'replace');
			type Row = { eval_id: string; recomputed_score: number | null; inferred_rows: number };
			const sql =
				'SELECT eval_id, recomputed_score, inferred_rows FROM audit_forms ORDER BY eval_id';
			const a = await without.query<Row>(sql);
			const b = await db.query<Row>(sql);
			expect(b.map((x) => x.eval_id)).toEqual(a.map((x) => x.eval_id));
			// The demo's inference (成本指标 → ≤) was right: every score stays as it was.
			for (let i = 0; i < a.length; i++)
				expect(b[i].recomputed_score, a[i].eval_id).toBe(a[i].recomputed_score);
			const counts = `SELECT direction_source, count(*)::INTEGER AS n FROM audit_indicators a
				JOIN indicators i USING (eval_id, seq) WHERE i.level3 = '工作投入成本' GROUP BY ALL ORDER BY 1`;
			const ca = await without.query<{ direction_source: string | null; n: number }>(counts);
			const cb = await db.query<{ direction_source: string | null; n: number }>(counts);
			const n = (rows: typeof ca, s: string) => rows.find((x) => x.direction_source === s)?.n ?? 0;
			// The rows that printed nothing move from inferred to set by the publisher; the sample's stays inferred.
			expect(n(cb, 'override')).toBe(n(ca, 'group') - 1);
			expect(n(cb, 'group')).toBe(1);
			expect(n(cb, 'override')).toBeGreaterThan(300);
			const inferred = (rows: Row[]) => rows.reduce((s, x) => s + x.inferred_rows, 0);
			expect(inferred(a) - inferred(b)).toBe(n(cb, 'override'));
			// The published form still says its direction was inferred.
			const [ref] = await db.query<AuditIndicatorRow>(
				`SELECT * FROM audit_indicators WHERE eval_id = '430212-jiwei-2023-dept' AND seq = 4`
			);
			expect(ref).toMatchObject({ direction_source: 'group', direction_note: null });
			// The 40 forms printing 定性 for it keep 定性 and say so.
			const [notApplied] = await db.query<{ n: number }>(
				"SELECT count(*)::INTEGER AS n FROM audit_flags WHERE rule = 'direction_not_applied'"
			);
			expect(notApplied.n).toBe(40);
		} finally {
			await without.close();
		}
	}, 120_000);
});
