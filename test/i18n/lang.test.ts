// The one reader of UI text: picks the language and fills `{name}` placeholders.
import { afterEach, describe, expect, it } from 'vitest';
import { fill, lang, tr } from '../../src/lib/i18n/lang.svelte';
import { M, m } from '../../src/lib/i18n/messages';

afterEach(() => {
	lang.current = 'zh';
});

describe('tr', () => {
	it('picks the current language', () => {
		expect(tr(M.navAudit)).toBe('审计');
		lang.current = 'en';
		expect(tr(M.navAudit)).toBe('Audit');
	});

	it('fills every placeholder, numbers and text alike, in either language', () => {
		expect(tr(M.execByUnitAlt, { year: 2023, n: 12 })).toBe(
			'2023 年各单位部门整体预算执行率，从高到低排列，共 12 个单位'
		);
		lang.current = 'en';
		expect(tr(M.execByUnitAlt, { year: 2023, n: 12 })).toBe(
			'Execution rate of each unit’s department form in 2023, highest first, 12 units'
		);
	});

	it('leaves a placeholder without a value as written, and fills the same name twice', () => {
		const e = m('{a} 与 {a}，{b}', '{a} and {a}, {b}');
		expect(tr(e, { a: 0 })).toBe('0 与 0，{b}');
		expect(tr(e)).toBe('{a} 与 {a}，{b}');
	});

	it('fills values as given, not as patterns ($&, braces)', () => {
		expect(fill('查询“{q}”', { q: '$& {q} $1' })).toBe('查询“$& {q} $1”');
	});

	it('does not take a placeholder from the prototype', () => {
		expect(fill('{constructor} {toString}', {})).toBe('{constructor} {toString}');
	});
});
