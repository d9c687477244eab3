// A region page's state: the year, the ranking's search, order and page in the URL; KPIs and one page of children from DuckDB.
import { pageRange } from '$lib/components/pager';
import type { Column, SortOrder } from '$lib/components/table';
import { tr } from '$lib/i18n/lang.svelte';
import { M } from '$lib/i18n/messages';
import { R } from '$lib/i18n/regions';
import {
	REGION_SORTS,
	regionPage,
	type RegionNames,
	type RegionPageData,
	type RegionRankFilter,
	type RegionRankRow,
	type RegionSort
} from '$lib/queries/regions';
import type { KpiRow } from '$lib/queries/overview';
import { filterable } from '../filterable.svelte';
import { pageNumber } from '../forms-params';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from './sizes';
import { auditHref, placeHref, unitHref } from '../links';
import { int, oneOf, text } from '../url';
import type { RegionPrerendered } from './load';
import { regionNeeds } from '../needs';

export const REGION_PARAMS = {
	year: int,
	q: text,
	sort: oneOf(REGION_SORTS),
	dir: oneOf(['asc', 'desc'] as const),
	page: pageNumber,
	size: int
};

const EMPTY_KPIS = (year: number): KpiRow => ({
	year,
	units: 0,
	forms: 0,
	project_forms: 0,
	synthetic_forms: 0,
	published_forms: 0,
	budget_final: null,
	executed: null,
	exec_rate: null,
	median_score_pct: null,
	flags: 0,
	inflated_forms: 0,
	low_exec_forms: 0
});

/** The ranking's columns; a column sorts by the SQL order of its key. */
function rankColumns(year: () => number, names: RegionNames): Column<RegionRankRow>[] {
	const only = new Map(names.map((n) => [n.code, n.only]));
	return [
		{
			key: 'name',
			label: R.name,
			value: (r) => r.name,
			href: (r) =>
				r.kind === 'unit'
					? unitHref(r.key, year())
					: placeHref({ code: r.key, only: only.get(r.key) ?? null }, year())
		},
		{
			key: 'provenance',
			label: M.source,
			value: (r) => r.provenance,
			format: 'provenance',
			unsortable: true
		},
		{ key: 'units', label: R.unitsCount, value: (r) => r.units, format: 'int' },
		{ key: 'forms', label: M.forms, value: (r) => r.forms, format: 'int' },
		{ key: 'budget_final', label: M.finalBudget, value: (r) => r.budget_final, format: 'wan' },
		{ key: 'executed', label: M.executed, value: (r) => r.executed, format: 'wan' },
		{ key: 'exec_rate', label: M.execRate, value: (r) => r.exec_rate, format: 'pct2' },
		{ key: 'score_pct', label: R.medianScore, value: (r) => r.score_pct, format: 'score' },
		{
			key: 'flags',
			label: M.flags,
			value: (r) => r.flags,
			format: 'int',
			href: (r) => (r.kind === 'unit' ? auditHref({ unit: r.key, year: year() }) : null)
		},
		{ key: 'code', label: R.codeLabel, value: (r) => r.key, exportOnly: true },
		{ key: 'long_name', label: R.name, value: (r) => r.long_name, exportOnly: true }
	];
}

/** A region page; call during the page component's initialisation. */
export function regionView(data: RegionPrerendered) {
	const node = data.path[data.path.length - 1];
	// A region without forms has no year to show: its page says so (the year is then a placeholder).
	const latest = data.years[data.years.length - 1] ?? 0;
	const initial: RegionPageData = data.page ?? {
		code: node.code,
		year: latest,
		kpis: EMPTY_KPIS(latest),
		rows: [],
		total: 0
	};
	const page = filterable({
		name: 'region',
		params: REGION_PARAMS,
		filter: (u): RegionRankFilter => ({
			year: u.year ?? latest,
			q: u.q?.trim() || null,
			sort: u.sort,
			dir: u.sort ? (u.dir ?? 'asc') : null,
			page: u.page ?? 1,
			pageSize: (PAGE_SIZES as readonly number[]).includes(u.size ?? 0)
				? u.size!
				: DEFAULT_PAGE_SIZE
		}),
		initial,
		prerendered: (f) =>
			f.year === latest && !f.q && !f.sort && f.page === 1 && f.pageSize === DEFAULT_PAGE_SIZE,
		query: (db, f) => regionPage(db, node.code, f, data.names),
		needs: (f) => regionNeeds(f.year)
	});
	const columns = rankColumns(() => page.data.year, data.names);
	const pages = $derived(Math.max(1, Math.ceil(page.data.total / page.filter.pageSize)));
	const order: SortOrder | null = $derived(
		page.filter.sort
			? { key: page.filter.sort, dir: page.filter.dir === 'desc' ? 'desc' : 'asc' }
			: null
	);

	return {
		page,
		node,
		columns,
		get pages() {
			return pages;
		},
		get order() {
			return order;
		},
		get range() {
			const f = page.filter;
			return pageRange(f.page, f.pageSize, page.data.rows.length, page.data.total, pages);
		},
		sortBy: (o: SortOrder) =>
			(REGION_SORTS as readonly string[]).includes(o.key)
				? page.set({ sort: o.key as RegionSort, dir: o.dir, page: null })
				: undefined,
		goto: (n: number) => page.set({ page: n <= 1 ? null : Math.min(n, pages) }),
		setSize: (size: number) =>
			page.set({ size: size === DEFAULT_PAGE_SIZE ? null : size, page: null }),
		search: (q: string) => page.set({ q: q.trim() || null, page: null }),
		setYear: (year: number | null) => page.set({ year: year === latest ? null : year, page: null }),
		title: () => tr(R.regionYear, { name: node.full, year: page.data.year })
	};
}

export { PAGE_SIZES };
