// The publisher's directions (the directions table) applied to an indicator: used where the form prints no comparator, reported where it prints another.
import type { Direction } from '../schema';
import { readDirection, type DirectionRead } from './direction';
import type { AuditDirection, AuditEvaluation, AuditIndicator } from './input';

/** A direction as the audit uses it: read, or set by the publisher with its note. */
export interface ResolvedDirection extends DirectionRead {
	/** The note of the publisher's row, for a direction set by the publisher. */
	note: string | null;
}

/** Why a publisher's direction that matches a row was not used for it. */
export interface UnusedOverride {
	/** printed: the form prints a comparator, which wins; ambiguous: matching rows disagree. */
	reason: 'printed' | 'ambiguous';
	overrides: readonly AuditDirection[];
}

export interface Resolution {
	read: ResolvedDirection;
	unused: UnusedOverride | null;
}

/** Finds the publisher's rows that match an indicator of a form. */
export type OverrideLookup = (
	row: Pick<AuditIndicator, 'level3' | 'level2'>,
	form: Pick<AuditEvaluation, 'unit_id' | 'year' | 'provenance'>
) => readonly AuditDirection[];

/**
 * The publisher's rows by indicator name; an empty scope column matches any group, unit or year.
 * A row applies to forms of its own provenance only: a synthetic direction (the demo's) never
 * changes how a published form is audited, nor a published one a synthetic form.
 */
export function overrideLookup(rows: readonly AuditDirection[] = []): OverrideLookup {
	const byName = new Map<string, AuditDirection[]>();
	for (const o of rows) {
		const list = byName.get(o.level3);
		if (list) list.push(o);
		else byName.set(o.level3, [o]);
	}
	return (row, form) =>
		(byName.get(row.level3) ?? []).filter(
			(o) =>
				(o.level2 === null || o.level2 === row.level2) &&
				(o.unit_id === null || o.unit_id === form.unit_id) &&
				(o.year === null || o.year === form.year) &&
				o.provenance === form.provenance
		);
}

const distinct = (xs: readonly Direction[]) => [...new Set(xs)];

/**
 * The direction of a row: what the form prints wins (the comparator column, then the target text);
 * where nothing is printed, the publisher's direction when the matching rows agree, else the group's.
 * A matching direction that is not used says why, so the audit can report it instead of hiding it.
 */
export function resolveDirection(
	row: Parameters<typeof readDirection>[0] & Pick<AuditIndicator, 'level3'>,
	form: Pick<AuditEvaluation, 'unit_id' | 'year' | 'provenance'>,
	lookup: OverrideLookup
): Resolution {
	const d = readDirection(row);
	const matches = lookup(row, form);
	const read: ResolvedDirection = { ...d, note: null };
	if (matches.length === 0) return { read, unused: null };
	const comparators = distinct(matches.map((o) => o.comparator));
	if (d.source !== 'group') {
		const printed = d.qualitative ? null : d.direction;
		const differ = matches.filter((o) => o.comparator !== printed);
		return { read, unused: differ.length ? { reason: 'printed', overrides: differ } : null };
	}
	if (comparators.length > 1) return { read, unused: { reason: 'ambiguous', overrides: matches } };
	const notes = [...new Set(matches.map((o) => o.note).filter((n): n is string => !!n))];
	return {
		read: {
			direction: comparators[0],
			source: 'override',
			qualitative: false,
			note: notes.length ? notes.join('；') : null
		},
		unused: null
	};
}
