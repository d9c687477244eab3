// The forms grid's query: filters, sorting, paging and totals against figures computed from the CSVs (and the audit's Arrow tables) in plain JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditFlag, AuditFormRow } from '../../src/lib/audit';
import type { NodeConnector } from '../../src/lib/db/node';
import { RULES } from '../../src/lib/audit/rules';
import { auditKpis, flagCounts } from '../../src/lib/queries/audit';
import {
	formCount,
	formList,
	formsAll,
	formsPage,
	RATE_BANDS,
	type FormFilter
} from '../../src/lib/queries/forms';
import { kpis } from '../../src/lib/queries/overview';
import { run } from '../../src/lib/queries/query';
import { bundledDir, openBundled } from '../helpers/built';
import { allRows } from '../helpers/data';
import { partRows } from '../helpers/parts';
import { FORM_RULE_IDS, readGridSearch } from '../../src/lib/views/forms-params';

interface CsvForm {
	eval_id: string;
	unit_id: string;
	year: number;
	form: string;
	reason: string | null;
	rate: number | null;
	budget_final: number | null;
	region: string;
	sector: string;
	short_name: string;
}

let db: NodeConnector;
let dispose: () => Promise<void>;
let forms: CsvForm[];
let audit: Map<string, AuditFormRow>;
let flags: AuditFlag[];

beforeAll(async () => {
	({ db, dispose } = await openBundled());
	const units = new Map(allRows('units').map((u) => [u.unit_id, u]));
	forms = allRows('evaluations').map((e) => {
		const u = units.get(e.unit_id)!;
		const final = e.budget_final === '' ? null : Number(e.budget_final);
		const executed = e.executed === '' ? null : Number(e.executed);
		return {
			eval_id: e.eval_id,
			unit_id: e.unit_id,
			year: Number(e.year),
			form: e.form,
			// The sample's CSV has no exec_reason column: absent and empty are both no reason.
			reason: e.exec_reason ? e.exec_reason : null,
			rate: final !== null && final > 0 && executed !== null ? executed / final : null,
			budget_final: final,
			region: u.region,
			sector: u.sector,
			short_name: u.short_name || u.name
		};
	});
	// The audit tables as the browser receives them (their partitions), decoded without SQL.
	audit = new Map(
		(await partRows<AuditFormRow>(bundledDir(), 'audit_forms')).map((a) => [a.eval_id, a])
	);
	flags = await partRows<AuditFlag>(bundledDir(), 'audit_flags');
}, 120_000);
afterAll(() => dispose?.());

const ids = (rows: { eval_id: string }[]) => rows.map((r) => r.eval_id).sort();
const count = async (f: FormFilter) => (await run(db, formCount(f)))[0].n;

