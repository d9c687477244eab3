// The traditional-character map covers every word the reader matches: adding a metric or a marker whose traditional form is unmapped fails here until scripts/make-traditional-map.ts is run.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { vocabulary } from '../../src/lib/documents/vocabulary';
import { toSimplified } from '../../src/lib/normalize/traditional';
import { parseValue } from '../../src/lib/normalize/value';

describe('traditional characters', () => {
	it.each(['tw', 'hk', 't'] as const)(
		'every word of the reader, written in OpenCC %s, reads back as simplified',
		(to) => {
			const conv = OpenCC.Converter({ from: 'cn', to });
			const missed = vocabulary().filter((w) => toSimplified(conv(w)) !== w);
			expect(missed).toEqual([]);
		}
	);

	it('the normaliser reads traditional units and words, and keeps the text as printed', () => {
		expect(parseValue('8000餘萬元')).toMatchObject({
			text: '8000餘萬元',
			value: 8000,
			unit: '万元'
		});
		expect(parseValue('300個')).toMatchObject({ value: 300, unit: '个' });
		expect(parseValue('96%以上')).toMatchObject({ comparator: '≥' });
		expect(parseValue('不超過202.6萬元')).toMatchObject({ comparator: '≤', value: 202.6 });
	});
});
