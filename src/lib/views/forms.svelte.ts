// The forms grid's state: every form filtered, sorted and paged in DuckDB, the filter in the URL, the export of every filtered row.
import { pageRange } from '$lib/components/pager';
import type { Column, SortOrder } from '$lib/components/table';
import { exportTable } from '$lib/components/table';
import { TABLE_DOWNLOADS, downloadTable, type TableDownload } from '$lib/export/download';
import { FORMS_TEXT } from '$lib/i18n/forms';
import { lang, tr } from '$lib/i18n/lang.svelte';
import { M } from '$lib/i18n/messages';
import {
	FORM_SORTS,
	RATE_BANDS,
	formsAll,
	formsPage,
	type FormRow,
	type FormSort,
	type RateBand
} from '$lib/queries/forms';
import { columnLabel } from '$lib/schema';
import { unitChoice } from '$lib/queries/unit';
import { oneYear, yearChoices } from './choices.svelte';
import { dbWith } from './db.svelte';
import { filterable } from './filterable.svelte';
import type { FormsPrerendered } from './forms-load';
import {
	DEFAULT_PAGE_SIZE,
	FORM_PARAMS,
	PAGE_SIZES,
	distinctSorted,
	gridFilter,
	isDefaultGrid,
	regionLevels,
	type GridFilter
} from './forms-params';
import { loaded } from './loaded.svelte';
import { errorMessage } from './newest';
import { formHref, unitHref } from './links';
import { formsNeeds } from './needs';

/** A grid column: its cell and download, and the SQL order it sorts by (none: not sortable). */
export interface GridColumn extends Column<FormRow> {
	sort?: FormSort;
}

const label = columnLabel;
const formText = (r: FormRow) =>
	r.form === 'department' ? tr(M.formDepartment) : tr(FORMS_TEXT.formProject);
const openForm = (r: FormRow) => formHref(r.unit_id, r.year, r.eval_id);

export const GRID_COLUMNS: GridColumn[] = [
	{
		key: 'unit',
		label: M.unit,
		// The name as in the data: the provenance column beside it says published or synthetic.
		value: (r) => r.short_name,
		href: (r) => unitHref(r.unit_id, r.year),
		sort: 'unit'
	},
	// Synthetic demo forms say so on every row (合成, striped), as in every other table.
	{
		key: 'provenance',
		label: label('evaluations', 'provenance'),
		value: (r) => r.provenance,
		format: 'provenance',
		unsortable: true
	},
	{ key: 'year', label: M.year, value: (r) => r.year, sort: 'year' },
	{ key: 'region', label: label('units', 'region'), value: (r) => r.region, sort: 'region' },
	{ key: 'sector', label: label('units', 'sector'), value: (r) => r.sector, sort: 'sector' },
	{
		key: 'form',
		label: label('evaluations', 'form'),
		value: formText,
		href: openForm,
		sort: 'form'
	},
	{
		key: 'project',
		label: label('evaluations', 'project_name'),
		value: (r) => r.project_name,
		href: (r) => (r.project_name === null ? null : openForm(r)),
		sort: 'project'
	},
	{
		key: 'budget_initial',
		label: label('evaluations', 'budget_initial'),
		value: (r) => r.budget_initial,
		format: 'wan',
		sort: 'budget_initial'
	},
	{
		key: 'budget_final',
		label: label('evaluations', 'budget_final'),
		value: (r) => r.budget_final,
		format: 'wan',
		sort: 'budget_final'
	},
	{
		key: 'executed',
		label: label('evaluations', 'executed'),
		value: (r) => r.executed,
		format: 'wan',
		sort: 'executed'
	},
	{
		key: 'exec_rate',
		label: FORMS_TEXT.rateCol,
		value: (r) => r.exec_rate,
		format: 'pct2',
		hint: FORMS_TEXT.rateHint,
		sort: 'exec_rate'
	},
	{
		key: 'reason',
		label: label('evaluations', 'exec_reason'),
		value: (r) => r.exec_reason,
		sort: 'reason',
		clip: 18
	},
	{
		key: 'self_pct',
		label: label('audit_forms', 'self_pct'),
		value: (r) => r.self_pct,
		format: 'score',
		sort: 'self_pct'
	},
	{
		key: 'recomputed_pct',
		label: label('audit_forms', 'recomputed_pct'),
		value: (r) => r.recomputed_pct,
		format: 'score',
		sort: 'recomputed_pct'
	},
	{
		key: 'gap_pct',
		label: label('audit_forms', 'gap_pct'),
		value: (r) => r.gap_pct,
		format: 'deltaScore',
		sort: 'gap_pct'
	},
	{
		key: 'grade_reported',
		label: label('evaluations', 'grade_reported'),
		value: (r) => r.grade_reported,
		format: 'grade',
		sort: 'grade_reported'
	},
	{
		key: 'grade_recomputed',
		label: FORMS_TEXT.gradeRecomputed,
		value: (r) => r.recomputed_pct,
		format: 'grade',
		sort: 'recomputed_pct'
	},
	{
		key: 'flags_error',
		label: label('audit_forms', 'flags_error'),
		value: (r) => r.flags_error,
		format: 'int',
		sort: 'flags_error'
	},
	{
		key: 'flags_warning',
		label: label('audit_forms', 'flags_warning'),
		value: (r) => r.flags_warning,
		format: 'int',
		sort: 'flags_warning'
	},
	{
		key: 'flags_info',
		label: label('audit_forms', 'flags_info'),
		value: (r) => r.flags_info,
		format: 'int',
		sort: 'flags_info'
	},
	// The download's machine-readable detail: ids, and every figure as printed beside its number.
	...(
		[
			['eval_id', 'evaluations'],
			['unit_id', 'evaluations'],
			['budget_initial_text', 'evaluations'],
			['budget_final_text', 'evaluations'],
			['executed_text', 'evaluations'],
			['exec_rate_reported_text', 'evaluations'],
			['total_score_text', 'evaluations'],
			['total_weight', 'evaluations']
		] as const
	).map(([col, table]) => ({
		key: col,
		label: label(table, col),
		value: (r: FormRow) => r[col],
		exportOnly: true
	})),
	{
		key: 'exec_rate_reported',
		label: label('evaluations', 'exec_rate_reported'),
		value: (r) => r.exec_rate_reported,
		format: 'pct2',
		exportOnly: true
	}
];

