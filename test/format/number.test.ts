import { describe, expect, it } from 'vitest';
import { grade, money, pct, score, wan } from '../../src/lib/format/number';
import { numberText, toCsv } from '../../src/lib/export/csv';

describe('number formatting', () => {
	it('prints 万元 with two decimals and grouping, 亿元 from 10,000 万', () => {
		expect(wan(1715.85)).toBe('1,715.85');
		expect(money(1715.85)).toBe('1,715.85 万元');
		expect(money(164600)).toBe('16.46 亿元');
		expect(wan(null)).toBe('—');
	});

	it('prints rates and scores', () => {
		expect(pct(1)).toBe('100.0%');
		expect(pct(1.0259, 2)).toBe('102.59%');
		expect(score(89)).toBe('89');
		expect(score(97.834)).toBe('97.83');
	});

	it('grades on the national bands', () => {
		expect([grade(90), grade(89.99), grade(80), grade(60), grade(59.9), grade(null)]).toEqual([
			'优',
			'良',
			'良',
			'中',
			'差',
			'—'
		]);
	});
});

describe('CSV writing', () => {
	it('quotes only what needs it and writes numbers plainly', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					['x,y', 'say "hi"'],
					[1.5, null]
				]
			)
		).toBe('a,b\n"x,y","say ""hi"""\n1.5,\n');
		expect(numberText(0.1 + 0.2)).toBe('0.3');
		expect(() => numberText(NaN)).toThrow();
	});
});

describe('changes', () => {
	it('signs changes and never prints −0.0', async () => {
		const { delta, change } = await import('../../src/lib/format/number');
		expect(delta(1.234)).toBe('+1.2');
		expect(delta(-0.5, 1, '%')).toBe('−0.5%');
		expect(delta(-0.01)).toBe('±0.0');
		expect(delta(null)).toBe('—');
		expect(change(110, 100)).toBeCloseTo(0.1, 12);
		expect(change(1, 0)).toBeNull();
	});

	it('prints money in English as yuan', async () => {
		const { money } = await import('../../src/lib/format/number');
		expect(money(1715.85, 'en')).toBe('17.16 m yuan');
		expect(money(164600, 'en')).toBe('1.65 bn yuan');
	});
});
