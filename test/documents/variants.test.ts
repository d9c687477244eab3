// Variants of the fixtures an adversarial review made: each one once ended "OK" with a value lost, shifted or invented; now each is read right or said.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../src/lib/documents/import';
import { readDocument } from '../../src/lib/documents/read';
import { ROOT } from '../helpers/data';

async function read(name: string) {
	const bytes = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/documents/variants', name)));
	const r = await readDocument({ name, bytes });
	const imp = importDocuments([{ read: r, unit: { unit_id: 'u', provenance: 'published' } }]);
	const rows = (t: string) => (imp.result.rows.get(t as 'units') ?? []).map((x) => x.values);
	const ev = (id: string) => rows('evaluations').find((e) => e.eval_id === id) ?? {};
	const said = (level: string, words: string) =>
		imp.notes.some((n) => n.level === level && n.message.en.includes(words));
	return { r, imp, rows, ev, said };
}

describe('document variants', () => {
	it('spaces inside numbers in a space-separated copy: the row is not read, and said (not shifted)', async () => {
		const { ev, said } = await read('s04-space.txt');
		const e = ev('u-2022-p01');
		for (const k of ['budget_initial', 'budget_final', 'executed', 'exec_weight', 'exec_score'])
			expect(e[k] ?? null, k).toBeNull();
		expect(said('warning', 'prints 8 values under only 6 headings')).toBe(true);
	});

	it('a row wider than the indicator table does not make split rows join wrongly', async () => {
		const { rows, said } = await read('wide-budget.txt');
		const dept = rows('indicators').filter((i) => i.eval_id === 'u-2023-dept');
		expect(dept).toHaveLength(9);
		expect(dept.every((i) => !/^\d+$/.test(i.level3 ?? ''))).toBe(true);
		expect(dept.map((i) => i.weight)).toEqual(['10', '15', '10', '15', '10', '10', '5', '5', '10']);
		expect(said('warning', 'heading “备注” is not recognised')).toBe(true);
	});

	it('a 合计 row under the budget is not the form’s total and does not end it', async () => {
		const { rows, said } = await read('heji-dept.txt');
		expect(
			rows('funding').filter((f) => f.eval_id === 'u-2023-dept' && f.dimension !== 'economic')
		).toHaveLength(6);
		expect(said('warning', 'does not close the indicator table')).toBe(true);
		const cut = await read('heji-budget-cut.txt');
		expect(cut.r.recognised!.forms[1].cutOff).toBe(true);
		expect(cut.ev('u-2023-p01').total_weight ?? null).toBeNull();
	});

	it('a 总分 row with its 分值 blank keeps the score under 得分 (text and HTML)', async () => {
		for (const f of ['total-noweight.txt', 'h4-total-blank-weight.html']) {
			const { ev } = await read(f);
			expect(ev('u-2023-dept').total_weight ?? null, f).toBeNull();
			expect(ev('u-2023-dept').total_score, f).toBe('90');
		}
	});

	it('a form that prints no year is not given the year of the form before it', async () => {
		const { rows, said } = await read('two-proj.txt');
		expect(rows('evaluations').map((e) => e.eval_id)).toEqual(['u-2023-dept', 'u-2023-p01']);
		expect(said('error', 'the form prints no year')).toBe(true);
	});

	it('a workbook cell formatted as a percentage reads as Excel shows it', async () => {
		const { rows } = await read('x-percent.xlsx');
		const sat = rows('indicators').find((i) => i.eval_id === 'u-2023-dept' && i.seq === '9')!;
		expect(sat).toMatchObject({ target_text: '96%', target_value: '96', unit: '%' });
	});

	it('an unknown column heading and the values under it are said, not dropped in silence', async () => {
		const { said } = await read('h10-header.html');
		expect(said('warning', 'heading “全年实际值” is not recognised')).toBe(true);
		expect(said('warning', 'sit under no recognised heading')).toBe(true);
	});

	it('report figures: 不予立案 is not 立案, 人次 is not 人, and the department comes before its projects', async () => {
		const n1 = await read('n1-narr.txt');
		const m1 = Object.fromEntries(n1.rows('metrics').map((m) => [m.metric, m.value_text]));
		expect(m1.cases_filed).toBe('130件');
		// The form's 实际完成情况 prints 处分102人次 (another measure): 处分102人 is read from the report.
		expect(m1.persons_disciplined).toBe('102人');
		const at = n1.rows('trace').find((t) => t.row_key === 'u|2023|persons_disciplined')!;
		expect(at.line).toBe('214');
		const n2 = await read('n2-order.txt');
		const m2 = Object.fromEntries(n2.rows('metrics').map((m) => [m.metric, m.value_text]));
		expect([m2.cases_filed, m2.persons_disciplined]).toEqual(['130件', '102人']);
	});

	it('a table nested in a form’s cell keeps the form whole, and is said', async () => {
		const { rows, said } = await read('h6-nested.html');
		expect(rows('evaluations').map((e) => e.eval_id)).toContain('u-2023-dept');
		expect(rows('indicators').filter((i) => i.eval_id === 'u-2023-dept')).toHaveLength(9);
		expect(said('warning', 'a cell of a table holds another table')).toBe(true);
	});
});
