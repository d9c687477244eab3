// What the compare page's picker does with a typed text: the unit it names, the units it could mean, or why none is added.
import type { UnitChoice } from '../../queries/unit';

export type { UnitChoice };

/** The outcome of a typed text, for the page to act on and say. */
export type Pick =
	| { kind: 'add'; unit: UnitChoice }
	/** Several units' names contain the text: the page lists them to choose from. */
	| { kind: 'choose'; units: UnitChoice[] }
	| { kind: 'none'; text: string }
	/** Every unit the text names is already chosen. */
	| { kind: 'chosen'; units: UnitChoice[] }
	| { kind: 'full'; max: number }
	| { kind: 'empty' };

const fold = (s: string) => s.trim().toLowerCase();

/**
 * Reads a picker's text: a unit's id, short or full name wins when it is exactly one of them;
 * otherwise the units whose short or full name contains it (case aside): one is added, several are
 * offered, none is said. A unit already chosen, or a full selection, is said rather than ignored.
 */
export function pickUnit(
	all: readonly UnitChoice[],
	chosen: readonly string[],
	text: string,
	max: number
): Pick {
	const q = fold(text);
	if (q === '') return { kind: 'empty' };
	const exact = all.filter(
		(u) => fold(u.unit_id) === q || fold(u.name) === q || fold(u.full) === q
	);
	const matches =
		exact.length > 0
			? exact
			: all.filter((u) => fold(u.name).includes(q) || fold(u.full).includes(q));
	if (matches.length === 0) return { kind: 'none', text: text.trim() };
	const open = matches.filter((u) => !chosen.includes(u.unit_id));
	if (open.length === 0) return { kind: 'chosen', units: matches };
	if (chosen.length >= max) return { kind: 'full', max };
	// Several units match: offered to choose from (those not chosen yet), never guessed.
	if (matches.length > 1) return { kind: 'choose', units: open };
	return { kind: 'add', unit: open[0] };
}
