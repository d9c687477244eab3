// A page's filter in the URL: read back as written, invalid values read as absent, written in a fixed order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	either,
	hrefWithLang,
	int,
	list,
	num,
	oneOf,
	readQuery,
	text,
	writeQuery,
	type QueryOf
} from '../../src/lib/views/url';

const SEVERITIES = ['error', 'warning', 'info'] as const;
/** The projects page's parameters: `all` or a year, a unit, score bounds, a search. */
const params = {
	year: either(oneOf(['all']), int),
	unit: text,
	min: num,
	max: num,
	q: text,
	severity: oneOf(SEVERITIES),
	units: list(text)
};
type P = QueryOf<typeof params>;

const read = (search: string) => readQuery(params, new URLSearchParams(search));
const none: P = {
	year: null,
	unit: null,
	min: null,
	max: null,
	q: null,
	severity: null,
	units: null
};

describe('reading the URL', () => {
	it('reads every parameter, typed', () => {
		expect(
			read('year=2023&unit=430212-jiwei&min=60&max=95.5&q=结案&severity=warning&units=a,b')
		).toEqual({
			year: 2023,
			unit: '430212-jiwei',
			min: 60,
			max: 95.5,
			q: '结案',
			severity: 'warning',
			units: ['a', 'b']
		});
		expect(read('year=all').year).toBe('all');
	});

	it('reads every parameter as absent on the prerendered page (no query string)', () => {
		expect(readQuery(params, null)).toEqual(none);
		expect(read('')).toEqual(none);
	});

	it('ignores invalid values: each reads as absent, the others are kept', () => {
		expect(read('year=2023.5&min=abc&max=&severity=fatal&q=ok&units=,,&unit=u1&extra=1')).toEqual({
			...none,
			q: 'ok',
			unit: 'u1'
		});
		for (const y of ['x', '20x3', '1e3', 'All', '0x10', ' '])
			expect(read(`year=${encodeURIComponent(y)}`).year, y).toBeNull();
		expect(read('min=Infinity&max=NaN')).toEqual(none);
	});

	it('keeps free text as typed: control characters, quotes, LIKE wildcards, placeholders', () => {
		for (const q of ['\u0000', 'a\u0001\u001f\u007fb', '%', "'; DROP TABLE units;--", '{q}'])
			expect(read(new URLSearchParams({ q }).toString()).q).toBe(q);
	});
});

describe('writing the URL', () => {
	it('writes in the order of the parameters, leaving out empty ones', () => {
		expect(writeQuery(params, { max: 95, year: 'all' })).toBe('?year=all&max=95');
		expect(writeQuery(params, { unit: null, q: undefined, units: ['a', 'b'] })).toBe(
			'?units=a%2Cb'
		);
	});

	it('writes `?` for no filter, which clears the query string', () => {
		expect(writeQuery(params, {})).toBe('?');
		expect(writeQuery(params, none)).toBe('?');
	});

	it('reads back what it wrote (round trip), for any valid values', () => {
		const value = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
		const nonEmpty = fc.string({ minLength: 1, unit: 'binary' });
		fc.assert(
			fc.property(
				fc.record({
					year: value(fc.oneof(fc.constant('all' as const), fc.integer({ min: -1, max: 3000 }))),
					unit: value(nonEmpty),
					min: value(fc.double({ noNaN: true, noDefaultInfinity: true })),
					max: value(fc.integer()),
					q: value(nonEmpty),
					severity: value(fc.constantFrom(...SEVERITIES)),
					units: value(
						fc.array(
							nonEmpty.filter((s) => !s.includes(',')),
							{ minLength: 1, maxLength: 6 }
						)
					)
				}),
				(v) => {
					const back = read(writeQuery(params, v).slice(1));
					// −0 writes as 0.
					expect(back).toEqual({ ...v, min: Object.is(v.min, -0) ? 0 : v.min });
				}
			)
		);
	});
});

describe('hrefWithLang', () => {
	it('adds lang=en for English and removes it for Chinese, keeping the rest', () => {
		expect(hrefWithLang('/audit/?rule=x&year=2023', 'en')).toBe('/audit/?rule=x&year=2023&lang=en');
		expect(hrefWithLang('/audit/?rule=x&lang=en&year=2023', 'zh')).toBe('/audit/?rule=x&year=2023');
		expect(hrefWithLang('/units/a/#f1', 'en')).toBe('/units/a/?lang=en#f1');
		expect(hrefWithLang('/units/a/?year=2023#f1', 'en')).toBe('/units/a/?year=2023&lang=en#f1');
		expect(hrefWithLang('/units/a/?year=2023&lang=en#f1', 'zh')).toBe('/units/a/?year=2023#f1');
		expect(hrefWithLang('/', 'zh')).toBe('/');
	});

	it('keeps a query string a query string: `?` clears a filter in either language', () => {
		expect(hrefWithLang('?', 'zh')).toBe('?');
		expect(hrefWithLang('?', 'en')).toBe('?lang=en');
		expect(hrefWithLang('?lang=en', 'zh')).toBe('?');
	});

	it('never adds it twice, and round-trips any filter', () => {
		fc.assert(
			fc.property(fc.string(), fc.constantFrom('zh', 'en'), (q, lang) => {
				const href = writeQuery({ q: text }, { q: q || null });
				const once = hrefWithLang(href, lang as 'zh' | 'en');
				expect(hrefWithLang(once, lang as 'zh' | 'en')).toBe(once);
				const back = new URLSearchParams(once.slice(1));
				expect(back.getAll('lang')).toEqual(lang === 'en' ? ['en'] : []);
				expect(back.get('q')).toBe(q || null);
			})
		);
	});
});
