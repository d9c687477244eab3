// The compare page's state: the chosen units, metric and year in the URL, their answer, and the charts and tables over it.
import { compareLinesOption, heatOption } from '$lib/charts/compare';
import type { Column } from '$lib/components/table';
import { change } from '$lib/format/number';
import { C } from '$lib/i18n/charts';
import { CMP } from '$lib/i18n/compare';
import { lang, tr } from '$lib/i18n/lang.svelte';
import { M, m } from '$lib/i18n/messages';
import type { ArrowQueryConnector } from '$lib/db/connector';
import { compareData, type CompareData, type CompareRow, type HeatRow } from '$lib/queries/compare';
import type { UnitChoice } from '$lib/queries/unit';
import { unitChoices } from '../choices.svelte';
import { filterable, type FilterablePage } from '../filterable.svelte';
import { unitHref } from '../links';
import { loaded } from '../loaded.svelte';
import { int, list, text } from '../url';
import { distinct } from '../series';
import { MAX_UNITS, commonYear, defaultUnits } from './defaults';
import { pickUnit, type Pick } from './pick';
import { compareNeeds } from '../needs';

/** What the page prerenders: the default selection's answer and every unit to pick from. */
export interface ComparePrerendered {
	initial: CompareData;
	all: UnitChoice[];
}

interface CompareFilter {
	units: string[];
	metric: string;
	/** The year asked for; null: the latest year every chosen unit has. */
	year: number | null;
}

/** One unit's row of the year table: the chosen year and the year before. */
export interface YearRow {
	unit_id: string;
	now: CompareRow | undefined;
	before: CompareRow | undefined;
}

const PARAMS = { units: list(text), metric: text, year: int };

/** The answer for a filter; without a year, the latest year every chosen unit has (asked again if it differs). */
async function answer(
	db: ArrowQueryConnector,
	f: CompareFilter,
	fallbackYear: number
): Promise<CompareData> {
	const first = await compareData(db, f.units, f.metric, f.year ?? fallbackYear);
	const year = f.year ?? commonYear(first.series, f.units) ?? fallbackYear;
	return year === first.year ? first : compareData(db, f.units, f.metric, year);
}

const diff = (a: number | null | undefined, b: number | null | undefined) =>
	a === null || a === undefined || b === null || b === undefined ? null : a - b;

/** The compare page; construct during the page component's initialisation. */
export class CompareView {
	readonly page: FilterablePage<
		{ units: string[]; metric: string; year: number },
		CompareFilter,
		CompareData
	>;
	/** The units to pick from: the published ones, or those of imported data once it is loaded. */
	readonly all: readonly UnitChoice[];
	/** The chosen units, as the URL (or the default) gives them. */
	readonly units: string[];
	/** The years of the shown answer, oldest first. */
	readonly years: number[];
	readonly charts: { id: string; title: string; option: ReturnType<typeof compareLinesOption> }[];
	readonly yearRows: YearRow[];
	readonly yearColumns: Column<YearRow>[];
	readonly heat: ReturnType<typeof heatOption>;
	readonly heatColumns: Column<HeatRow>[];
	readonly lineColumns: Column<CompareRow>[];

