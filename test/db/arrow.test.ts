// Arrow IPC streams written straight into buffers read back as the same values, nulls and text (CJK, emoji, empty).
import { Type, tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnsToArrowStream } from '../../src/lib/db/arrow';
import { NodeConnector } from '../../src/lib/db/node';

const roundTrip = (text: (string | null)[], ints: (number | null)[], reals: (number | null)[]) => {
	const t = tableFromIPC(
		columnsToArrowStream([
			{ name: 't', type: 'text', values: text },
			{ name: 'i', type: 'integer', values: ints },
			{ name: 'd', type: 'decimal', values: reals }
		])
	);
	return ['t', 'i', 'd'].map((c) => [...t.getChild(c)!]);
};

describe('columnsToArrowStream', () => {
	it('keeps text, whole numbers, decimals and nulls', () => {
		const text = ['中共株洲市渌口区纪律检查委员会', '', null, '≥95%', '😀 a', 'x'];
		const ints = [1, null, -2147483648, 2147483647, 0, 2023];
		const reals = [1715.85, null, -0.5, 1e-9, 0, 1262.27];
		expect(roundTrip(text, ints, reals)).toEqual([text, ints, reals]);
	});

	it('round-trips any strings and numbers', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						fc.option(fc.string({ unit: 'grapheme' }), { nil: null }),
						fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null }),
						fc.option(fc.double({ noNaN: true }), { nil: null })
					),
					{ maxLength: 40 }
				),
				(rows) => {
					const cols = [0, 1, 2].map((j) => rows.map((r) => r[j])) as [
						(string | null)[],
						(number | null)[],
						(number | null)[]
					];
					expect(roundTrip(...cols)).toEqual(cols);
				}
			)
		);
	});

	it('refuses a whole number beyond 32 bits instead of wrapping it', () => {
		expect(() => roundTrip(['a'], [3_000_000_000], [1])).toThrow(/not a 32-bit integer/);
		expect(() => roundTrip(['a'], [1.5], [1])).toThrow(/not a 32-bit integer/);
	});

	it('writes a repeating text column as a dictionary that reads back as the same strings', async () => {
		// Few distinct values: dictionary-encoded; nulls and the empty string stay apart.
		const pool = ['产出指标', '效益指标', '', '≥95%', '😀'];
		const text = Array.from({ length: 40 }, (_, i) => (i % 7 === 3 ? null : pool[i % pool.length]));
		const unique = text.map((v, i) => (v === null ? null : `${v}${i}`));
		const bytes = columnsToArrowStream([
			{ name: 'rep', type: 'text', values: text },
			{ name: 'uniq', type: 'text', values: unique }
		]);
		const t = tableFromIPC(bytes);
		expect(t.schema.fields.map((f) => f.typeId)).toEqual([Type.Dictionary, Type.Utf8]);
		// A column of nulls only is plain text: no dictionary with nothing in it.
		const nulls = tableFromIPC(
			columnsToArrowStream([{ name: 'n', type: 'text', values: [null, null, null] }])
		);
		expect(nulls.schema.fields[0].typeId).toBe(Type.Utf8);
		expect([...nulls.getChild('n')!]).toEqual([null, null, null]);
		expect([...t.getChild('rep')!]).toEqual(text);
		expect([...t.getChild('uniq')!]).toEqual(unique);
		// The same columns give the same bytes (dictionary ids do not count up across calls).
		expect(
			columnsToArrowStream([
				{ name: 'rep', type: 'text', values: text },
				{ name: 'uniq', type: 'text', values: unique }
			])
		).toEqual(bytes);
		// DuckDB reads it as text.
		const db = await NodeConnector.open();
		try {
			await db.createFromArrow('t', bytes);
			const rows = await db.query<{ rep: string | null; uniq: string | null; ty: string }>(
				`SELECT rep, uniq, typeof(rep) AS ty FROM t`
			);
			expect(rows.map((r) => r.rep)).toEqual(text);
			expect(rows.map((r) => r.uniq)).toEqual(unique);
			expect(rows[0].ty).toBe('VARCHAR');
		} finally {
			await db.close();
		}
	});

	it('round-trips any strings drawn from a few, as a dictionary', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.constantFrom('a', '', '指标', '\u0000', 'é'), { nil: null }), {
					minLength: 12,
					maxLength: 60
				}),
				(text) => {
					const t = tableFromIPC(columnsToArrowStream([{ name: 't', type: 'text', values: text }]));
					expect([...t.getChild('t')!]).toEqual(text);
				}
			)
		);
	});
});
