// A unit picker's matching: every typed term found in a unit's short or full name, id, region or region code (folded as search folds), best matches first.
import { fold, queryTerms } from './text';

/** A unit as a picker offers it. */
export interface PickableUnit {
	unit_id: string;
	/** Short name (shown). */
	name: string;
	full: string;
	region?: string | null;
	region_code?: string | null;
}

/** The matches shown (at most `limit`) and how many units match in all. */
export interface UnitMatches<T> {
	matches: T[];
	total: number;
}

/**
 * The units whose short name, full name, id, region or region code hold every term of `text`
 * (case, width and traditional characters folded). Exact ids and names first, then names that
 * start with the text, then names that hold it, then the rest; otherwise in the order given.
 * An empty text matches every unit.
 */
export function matchUnits<T extends PickableUnit>(
	units: readonly T[],
	text: string,
	limit: number
): UnitMatches<T> {
	const terms = queryTerms(text);
	if (terms.length === 0) return { matches: units.slice(0, limit), total: units.length };
	const whole = fold(text.trim());
	const ranked: { u: T; rank: number; i: number }[] = [];
	units.forEach((u, i) => {
		const name = fold(u.name);
		const full = fold(u.full);
		const hay = [name, full, fold(u.unit_id), fold(u.region ?? ''), u.region_code ?? ''].join('\n');
		if (!terms.every((t) => hay.includes(t))) return;
		const rank =
			fold(u.unit_id) === whole || name === whole || full === whole
				? 0
				: name.startsWith(terms[0])
					? 1
					: terms.every((t) => name.includes(t))
						? 2
						: terms.every((t) => full.includes(t))
							? 3
							: 4;
		ranked.push({ u, rank, i });
	});
	ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
	return { matches: ranked.slice(0, limit).map((r) => r.u), total: ranked.length };
}
