import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseValue, type ParsedValue } from '../../src/lib/normalize';

type Want = Pick<ParsedValue, 'kind' | 'value' | 'comparator' | 'unit'>;
const n = (
	value: number,
	unit: string | null = null,
	comparator: ParsedValue['comparator'] = null
): Want => ({ kind: 'number', value, unit, comparator });
const Q: Want = { kind: 'qualitative', value: null, comparator: 'qualitative', unit: null };
const MISSING: Want = { kind: 'missing', value: null, comparator: null, unit: null };

// Every pattern listed in the design's domain primer, and the variants around them.
const CASES: [string, Want][] = [
	['300个', n(300, '个')],
	['313个', n(313, '个')],
	['1262.27万', n(1262.27, '万元')],
	['8000万', n(8000, '万元')],
	['96%以上', n(96, '%', '≥')],
	['100.00%', n(100, '%')],
	['≥95%', n(95, '%', '≥')],
	['≤202.6万元', n(202.6, '万元', '≤')],
	['=8个', n(8, '个', '=')],
	['﹦8个', n(8, '个', '=')],
	['10萬', n(10, '万元')],
	['9月前', Q],
	['12月底前', Q],
	['定性', Q],
	['定性指标', Q],
	['完成', Q],
	['在审批时限内办结', Q],
	['无不合格案件', Q],
	['达成预期指标', Q],
	['高', Q],
	['好', Q],
	['/', MISSING],
	['—', MISSING],
	['……', MISSING],
	['', MISSING],
	['　', MISSING],
	['8000余万元', n(8000, '万元')],
	['１２３', n(123)],
	['９６％', n(96, '%')],
	['1,234.5元', n(0.12345, '万元')],
	['2亿', n(20000, '万元')],
	['3.5亿元', n(35000, '万元')],
	['10万人', n(100000, '人')],
	['不低于90%', n(90, '%', '≥')],
	['不超过5天', n(5, '天', '≤')],
	['达到100%', n(100, '%', '≥')],
	['30人次', n(30, '人次')],
	['−5', n(-5)],
	['0', n(0)],
	['1715.85', n(1715.85)],
	['  96%  ', n(96, '%')],
	['≥50个', n(50, '个', '≥')],
	['5个以内', n(5, '个', '≤')],
	['约300人', n(300, '人')],
	['51000021R000000019951-工资性支出', { kind: 'text', value: null, comparator: null, unit: null }],
	['第3季度', { kind: 'text', value: null, comparator: null, unit: null }]
];

describe('parseValue', () => {
	for (const [text, want] of CASES)
		it(`reads ${JSON.stringify(text)}`, () => {
			const got = parseValue(text);
			expect({
				kind: got.kind,
				value: got.value === null ? null : Number(got.value.toPrecision(12)),
				comparator: got.comparator,
				unit: got.unit
			}).toEqual(want);
			expect(got.text).toBe(text);
		});

	it('says what it did to read a value', () => {
		expect(parseValue('1,234.5元').notes.map((n) => n.en)).toContain('元 scaled to 万元');
		expect(parseValue('8000余万元').notes.map((n) => n.en)).toContain('approximate (余/多/约)');
		expect(parseValue('９６％').notes.map((n) => n.en)).toContain(
			'full-width characters read as ASCII'
		);
		expect(parseValue('>5').notes.map((n) => n.en)).toContain('strict > read as ≥');
	});

	it('never throws and always keeps the original text', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				expect(parseValue(s).text).toBe(s);
			}),
			{ numRuns: 2000 }
		);
	});

	it('never returns a number for text that holds no digit', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				fc.pre(!/[0-9０-９]/.test(s));
				const p = parseValue(s);
				expect(p.value).toBeNull();
				expect(p.kind).not.toBe('number');
			}),
			{ numRuns: 3000 }
		);
	});

	it('reads back any plainly printed number, with any unit and comparator it knows', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -1e9, max: 1e9, noNaN: true }),
				fc.constantFrom('', '个', '件', '%', '万元', '人'),
				fc.constantFrom('', '≥', '≤', '='),
				(x, unit, cmp) => {
					const printed = x.toFixed(2);
					const p = parseValue(`${cmp}${printed}${unit}`);
					expect(p.kind).toBe('number');
					expect(p.value).toBe(Number(printed));
					expect(p.unit).toBe(unit || null);
					expect(p.comparator).toBe(cmp || null);
				}
			),
			{ numRuns: 1000 }
		);
	});
});
