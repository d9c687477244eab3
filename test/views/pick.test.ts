// The compare picker's reading of a typed text: exact names win, a part of a name adds one unit, lists several, or says why nothing was added.
import { describe, expect, it } from 'vitest';
import { pickUnit, type UnitChoice } from '../../src/lib/views/compare/pick';
import { allRows } from '../helpers/data';

const ALL: UnitChoice[] = allRows('units').map((u) => ({
	unit_id: u.unit_id,
	name: u.short_name || u.name,
	full: u.name,
	provenance: u.provenance as UnitChoice['provenance']
}));
const REF = '430212-jiwei';
const containing = (q: string) => ALL.filter((u) => u.name.includes(q) || u.full.includes(q));

describe('pickUnit', () => {
	it('adds the one unit whose short or full name contains the text', () => {
		expect(containing('渌口')).toHaveLength(1);
		expect(pickUnit(ALL, [], '渌口', 6)).toMatchObject({ kind: 'add', unit: { unit_id: REF } });
		// A part of the full name only (the short name is 渌口区纪委监委).
		expect(pickUnit(ALL, [], '株洲市渌口区纪律', 6)).toMatchObject({
			kind: 'add',
			unit: { unit_id: REF }
		});
		expect(pickUnit(ALL, [], `  ${REF.toUpperCase()} `, 6)).toMatchObject({ kind: 'add' });
	});

	it('lists every unit a part matches, never guessing one, and leaves out those chosen', () => {
		const many = containing('纪委');
		expect(many.length).toBeGreaterThan(1);
		const p = pickUnit(ALL, [REF], '纪委', 6);
		expect(p.kind).toBe('choose');
		if (p.kind !== 'choose') return;
		expect(p.units.map((u) => u.unit_id).sort()).toEqual(
			many
				.map((u) => u.unit_id)
				.filter((id) => id !== REF)
				.sort()
		);
	});

	it('says when no name contains the text', () => {
		expect(containing('芦淞')).toHaveLength(0);
		expect(pickUnit(ALL, [], ' 芦淞 ', 6)).toEqual({ kind: 'none', text: '芦淞' });
	});

	it('says when the unit is already chosen, or the selection is full', () => {
		expect(pickUnit(ALL, [REF], '渌口', 6)).toMatchObject({
			kind: 'chosen',
			units: [{ unit_id: REF }]
		});
		const six = ALL.slice(1, 7).map((u) => u.unit_id);
		expect(pickUnit(ALL, six, '渌口', 6)).toEqual({ kind: 'full', max: 6 });
		expect(pickUnit(ALL, [], '   ', 6)).toEqual({ kind: 'empty' });
	});

	it('takes an exact short name over the longer names that contain it', () => {
		const u = ALL.find((x) => x.provenance === 'synthetic')!;
		const p = pickUnit(ALL, [], u.name, 6);
		expect(p).toMatchObject({ kind: 'add', unit: { unit_id: u.unit_id } });
	});
});
