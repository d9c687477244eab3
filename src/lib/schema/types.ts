// Types that describe the data contract: tables, columns, their labels and checks.
import type { Msg } from './msg';

/** Storage type of a column; every number is DOUBLE in DuckDB, years and sequence numbers INTEGER. */
export type ColumnType = 'text' | 'integer' | 'decimal';

/** A column is required always, never, or only when another column holds a given value. */
export type Required = boolean | { when: string; equals: string };

export interface ColumnDef {
	name: string;
	type: ColumnType;
	required: Required;
	zh: string;
	en: string;
	/** One sentence for the docs page and the template. */
	description: string;
	/** Allowed values (text columns). */
	values?: readonly string[];
	/** Inclusive numeric bounds. */
	min?: number;
	max?: number;
	/** Text pattern (whole value). */
	pattern?: RegExp;
	/** Foreign key: this column's value must exist in that table's column. */
	references?: { table: TableName; column: string };
	/**
	 * What a number in this column measures, so a printed unit that does not fit is refused rather
	 * than dropped: money in 万元 ("50%" is no amount), a rate where 1 = 100%, or points (分).
	 */
	quantity?: 'money' | 'rate' | 'points';
	/**
	 * Within the rows that share this other column's value (the rows of one form), the column is
	 * filled on every row or on none: a form prints its levels throughout, or is a flat list.
	 */
	allOrNone?: string;
	/** For a parsed number: the column that keeps the text as printed. */
	printedIn?: string;
	/** An example value for templates and docs. */
	example?: string;
	/**
	 * A required column a file may lack as a whole: the importer then takes one value for every
	 * row, chosen by the user (ImportOptions.defaults; /data/ shows a select, the CLIs an option).
	 */
	askDefault?: true;
}

/** Tables a dataset provides. */
export type DataTableName =
	'units' | 'evaluations' | 'funding' | 'indicators' | 'metrics' | 'directions' | 'trace';

/** Tables computed from the data (the audit, and the summaries of src/lib/queries/summary.ts), never provided by a user. */
export type DerivedTableName =
	'audit_forms' | 'audit_indicators' | 'audit_flags' | 'unit_years' | 'year_totals';

export type TableName = DataTableName | 'metric_dictionary' | DerivedTableName;

export interface TableDef {
	name: TableName;
	zh: string;
	en: string;
	description: string;
	columns: readonly ColumnDef[];
	/** Columns whose values together identify a row. */
	key: readonly string[];
	/** Computed from the other tables (by the audit, src/lib/audit, or a summary's SQL), never read from a data folder. */
	derived?: boolean;
	/**
	 * Rows that share the `match` columns and whose `scope` columns overlap (an empty scope value
	 * stands for any) must agree on `value`: otherwise one target row could get two answers, so
	 * every such row is refused rather than one chosen.
	 */
	agree?: { match: readonly string[]; scope: readonly string[]; value: string };
}

/** One broken rule, located in a file. Lines are 1-based physical lines; the header is line 1. */
export interface ValidationIssue {
	file: string;
	line: number | null;
	column: string | null;
	rule: ValidationRule;
	value: string | null;
	message: Msg;
}

export type ValidationRule =
	| 'file'
	| 'missing-column'
	| 'unknown-column'
	| 'duplicate-column'
	| 'field-count'
	| 'encoding'
	| 'unit'
	| 'required'
	| 'integer'
	| 'decimal'
	| 'allowed-values'
	| 'range'
	| 'pattern'
	| 'duplicate-key'
	| 'conflict'
	| 'reference';
