// What the overview shows of a year's units at any size: the ranking's rows a page carries, the chart's bars, and the score bins over every unit.
import { scoreBins, type ScoreBin } from '$lib/charts/score-dist';
import { sortRows, type Column } from '$lib/components/table';
import { M } from '$lib/i18n/messages';
import type { OverviewData, OverviewFirst, UnitExecRow } from '$lib/queries/overview';
import { MAX_BARS } from './sizes';

export { MAX_BARS, PRERENDERED_UNITS } from './sizes';

export interface OverviewShown extends OverviewData {
	/** Units with a department form in the year (`units` may hold fewer: the prerendered first page). */
	unitsTotal: number;
	/** The chart's bars, highest rate first: every unit, or the MAX_BARS lowest rates of them. */
	bars: UnitExecRow[];
	/** Self-scores of every unit, binned; and how many units have one. */
	bins: ScoreBin[];
	scored: number;
}

/** The ranking's default order, self-score highest first: the table sorts by this column, so the rows a page carries are its first rows. */
export const rankScoreColumn: Column<UnitExecRow> = {
	key: 'score',
	label: M.scorePct,
	value: (r) => r.score_pct,
	format: 'score'
};

/**
 * The overview as shown, from every unit of the year (`d.units`, highest execution rate first):
 * at most `keep` ranking rows (in the ranking's order), the bars, and the score bins of them all.
 */
export function shownOverview(d: OverviewData, keep = Infinity, bars = MAX_BARS): OverviewShown {
	const rated = d.units.filter((u) => u.exec_rate !== null);
	return {
		...d,
		// Every row as it came (the table sorts them; on a prerendered page they are the bars' own
		// rows, so the page's data carries them once), or the ranking's first `keep`.
		units:
			d.units.length <= keep ? d.units : sortRows(d.units, rankScoreColumn, 'desc').slice(0, keep),
		unitsTotal: d.units.length,
		bars: d.units.length <= bars ? d.units : rated.slice(-bars),
		bins: scoreBins(d.units.map((u) => u.score_pct)),
		scored: d.units.filter((u) => u.score_pct !== null).length
	};
}

/** Whether the shown rows are only the first page of the ranking. */
export const isPartial = (v: OverviewShown): boolean => v.units.length < v.unitsTotal;

/**
 * The same as `shownOverview(data, keep, bars)`, from the year's first answer (`overviewFirst` with
 * that `keep` and `bars`); when every unit fits in `keep`, its rows come in the ranking's order.
 */
export function shownFirst(f: OverviewFirst): OverviewShown {
	const { ranked, bars, scores, ...head } = f;
	return {
		...head,
		units: ranked,
		unitsTotal: scores.length,
		bars,
		bins: scoreBins(scores),
		scored: scores.filter((s) => s !== null).length
	};
}

/** A first answer (`shownFirst`) with every unit's row of its year (`execByUnit(year)`): then as `shownOverview` of them all. */
export function withRows(v: OverviewShown, rows: UnitExecRow[]): OverviewShown {
	return { ...v, units: rows, unitsTotal: rows.length };
}
