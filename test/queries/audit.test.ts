// The audit's queries on both engines: each filter gives the flags and counts that the built audit tables hold, filtered in JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFlag, AuditFormRow } from '../../src/lib/audit';
import type { Connector } from '../../src/lib/db/connector';
import {
	auditKpis,
	auditPageData,
	flagCounts,
	flagList,
	unitYearAudit,
	type FlagFilter
} from '../../src/lib/queries/audit';
import { run } from '../../src/lib/queries/query';
import { unitYearTrace, type TraceRow } from '../../src/lib/queries/trace';
import { bundledDir } from '../helpers/built';
import { ENGINES } from '../helpers/engines';
import { partRows } from '../helpers/parts';

const REF = '430212-jiwei';
const RANK = { error: 0, warning: 1, info: 2 } as const;
/** The built audit and trace tables as the browser receives them (their partitions), decoded without SQL. */
const built: { flags: AuditFlag[]; forms: AuditFormRow[]; trace: TraceRow[] } = {
	flags: [],
	forms: [],
	trace: []
};
beforeAll(async () => {
	built.flags = await partRows<AuditFlag>(bundledDir(), 'audit_flags');
	built.forms = await partRows<AuditFormRow>(bundledDir(), 'audit_forms');
	built.trace = await partRows<TraceRow>(bundledDir(), 'trace');
});
const flags = () => built.flags;
const matches = (f: FlagFilter) => (x: AuditFlag) =>
	(!f.rule || x.rule === f.rule) &&
	(!f.severity || x.severity === f.severity) &&
	(!f.unitId || x.unit_id === f.unitId) &&
	(f.year === null || f.year === undefined || x.year === f.year);

const FILTERS: FlagFilter[] = [
	{},
	{ severity: 'warning' },
	{ rule: 'full_marks_on_miss' },
	{ year: 2023 },
	{ unitId: REF },
	{ unitId: '990501-jiwei-1', year: 2020 },
	{ rule: 'full_marks_on_miss', severity: 'warning', year: 2023, unitId: REF }
];

describe.each(ENGINES)('$name', ({ open }) => {
	let db: Connector;
	beforeAll(async () => {
		db = await open();
	}, 120_000);
	afterAll(() => db?.close());

	it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))(
		'lists the flags of %s, most severe and newest first',
		async (_, f) => {
			const want = flags().filter(matches(f));
			expect(want.length).toBeGreaterThan(0);
			const got = await run(db, flagList(f));
			expect(got.map((x) => x.id).sort()).toEqual(want.map((x) => x.id).sort());
			for (let i = 1; i < got.length; i++) {
				const [a, b] = [got[i - 1], got[i]];
				expect(RANK[a.severity]).toBeLessThanOrEqual(RANK[b.severity]);
				if (a.severity === b.severity && a.year !== null && b.year !== null)
					expect(a.year).toBeGreaterThanOrEqual(b.year);
			}
			const limited = await run(db, flagList(f, 2));
			expect(limited).toEqual(got.slice(0, 2));
			const page = await auditPageData(db, f, 2);
			expect(page.total).toBe(want.length);
			expect(page.rows).toEqual(limited);
		}
	);

	it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))(
		'counts the flags of %s by rule (every rule, whatever the rule filter) and by severity',
		async (_, f) => {
			const all = flags().filter(matches({ ...f, rule: null }));
			const counts = await run(db, flagCounts(f));
			expect(counts.reduce((n, c) => n + c.flags, 0)).toBe(all.length);
			for (const c of counts) {
				const mine = all.filter((x) => x.rule === c.rule && x.severity === c.severity);
				expect(c.flags).toBe(mine.length);
				expect(c.units).toBe(new Set(mine.map((x) => x.unit_id)).size);
			}
			const [k] = await run(db, auditKpis(f));
			const want = flags().filter(matches(f));
			expect([k.errors, k.warnings, k.infos]).toEqual(
				(['error', 'warning', 'info'] as const).map(
					(s) => want.filter((x) => x.severity === s).length
				)
			);
			const forms = built.forms.filter(
				(x) =>
					(!f.unitId || x.unit_id === f.unitId) &&
					(f.year === null || f.year === undefined || x.year === f.year)
			);
			expect(k.forms).toBe(forms.length);
			expect(k.inflated_forms).toBe(forms.filter((x) => (x.gap_pct ?? -Infinity) >= 5).length);
		}
	);

	it('gives one unit-year’s audit: its forms, indicators and flags', async () => {
		const a = await unitYearAudit(db, REF, 2023);
		expect(a.forms.map((x) => x.eval_id)).toEqual(
			expect.arrayContaining([`${REF}-2023-dept`, `${REF}-2023-p01`, `${REF}-2023-p02`])
		);
		expect(a.forms).toHaveLength(3);
		expect(a.indicators).toHaveLength(27);
		// Each status without the form's own columns, which the form beside it has (a unit page carries them).
		expect(Object.keys(a.indicators[0]).sort()).toEqual(
			[
				'eval_id',
				'seq',
				'direction',
				'direction_source',
				'direction_note',
				'status',
				'expected_score',
				'score_gap'
			].sort()
		);
		// By form, then position on the form, then rule.
		expect(a.flags.map((x) => x.id)).toEqual([
			`full_marks_on_miss:${REF}-2023-dept:4`,
			`cost_exceeds_spending:${REF}-2023-p02:4`,
			`full_marks_on_miss:${REF}-2023-p02:4`
		]);
	});

	it('gives the trace of one unit-year’s forms, and nothing of other units', async () => {
		const trace = built.trace;
		const evals = new Set([`${REF}-2023-dept`, `${REF}-2023-p01`, `${REF}-2023-p02`]);
		const want = trace.filter(
			(t) => t.table_name !== 'metrics' && evals.has(t.row_key.split('|')[0])
		);
		expect(want.length).toBeGreaterThan(100);
		const got = await run(db, unitYearTrace(REF, 2023));
		expect(got).toHaveLength(want.length);
		expect(new Set(got.map((t) => t.row_key.split('|')[0]))).toEqual(evals);
	});
});
