// Which moves load a unit's page whole: entering one from another page, never a move within it.
import { describe, expect, it } from 'vitest';
import {
	importedUnitPath,
	importedUnitUrl,
	loadsWhole,
	unitPageId
} from '../../src/lib/views/whole-load';

const at = (path: string) => new URL(path, 'https://example.org');

describe('unitPageId', () => {
	it('names the unit only at /units/<id>/, under the base', () => {
		expect(unitPageId('/units/430212-jiwei/', '')).toBe('430212-jiwei');
		expect(unitPageId('/site/units/430212-jiwei/', '/site')).toBe('430212-jiwei');
		expect(unitPageId('/units/%E5%8D%95%E4%BD%8D/', '')).toBe('单位');
		expect(unitPageId('/units/', '')).toBeNull();
		expect(unitPageId('/units/430212-jiwei', '')).toBe('430212-jiwei');
		expect(unitPageId('/units/%E5%8D%95', '')).toBe('单');
		expect(unitPageId('/units/%E5%8D/', '')).toBe('%E5%8D');
		expect(unitPageId('/units/430212-jiwei/x/', '')).toBeNull();
		expect(unitPageId('/imported/unit/', '')).toBeNull();
		expect(unitPageId('/units/430212-jiwei/', '/site')).toBeNull();
		expect(unitPageId('/regions/4302/', '')).toBeNull();
	});
});

describe('loadsWhole', () => {
	it('loads a unit page whole when entering it from another page or unit', () => {
		expect(loadsWhole(at('/'), at('/units/a/'), '')).toBe(true);
		expect(loadsWhole(at('/regions/4302/'), at('/units/a/?year=2021#year-2021'), '')).toBe(true);
		expect(loadsWhole(at('/units/a/'), at('/units/b/'), '')).toBe(true);
	});
	it('keeps moves within a unit page, out of one, and between other pages in the page', () => {
		expect(loadsWhole(at('/units/a/'), at('/units/a/?year=2019#year-2019'), '')).toBe(false);
		expect(loadsWhole(at('/units/a/?year=2019'), at('/units/a/#a-2019-p01'), '')).toBe(false);
		expect(loadsWhole(at('/units/a/?year=2020'), at('/'), '')).toBe(false);
		expect(loadsWhole(at('/'), at('/trends/'), '')).toBe(false);
		expect(loadsWhole(at('/units/'), at('/imported/unit/?id=a'), '')).toBe(false);
	});
	it('leaves other origins to the browser', () => {
		expect(loadsWhole(at('/'), new URL('https://other.example/units/a/'), '')).toBe(false);
	});
});

describe('importedUnitUrl', () => {
	it('keeps the year, the language and the hash, with the unit first', () => {
		expect(importedUnitUrl(at('/units/a/?year=2019&lang=en#year-2019'), 'a', '/site')).toBe(
			'/site/imported/unit/?id=a&year=2019&lang=en#year-2019'
		);
		expect(importedUnitUrl(at('/units/a/'), 'a', '')).toBe('/imported/unit/?id=a');
	});
});

describe('importedUnitPath', () => {
	it('gives an id of any characters back whole, before the year', () => {
		const id = '株洲 纪委&id=x#1';
		const url = new URL(importedUnitPath(id, '/site', [['year', '2023']]), 'http://h');
		expect(url.pathname).toBe('/site/imported/unit/');
		expect([...url.searchParams]).toEqual([
			['id', id],
			['year', '2023']
		]);
		expect(url.hash).toBe('');
	});
});