	constructor(data: ComparePrerendered) {
		this.all = $derived(unitChoices(data.all));
		const known = $derived(this.all.map((u) => u.unit_id));
		const fallback = $derived(loaded.units ? defaultUnits(loaded.units) : data.initial.units);
		const initial = data.initial;
		this.page = filterable({
			name: 'compare',
			params: PARAMS,
			filter: (u): CompareFilter => ({
				units: (u.units ?? fallback).filter((id) => known.includes(id)).slice(0, MAX_UNITS),
				metric: u.metric ?? initial.metric,
				year: u.year
			}),
			initial,
			prerendered: (f) =>
				f.units.join(',') === initial.units.join(',') &&
				f.metric === initial.metric &&
				(f.year ?? initial.year) === initial.year,
			query: (db, f) => answer(db, f, initial.year),
			needs: (f) => compareNeeds(f.units)
		});
		this.units = $derived(this.page.filter.units);

		const view = $derived(this.page.data);
		this.years = $derived(distinct(view.series.map((r) => r.year)).sort((a, b) => a - b));
		const seriesOf = (f: (r: CompareRow) => number | null, scale = 1) =>
			view.units.map((u) => ({
				name: this.nameOf(u),
				values: this.years.map((y) => {
					const v = view.series.find((r) => r.unit_id === u && r.year === y);
					const x = v ? f(v) : null;
					return x === null ? null : Number((x * scale).toFixed(2));
				})
			}));
		const metricInfo = $derived(view.metrics.find((m) => m.key === view.metric));
		const metricLabel = $derived(metricInfo ? tr(metricInfo) : view.metric);
		this.charts = $derived([
			{
				id: 'cmp-rate',
				title: tr(CMP.rateTitle),
				option: compareLinesOption(
					lang.current,
					this.years,
					seriesOf((r) => r.exec_rate, 100),
					'%',
					90
				)
			},
			{
				id: 'cmp-score',
				title: tr(CMP.scoreTitle),
				option: compareLinesOption(
					lang.current,
					this.years,
					seriesOf((r) => r.score_pct),
					C.points
				)
			},
			{
				id: 'cmp-budget',
				title: tr(CMP.budgetTitle),
				option: compareLinesOption(
					lang.current,
					this.years,
					seriesOf((r) => r.budget_final),
					M.wanAxis
				)
			},
			{
				id: 'cmp-metric',
				title: `${metricLabel}${metricInfo ? `（${metricInfo.unit}）` : ''}`,
				option: compareLinesOption(
					lang.current,
					this.years,
					seriesOf((r) => r.metric_value),
					metricInfo?.unit ?? ''
				)
			}
		]);

		this.yearRows = $derived(
			view.units.map((u) => ({
				unit_id: u,
				now: view.series.find((r) => r.unit_id === u && r.year === view.year),
				before: view.series.find((r) => r.unit_id === u && r.year === view.year - 1)
			}))
		);
		this.yearColumns = $derived<Column<YearRow>[]>([
			{
				key: 'unit',
				label: M.unit,
				value: (r) => this.nameOf(r.unit_id),
				// The table is of one year: a unit opens at that year's forms, if it has any.
				href: (r) => unitHref(r.unit_id, r.now ? view.year : undefined)
			},
			{
				key: 'provenance',
				label: M.source,
				value: (r) => this.all.find((u) => u.unit_id === r.unit_id)?.provenance ?? null,
				format: 'provenance'
			},
			{ key: 'rate', label: M.execRate, value: (r) => r.now?.exec_rate ?? null, format: 'pct2' },
			{
				key: 'rate_d',
				label: M.changeRate,
				value: (r) => diff(r.now?.exec_rate, r.before?.exec_rate),
				format: 'deltaPp'
			},
			{ key: 'score', label: M.scorePct, value: (r) => r.now?.score_pct ?? null, format: 'score' },
			{
				key: 'score_d',
				label: M.changeScore,
				value: (r) => diff(r.now?.score_pct, r.before?.score_pct),
				format: 'deltaScore'
			},
			{
				key: 'budget',
				label: M.finalBudget,
				value: (r) => r.now?.budget_final ?? null,
				format: 'wan'
			},
			{
				key: 'budget_d',
				label: M.budgetChange,
				value: (r) => change(r.now?.budget_final, r.before?.budget_final),
				format: 'deltaPct'
			},
			{
				key: 'metric',
				// The metric's names as the dictionary gives them (its key when it has none).
				label: metricInfo ?? m(view.metric, view.metric),
				value: (r) => r.now?.metric_value ?? null,
				format: 'score'
			},
			{
				key: 'metric_d',
				label: M.vsLastYear,
				value: (r) => change(r.now?.metric_value, r.before?.metric_value),
				format: 'deltaPct'
			}
		]);

		const groups = $derived(distinct(view.heat.map((h) => h.grp)));
		this.heat = $derived(
			heatOption(
				lang.current,
				view.units.map((u) => this.nameOf(u)),
				groups,
				groups.flatMap((g, x) =>
					view.units.map(
						(u, y) =>
							[x, y, view.heat.find((h) => h.unit_id === u && h.grp === g)?.earned ?? null] as [
								number,
								number,
								number | null
							]
					)
				),
				CMP.earnedShare
			)
		);
		this.heatColumns = [
			{ key: 'unit', label: M.unit, value: (r) => this.nameOf(r.unit_id) },
			{ key: 'grp', label: CMP.group, value: (r) => r.grp },
			{ key: 'weight', label: CMP.weight, value: (r) => r.weight, format: 'score' },
			{ key: 'score', label: CMP.score, value: (r) => r.score, format: 'score' },
			{ key: 'earned', label: CMP.earned, value: (r) => r.earned, format: 'pct' }
		];
		this.lineColumns = [
			{ key: 'unit', label: M.unit, value: (r) => r.short_name },
			{ key: 'year', label: M.year, value: (r) => r.year },
			{ key: 'rate', label: M.execRate, value: (r) => r.exec_rate, format: 'pct2' },
			{ key: 'score', label: M.scorePct, value: (r) => r.score_pct, format: 'score' },
			{ key: 'budget', label: M.finalBudget, value: (r) => r.budget_final, format: 'wan' },
			{ key: 'metric', label: CMP.metric, value: (r) => r.metric_value, format: 'score' }
		];
	}

	/**
	 * A chosen unit's page: at the year asked for (else the URL's), if the unit has forms that year
	 * (its forms of that year), else the page's top.
	 */
	unitLink(id: string, year?: number | null): string {
		const y = year ?? this.page.filter.year;
		const has = y !== null && this.page.data.series.some((r) => r.unit_id === id && r.year === y);
		return unitHref(id, has ? y : undefined);
	}

	/** A unit's name as the picker shows it (★ marks published units). */
	nameOf(id: string): string {
		const u = this.all.find((x) => x.unit_id === id);
		return u ? `${u.provenance === 'published' ? '★ ' : ''}${u.name}` : id;
	}

	/** Changes the selection: a new history entry that keeps the chosen units and metric. */
	set(patch: { units?: string[]; metric?: string; year?: number | null }): Promise<void> {
		const f = this.page.filter;
		return this.page.set({ units: f.units, metric: f.metric, ...patch });
	}

	/**
	 * Reads a picker text (id, short or full name, or part of one; see pickUnit) and adds the unit
	 * when exactly one is named; the outcome says what happened, for the page to say it.
	 */
	add(text: string): Pick {
		const pick = pickUnit(this.all, this.units, text, MAX_UNITS);
		if (pick.kind === 'add') this.addId(pick.unit.unit_id);
		return pick;
	}

	/** Adds a unit by id (a match chosen from the list); a new selection has no year. */
	addId(id: string): void {
		if (!this.units.includes(id) && this.units.length < MAX_UNITS)
			void this.set({ units: [...this.units, id], year: null });
	}

	/** Removes a unit, keeping at least two. */
	remove(id: string): void {
		if (this.units.length > 2)
			void this.set({ units: this.units.filter((u) => u !== id), year: null });
	}
}