describe('the forms grid query', () => {
	it('holds every form of the CSVs once, over all its pages, with the total on each', async () => {
		const size = 200;
		const first = await formsPage(db, {}, { page: 1, pageSize: size });
		expect(first.total).toBe(forms.length);
		const pages = Math.ceil(first.total / size);
		const seen: string[] = [];
		for (let page = 1; page <= pages; page++) {
			const p = await formsPage(db, {}, { page, pageSize: size });
			expect(p.total).toBe(forms.length);
			seen.push(...p.rows.map((r) => r.eval_id));
		}
		expect(seen).toHaveLength(forms.length);
		expect(new Set(seen).size).toBe(forms.length);
		// The pages, one after the other, are the whole list in the same order.
		expect(seen).toEqual((await formsAll(db, {})).map((r) => r.eval_id));
	});

	it('answers “2023 department forms below 90%” with the CSVs’ forms and their reasons', async () => {
		const f: FormFilter = { yearFrom: 2023, yearTo: 2023, form: 'department', rate: 'lt90' };
		const want = forms.filter(
			(x) => x.year === 2023 && x.form === 'department' && x.rate !== null && x.rate < 0.9
		);
		expect(want.length).toBeGreaterThan(0);
		const rows = await formsAll(db, f);
		expect(ids(rows)).toEqual(ids(want));
		for (const r of rows) {
			const w = want.find((x) => x.eval_id === r.eval_id)!;
			expect(r.exec_reason).toBe(w.reason);
			expect(r.exec_rate).toBeCloseTo(w.rate!, 12);
		}
		expect(await count(f)).toBe(want.length);
	});

	it('filters by a year range, unit, region prefix and sector as the CSVs say', async () => {
		const cases: [FormFilter, (x: CsvForm) => boolean][] = [
			[{ yearFrom: 2018, yearTo: 2020 }, (x) => x.year >= 2018 && x.year <= 2020],
			[{ yearFrom: 2024 }, (x) => x.year >= 2024],
			[{ unitId: '990501-jiwei-1' }, (x) => x.unit_id === '990501-jiwei-1'],
			[{ region: '湖南省' }, (x) => x.region.startsWith('湖南省')],
			[{ region: '虚构省澄月市' }, (x) => x.region.startsWith('虚构省澄月市')],
			[{ sector: '教育', form: 'project' }, (x) => x.sector === '教育' && x.form === 'project']
		];
		for (const [f, keep] of cases) {
			const want = forms.filter(keep);
			expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
			expect(ids(await formsAll(db, f)), JSON.stringify(f)).toEqual(ids(want));
		}
	});

	it('splits the forms into rate bands that add up (and “below 90%” is its two lower bands)', async () => {
		const n = Object.fromEntries(
			await Promise.all(RATE_BANDS.map(async (b) => [b, await count({ rate: b })] as const))
		);
		expect(n.lt80 + n['80-90'] + n['90-100'] + n.gte100 + n.none).toBe(forms.length);
		expect(n.lt90).toBe(n.lt80 + n['80-90']);
		expect(n.none).toBe(forms.filter((x) => x.rate === null).length);
		expect(n.gte100).toBe(forms.filter((x) => x.rate !== null && x.rate >= 1).length);
	});

	it('filters by an audit rule, any flag, and an inflation threshold as the audit’s tables say', async () => {
		const rule = 'full_marks_on_miss';
		const flagged = new Set(flags.filter((f) => f.rule === rule).map((f) => f.eval_id));
		expect(flagged.size).toBeGreaterThan(0);
		expect(ids(await formsAll(db, { rule }))).toEqual([...flagged].sort());
		const any = new Set(flags.filter((f) => f.eval_id).map((f) => f.eval_id));
		expect(ids(await formsAll(db, { rule: 'any' }))).toEqual([...any].sort());
		const inflated = [...audit.values()].filter((a) => (a.gap_pct ?? -Infinity) >= 5);
		expect(ids(await formsAll(db, { gapMin: 5 }))).toEqual(ids(inflated));
		// The one 2024 form the overview's card counts: a project form, +6.21.
		const y2024 = await formsAll(db, { yearFrom: 2024, yearTo: 2024, gapMin: 5 });
		expect(y2024.map((r) => [r.eval_id, r.form, r.gap_pct!.toFixed(2)])).toEqual([
			['990518-jiwei-18-2024-p03', 'project', '6.21']
		]);
	});

	it('sorts by any column in SQL, nulls last, ties by the form’s id', async () => {
		const byGap = await formsAll(db, { sort: 'gap_pct', dir: 'desc' });
		const gaps = [...audit.values()].map((a) => a.gap_pct ?? -Infinity);
		expect(byGap[0].gap_pct).toBe(Math.max(...gaps));
		const sortedBudget = [...forms].sort(
			(a, b) =>
				(a.budget_final ?? Infinity) - (b.budget_final ?? Infinity) ||
				(a.eval_id < b.eval_id ? -1 : 1)
		);
		const byBudget = await formsAll(db, { sort: 'budget_final', dir: 'asc' });
		expect(byBudget.map((r) => r.eval_id)).toEqual(sortedBudget.map((x) => x.eval_id));
		const byReason = await formsAll(db, { sort: 'reason', dir: 'desc' });
		const withReason = forms.filter((x) => x.reason !== null).length;
		expect(byReason.slice(withReason).every((r) => r.exec_reason === null)).toBe(true);
		expect(byReason.slice(0, withReason).every((r) => r.exec_reason !== null)).toBe(true);
		// Every sortable column runs, and gives every row.
		for (const sort of ['unit', 'region', 'grade_reported', 'flags_error', 'exec_rate'] as const)
			expect(await formsAll(db, { sort, dir: 'asc' }), sort).toHaveLength(forms.length);
	});

	it('pages: the last page holds the remainder, a page past the end holds nothing', async () => {
		const f: FormFilter = { form: 'project', sort: 'year', dir: 'asc' };
		const total = forms.filter((x) => x.form === 'project').length;
		const size = 25;
		const pages = Math.ceil(total / size);
		const last = await formsPage(db, f, { page: pages, pageSize: size });
		expect(last.total).toBe(total);
		expect(last.rows).toHaveLength(total % size || size);
		expect((await formsPage(db, f, { page: pages + 1, pageSize: size })).rows).toEqual([]);
		const all = await formsAll(db, f);
		expect(last.rows).toEqual(all.slice((pages - 1) * size));
		expect(await run(db, formList(f, { page: 2, pageSize: size }))).toEqual(
			all.slice(size, 2 * size)
		);
	});

	it('counts what the overview’s and audit’s cards count, year by year', async () => {
		for (const year of [2016, 2020, 2023, 2024, 2025]) {
			const [k] = await run(db, kpis(year));
			const y = { yearFrom: year, yearTo: year };
			expect(await count(y)).toBe(k.forms);
			expect(await count({ ...y, rate: 'lt90' })).toBe(k.low_exec_forms);
			expect(await count({ ...y, gapMin: 5 })).toBe(k.inflated_forms);
			const [a] = await run(db, auditKpis({ year }));
			expect(await count({ ...y, rule: 'any' })).toBe(a.flagged_forms);
			expect(await count({ ...y, gapMin: 5 })).toBe(a.inflated_forms);
		}
	});

	it('matches, for every rule it offers, exactly the forms the audit’s rule table counts (and links)', async () => {
		for (const year of [null, 2023, 2024]) {
			const counts = await run(db, flagCounts({ year }));
			const y = year === null ? {} : { yearFrom: year, yearTo: year };
			for (const rule of FORM_RULE_IDS) {
				const audited = counts.find((c) => c.rule === rule)?.forms ?? 0;
				const want = new Set(
					flags
						.filter((f) => f.rule === rule && (year === null || f.year === year))
						.map((f) => f.eval_id)
				);
				expect(await count({ ...y, rule }), `${rule} ${year}`).toBe(audited);
				expect(audited, `${rule} ${year}`).toBe(want.size);
			}
		}
		// A unit-wide rule's flags have no form: the audit counts 0 forms and the URL does not offer it.
		for (const r of RULES.filter((x) => x.scope === 'unit')) {
			expect(
				flags.filter((f) => f.rule === r.id && f.eval_id !== null),
				r.id
			).toEqual([]);
			expect((await run(db, flagCounts())).find((c) => c.rule === r.id)?.forms ?? 0).toBe(0);
			expect(readGridSearch(`?rule=${r.id}`).rule).toBeNull();
		}
		expect(flags.some((f) => RULES.find((r) => r.id === f.rule)!.scope === 'unit')).toBe(true);
	});

	it('runs text filters holding quote, percent and backslash as literal text: no match, no error', async () => {
		for (const v of ["'", '%', '\\', "湖南省%'\\", "'; DROP TABLE units; --"]) {
			for (const f of [{ unitId: v }, { region: v }, { sector: v }] as FormFilter[]) {
				const p = await formsPage(db, f, { page: 1, pageSize: 25 });
				expect(p, JSON.stringify(f)).toEqual({ rows: [], total: 0 });
			}
		}
		// `%` is no wildcard: a prefix that holds it matches nothing, the prefix without it everything below.
		expect(await count({ region: '湖南省%' })).toBe(0);
		expect(await count({ region: '湖南省' })).toBeGreaterThan(0);
	});

	it('answers a page far past the end with no rows and the total, without an SQL error', async () => {
		const f = readGridSearch('?page=100000000000000000000&size=200');
		expect(f.page).toBe(1);
		for (const page of [Number.MAX_SAFE_INTEGER, 1e21, Infinity]) {
			const p = await formsPage(db, {}, { page, pageSize: 200 });
			expect(p.rows, String(page)).toEqual([]);
			expect(p.total).toBe(forms.length);
		}
	});
});
