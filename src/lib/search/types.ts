// What the search reads (rows of units, forms and indicators, as the schema defines them), the fields it searches and how the results are grouped.
import type { ColumnName, FormKind, Provenance, Row } from '../schema';

/** The rows the index is built from: the same shape from DuckDB in Node (build) and in the browser (imported data). */
export interface SearchSource {
	units: Pick<Row<'units'>, 'unit_id' | 'name' | 'short_name' | 'provenance'>[];
	forms: Pick<
		Row<'evaluations'>,
		'eval_id' | 'unit_id' | 'year' | 'form' | 'provenance' | FormField
	>[];
	indicators: Pick<Row<'indicators'>, 'eval_id' | 'seq' | IndicatorField>[];
}

/** The groups results are shown in, in order. */
export const GROUPS = ['units', 'forms', 'indicators', 'reasons'] as const;
export type Group = (typeof GROUPS)[number];

/** The form-level text fields the index keeps, in order. */
export const FORM_FIELDS = [
	'project_name',
	'exec_reason',
	'goal_planned',
	'goal_achieved',
	'problems',
	'improvements'
] as const satisfies readonly ColumnName<'evaluations'>[];
export type FormField = (typeof FORM_FIELDS)[number];

/** The indicator-level text fields the index keeps, in order. */
export const INDICATOR_FIELDS = [
	'level3',
	'target_text',
	'deviation_reason'
] as const satisfies readonly ColumnName<'indicators'>[];
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

export type UnitField = Extract<ColumnName<'units'>, 'name' | 'short_name'>;
export type Field = UnitField | FormField | IndicatorField;

/** The fields by code, as the index packs a record (row × 16 + code): units', forms', indicators'. */
export const FIELD_CODES: readonly Field[] = [
	'name',
	'short_name',
	...FORM_FIELDS,
	...INDICATOR_FIELDS
];
/** Kind of record of a field code: 0 unit, 1 form, 2 indicator. */
export const kindOf = (code: number): 0 | 1 | 2 =>
	code < 2 ? 0 : code < 2 + FORM_FIELDS.length ? 1 : 2;

/** The group a field's matches are shown in. */
export const GROUP_OF: Record<Field, Group> = {
	name: 'units',
	short_name: 'units',
	project_name: 'forms',
	level3: 'indicators',
	target_text: 'indicators',
	deviation_reason: 'reasons',
	exec_reason: 'reasons',
	goal_planned: 'reasons',
	goal_achieved: 'reasons',
	problems: 'reasons',
	improvements: 'reasons'
};

/** Rank of a field among matches of the same quality: names first, long texts last. */
export const FIELD_RANK: Record<Field, number> = {
	short_name: 0,
	name: 1,
	project_name: 2,
	level3: 3,
	target_text: 4,
	exec_reason: 5,
	deviation_reason: 6,
	problems: 7,
	improvements: 8,
	goal_planned: 9,
	goal_achieved: 10
};

/** Where a match is: a unit, a form, or one indicator row of a form. */
export interface HitPlace {
	unitId: string;
	unitName: string;
	/** The record's provenance: the form's for a form or an indicator, else the unit's. */
	provenance: Provenance;
	/** Set for a form or an indicator. */
	form: {
		evalId: string;
		year: number;
		kind: FormKind;
		project: string | null;
	} | null;
	/** Set for an indicator: its order on the form and its name. */
	indicator: { seq: number; level3: string } | null;
}

/** One field of one record whose text holds every term of the query. */
export interface Hit {
	group: Group;
	field: Field;
	/** The field's text as stored. */
	text: string;
	/** Where the terms occur in `text` ([start, end) in UTF-16 units), sorted and merged. */
	ranges: [number, number][];
	/** Every term is a whole word of the text as Intl.Segmenter cuts it (ranked first). */
	whole: boolean;
	place: HitPlace;
}

export interface SearchResult {
	/** The query as typed. */
	query: string;
	/** The folded terms every hit contains. */
	terms: string[];
	/**
	 * 'phrase': each term as typed; 'words': nothing held the typed text, so its words (Intl.Segmenter)
	 * were searched instead, each one exactly.
	 */
	mode: 'phrase' | 'words';
	/** Hits by group, best first. */
	groups: Record<Group, Hit[]>;
	total: number;
}