/** The forms grid; call during the page component's initialisation. */
export function formsView(data: FormsPrerendered) {
	const page = filterable({
		name: 'forms',
		params: FORM_PARAMS,
		filter: gridFilter,
		initial: data.grid,
		prerendered: isDefaultGrid,
		query: (db, f) => formsPage(db, f, f),
		needs: formsNeeds,
		// A range's last year (the latest when it is open at the end).
		narrow: (f) =>
			oneYear(
				f.yearFrom !== null && f.yearFrom !== undefined && f.yearFrom === f.yearTo
					? f.yearFrom
					: null,
				f.yearTo !== null && f.yearTo !== undefined ? [f.yearTo] : yearChoices(data.years),
				(year) => ({ from: year, to: year, page: null })
			)
	});
	const units = $derived(loaded.units?.filter((u) => u.forms > 0) ?? data.units);
	const unitOptions = $derived(units.map(unitChoice));
	const regions = $derived(regionLevels(units.map((u) => u.region)));
	const sectors = $derived(distinctSorted(units.map((u) => u.sector)));
	const pages = $derived(Math.max(1, Math.ceil(page.data.total / page.filter.pageSize)));
	let exporting = $state(false);
	let exportError = $state('');

	/** The table's order: the first column that sorts by the filter's order (two sort by the recomputed score). */
	const order: SortOrder | null = $derived.by(() => {
		const f = page.filter;
		const c = f.sort ? GRID_COLUMNS.find((x) => x.sort === f.sort) : undefined;
		return c ? { key: c.key, dir: f.dir === 'desc' ? 'desc' : 'asc' } : null;
	});

	/** Sorts by a column's SQL order, from the first page. */
	function sortBy(o: SortOrder) {
		const c = GRID_COLUMNS.find((x) => x.key === o.key);
		if (c?.sort) return page.set({ sort: c.sort, dir: o.dir, page: null });
	}

	/** Downloads every row the filter matches (not only the page), as the grid shows them. */
	async function exportAll(kind: TableDownload) {
		exporting = true;
		exportError = '';
		try {
			const { db } = await dbWith(formsNeeds(page.filter));
			const rows = await formsAll(db, page.filter);
			downloadTable(kind, 'jixiao-forms', exportTable(GRID_COLUMNS, rows, lang.current));
		} catch (e) {
			exportError = errorMessage(e);
		} finally {
			exporting = false;
		}
	}

	return {
		page,
		columns: GRID_COLUMNS,
		sortBy,
		exportAll,
		get years() {
			return yearChoices(data.years);
		},
		get units() {
			return unitOptions;
		},
		get regions() {
			return regions;
		},
		get sectors() {
			return sectors;
		},
		get pages() {
			return pages;
		},
		get exporting() {
			return exporting;
		},
		get exportError() {
			return exportError;
		},
		get order() {
			return order;
		},
		/** The first and last row numbers of the page shown; past the last page, the last page's. */
		get range() {
			const f = page.filter;
			return pageRange(f.page, f.pageSize, page.data.rows.length, page.data.total, pages);
		},
		/** Goes to a page (1 … pages); the first page leaves the URL. */
		goto: (n: number) => page.set({ page: n <= 1 ? null : Math.min(n, pages) }),
		setSize: (size: number) =>
			page.set({ size: size === DEFAULT_PAGE_SIZE ? null : size, page: null }),
		/** The rate band's name. */
		bandName: (b: RateBand) => tr(FORMS_TEXT[`band_${b}`])
	};
}

export { FORM_SORTS, PAGE_SIZES, RATE_BANDS, TABLE_DOWNLOADS, type GridFilter };
