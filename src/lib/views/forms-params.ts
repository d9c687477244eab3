// The forms grid's URL (one codec per filter, the sort and the page), shared by the grid and every link into it; its filter choices.
import { RULES } from '$lib/audit/rules';
import { FORM_SORTS, RATE_BANDS, type FormFilter, type FormPage } from '$lib/queries/forms';
import { FORMS, type RuleId } from '$lib/schema';
import { regionLevels } from '$lib/schema/regions';
import { int, num, oneOf, readQuery, text, writeQuery, type Param, type QueryOf } from './url';

/** Page sizes offered; the first page of the default filter is prerendered at the default size. */
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * The rules the grid filters by: those whose flags point at a form. A unit-wide rule's flag has no
 * form (eval_id NULL), so the audit counts 0 forms for it and the grid does not offer it.
 */
export const FORM_RULE_IDS: readonly RuleId[] = RULES.filter((r) => r.scope !== 'unit').map(
	(r) => r.id
);

/** A page number: a whole number from 1 that stays exact (no `1e+21` OFFSET); anything else reads as the first page. */
export const pageNumber: Param<number> = {
	parse: (raw) => {
		const n = int.parse(raw);
		return n !== null && Number.isSafeInteger(n) && n >= 1 ? n : null;
	},
	write: String
};

export const FORM_PARAMS = {
	from: int,
	to: int,
	unit: text,
	region: text,
	sector: text,
	form: oneOf(FORMS),
	rate: oneOf(RATE_BANDS),
	rule: oneOf([...FORM_RULE_IDS, 'any'] as const),
	gap: num,
	sort: oneOf(FORM_SORTS),
	dir: oneOf(['asc', 'desc'] as const),
	page: pageNumber,
	size: int
};
export type FormQuery = QueryOf<typeof FORM_PARAMS>;

/** What the grid asks: the filter, its order and the page. */
export type GridFilter = FormFilter & FormPage;

/** The grid's filter from the URL's values, the defaults filled in (invalid sizes and pages read as the default). */
export function gridFilter(u: FormQuery): GridFilter {
	const size = (PAGE_SIZES as readonly number[]).includes(u.size ?? 0)
		? u.size!
		: DEFAULT_PAGE_SIZE;
	return {
		yearFrom: u.from,
		yearTo: u.to,
		unitId: u.unit,
		region: u.region,
		sector: u.sector,
		form: u.form,
		rate: u.rate,
		rule: u.rule,
		gapMin: u.gap,
		sort: u.sort,
		dir: u.sort ? (u.dir ?? 'asc') : null,
		page: u.page ?? 1,
		pageSize: size
	};
}

/** The URL's values of a (partial) filter: defaults left out so links stay short. */
export function gridQuery(f: Partial<GridFilter>): Partial<FormQuery> {
	return {
		from: f.yearFrom ?? null,
		to: f.yearTo ?? null,
		unit: f.unitId ?? null,
		region: f.region ?? null,
		sector: f.sector ?? null,
		form: f.form ?? null,
		rate: f.rate ?? null,
		rule: f.rule ?? null,
		gap: f.gapMin ?? null,
		sort: f.sort ?? null,
		dir: f.sort ? (f.dir ?? null) : null,
		page: f.page && f.page > 1 ? f.page : null,
		size: f.pageSize && f.pageSize !== DEFAULT_PAGE_SIZE ? f.pageSize : null
	};
}

/** The query string of a grid filter (`?from=2023&to=2023&rate=lt90`). */
export function gridSearch(f: Partial<GridFilter>): string {
	return writeQuery(FORM_PARAMS, gridQuery(f));
}

/** The grid filter a query string holds. */
export function readGridSearch(search: string): GridFilter {
	return gridFilter(readQuery(FORM_PARAMS, new URLSearchParams(search)));
}

/** Whether a filter is the default one (all forms, default order, first page, default size). */
export function isDefaultGrid(f: GridFilter): boolean {
	return gridSearch(f) === '?';
}

/** Every level of a region: the hierarchy's one definition (src/lib/schema/regions.ts). */
export { regionLevels };

/** The texts given, once each, in Chinese collation order. */
export function distinctSorted(xs: readonly (string | null)[]): string[] {
	return [...new Set(xs.filter((x): x is string => !!x))].sort((a, b) =>
		a.localeCompare(b, 'zh-CN')
	);
}
