// The search's text handling: folding one character for one, Chinese words by Intl.Segmenter, bigrams, terms, ranges and pieces.
import { describe, expect, it } from 'vitest';
import {
	bigrams,
	fold,
	mergeRanges,
	occurrences,
	pieces,
	queryTerms,
	words
} from '../../src/lib/search/text';

describe('fold', () => {
	it('folds full-width, case and traditional characters, one for one', () => {
		expect(fold('ＡＢｃ１２３％')).toBe('abc123%');
		expect(fold('資金到位')).toBe('资金到位');
		expect(fold('項目經費')).toBe('项目经费');
	});
	it('keeps the length, so a place in the folded text is the place in the original', () => {
		for (const s of ['㈱資金', '①②', 'ﬁle', '𠀀資金', 'İstanbul', '\u0000x']) {
			expect(fold(s).length).toBe(s.length);
		}
	});
});

describe('words (Intl.Segmenter, never whitespace)', () => {
	it('cuts Chinese with no spaces into words', () => {
		const ws = words('部分项目资金下半年才下达');
		expect(ws.length).toBeGreaterThan(3);
		expect(ws).toContain('资金');
		expect(ws.join('')).toBe('部分项目资金下半年才下达');
	});
	it('leaves out punctuation and spaces', () => {
		const ws = words('资金， 到位。');
		expect(ws[0]).toBe('资金');
		expect(ws.join('')).toBe('资金到位');
	});
});

describe('bigrams', () => {
	it('pairs neighbouring characters, none across whitespace', () => {
		expect(bigrams('资金到位')).toEqual(['资金', '金到', '到位']);
		expect(bigrams('资 金')).toEqual([]);
		expect(bigrams('率')).toEqual([]);
		expect(bigrams('𠀀资')).toEqual(['𠀀资']);
	});
});

describe('queryTerms', () => {
	it('splits on spaces and list punctuation, folds, drops duplicates', () => {
		expect(queryTerms(' 资金  到位 ')).toEqual(['资金', '到位']);
		expect(queryTerms('資金，到位、资金')).toEqual(['资金', '到位']);
		expect(queryTerms('　')).toEqual([]);
	});
});

describe('ranges and pieces', () => {
	it('finds every occurrence, without overlaps', () => {
		expect(occurrences('资金资金', '资金')).toEqual([
			[0, 2],
			[2, 4]
		]);
		expect(occurrences('aaaa', 'aa')).toEqual([
			[0, 2],
			[2, 4]
		]);
		expect(occurrences('abc', '')).toEqual([]);
	});
	it('merges ranges that overlap or touch', () => {
		expect(
			mergeRanges([
				[4, 6],
				[0, 2],
				[1, 3],
				[6, 7]
			])
		).toEqual([
			[0, 3],
			[4, 7]
		]);
	});
	it('cuts a text into marked and plain pieces that join back to it', () => {
		const ps = pieces('部分项目资金下半年才下达', [[4, 6]]);
		expect(ps).toEqual([
			{ text: '部分项目', mark: false },
			{ text: '资金', mark: true },
			{ text: '下半年才下达', mark: false }
		]);
	});
	it('shortens a long text around its first match, saying where it was cut', () => {
		const text = '甲'.repeat(200) + '资金' + '乙'.repeat(200);
		const ps = pieces(text, [[200, 202]], 40);
		expect(ps[0]).toEqual({ text: '…', mark: false });
		expect(ps[ps.length - 1]).toEqual({ text: '…', mark: false });
		expect(ps.filter((p) => p.mark)).toEqual([{ text: '资金', mark: true }]);
		const body = ps
			.slice(1, -1)
			.map((p) => p.text)
			.join('');
		expect(text).toContain(body);
		expect(body.length).toBeLessThanOrEqual(41);
	});
});
