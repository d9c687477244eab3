// A page's data by column (the unit pages' data in their HTML): unpacked, it is the data that was packed, field for field.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as devalue from 'devalue';
import type { NodeConnector } from '../../src/lib/db/node';
import { pack, unpack } from '../../src/lib/views/packed';
import { loadUnitList, loadUnitProfile } from '../../src/lib/views/unit/load';
import { openBundled } from '../helpers/built';

let db: NodeConnector;
let dispose: () => Promise<void>;
beforeAll(async () => {
	({ db, dispose } = await openBundled());
}, 120_000);
afterAll(() => dispose?.());

describe('pack and unpack', () => {
	it('give back every unit’s profile of the bundled data, through the page’s serialiser', async () => {
		const units = await loadUnitList(db);
		expect(units.length).toBeGreaterThan(30);
		let before = 0;
		let after = 0;
		for (const u of units) {
			const profile = (await loadUnitProfile(db, u.unit_id))!;
			const packed = pack(profile);
			// As SvelteKit writes it into the page, and as the browser reads it back.
			const text = devalue.uneval(packed);
			expect(unpack(devalue.parse(devalue.stringify(packed)))).toStrictEqual(profile);
			expect(unpack(new Function(`return ${text}`)())).toStrictEqual(profile);
			before += devalue.uneval(profile).length;
			after += text.length;
		}
		// Not a size test: packing that wrote more than it saved would be pointless.
		expect(after).toBeLessThan(before);
	});

	it('keep each row’s own fields, nulls and values of any kind, and lists that are not rows', () => {
		const row = fc.dictionary(
			fc.constantFrom('a', 'b', 'year', 'rows', 'cols'),
			fc.oneof(
				fc.integer(),
				fc.double({ noNaN: true }),
				fc.string(),
				fc.constant(null),
				fc.boolean()
			),
			// Rows are object literals, as DuckDB's and the loaders' are.
			{ noNullPrototype: true }
		);
		fc.assert(
			fc.property(
				fc.array(row),
				fc.array(fc.integer()),
				fc.option(fc.array(row), { nil: null }),
				(rows, plain, maybe) => {
					const value = { rows: rows, nested: { plain, maybe, n: rows.length } };
					expect(unpack<typeof value>(pack(value))).toStrictEqual(value);
				}
			)
		);
	});

	it('writes a field’s name once a list, not once a row', () => {
		const packed = pack({ list: [{ year: 2024, v: 1 }, { year: 2025 }] });
		expect(packed).toEqual({ list: { rows: 2, cols: { year: [2024, 2025], v: [1, undefined] } } });
		expect(unpack(packed)).toEqual({ list: [{ year: 2024, v: 1 }, { year: 2025 }] });
	});

	it('keeps a value that is not an object literal as it is (a Map, a Date), in a row or not', () => {
		const when = new Date(Date.UTC(2025, 0, 1));
		const value = { m: new Map([['a', 1]]), rows: [{ when, tags: new Set(['x']) }] };
		const back = unpack<typeof value>(pack(value));
		expect(back).toStrictEqual(value);
		expect(back.m).toBeInstanceOf(Map);
		expect(back.rows[0].when).toBe(when);
	});

	it('refuses an object that already looks packed, rather than unpack it into something else', () => {
		expect(() => pack({ x: { rows: 1, cols: {} } })).toThrow(/ambiguous/);
	});
});
