// The pager's row range: the rows of the page shown, and the last page's when a page past the end is asked.
import { describe, expect, it } from 'vitest';
import { pageRange } from '../../src/lib/components/pager';

describe('pageRange', () => {
	it('numbers the rows of a full page, and of a short last page', () => {
		expect(pageRange(1, 50, 50, 120, 3)).toEqual({ from: 1, to: 50, total: 120 });
		expect(pageRange(3, 50, 20, 120, 3)).toEqual({ from: 101, to: 120, total: 120 });
	});

	it('past the last page (no rows there), says the last page’s rows', () => {
		expect(pageRange(9, 50, 0, 120, 3)).toEqual({ from: 101, to: 120, total: 120 });
	});

	it('with no rows at all, from is past to (the pager then says there are none)', () => {
		expect(pageRange(1, 50, 0, 0, 1)).toEqual({ from: 1, to: 0, total: 0 });
	});
});
