// Places a row's cells under the form's columns when a copy lost the grid: re-rows a reflowed stream at the form's headings, anchors a row whose merged cells were dropped, and fits values to columns by what each can hold.
import { parseValue } from '../normalize/value';
import type { RowCell } from './grid';
import {
	BUDGET_COLUMNS,
	BUDGET_TOTAL_ROW,
	CLOSING,
	FORM_TITLES,
	FUNDING_SOURCES,
	GOALS,
	HEADER_FIELDS,
	INDICATOR_COLUMNS,
	LEVEL1_NAMES,
	LEVEL2_NAMES,
	TOTAL_ROW
} from './markers';
import { cleanCell, headingPoints, isOneOf, key, mentions } from './text';

/** A budget row's label: 年度资金总额, or a source sub-row with or without "其中：". */
export function budgetLabel(text: string): 'total' | 'source' | null {
	const t = cleanCell(text).replace(/^其中[:：]?/, '');
	if (isOneOf(t, BUDGET_TOTAL_ROW)) return 'total';
	if (isOneOf(t, FUNDING_SOURCES)) return 'source';
	return null;
}

/** The level a cell names: 一级 (with or without "(50分)", or the points alone), 二级, or neither. */
export function levelOf(text: string, next: string | null): 'level1' | 'level2' | null {
	const { name, points } = headingPoints(text);
	const k = key(name);
	if (k === '' && points) return 'level1';
	const l1 = LEVEL1_NAMES.includes(k);
	const l2 = LEVEL2_NAMES.includes(k);
	if (l1 && (!l2 || points || (next !== null && LEVEL2_NAMES.includes(key(next))))) return 'level1';
	if (l2) return 'level2';
	return null;
}

const titleCell = (t: string) =>
	FORM_TITLES.some((x) => mentions(t, x.words)) && key(t).length <= 30;

/** Consecutive heading cells of one block starting at i: how many, and which block. */
function headingRun(
	cells: readonly RowCell[],
	i: number
): { n: number; block: 'budget' | 'indicators' | 'goals' } | null {
	const blocks: ['budget' | 'indicators' | 'goals', Record<string, readonly string[]>, number][] = [
		['indicators', INDICATOR_COLUMNS, 4],
		['budget', BUDGET_COLUMNS, 3],
		['goals', GOALS, 2]
	];
	for (const [block, fields, min] of blocks) {
		let n = 0;
		const all = Object.values(fields);
		while (i + n < cells.length && all.some((w) => isOneOf(cells[i + n].text, w))) n++;
		if (n >= min) return { n, block };
	}
	return null;
}

/** A cell that begins a row of the form wherever it stands. */
function startsRow(text: string, next: string | null): boolean {
	if (cleanCell(text) === '') return false;
	return (
		titleCell(text) ||
		Object.values(HEADER_FIELDS).some((w) => isOneOf(text, w)) ||
		budgetLabel(text) !== null ||
		isOneOf(text, TOTAL_ROW) ||
		Object.values(CLOSING).some((w) => isOneOf(text, w)) ||
		levelOf(text, next) === 'level1'
	);
}

/**
 * A reflowed row (a copy that put many of the form's rows on one line) cut back into the form's
 * rows: a run of column headings is a row of its own, and a title, a header label, a budget row
 * label, a 一级 heading, a total or a closing label starts a row. Columns are numbered afresh in
 * each row; a budget heading row starts at column 1, leaving column 0 to the row labels under it.
 */
export function reflow(row: readonly RowCell[]): RowCell[][] {
	const out: RowCell[][] = [];
	let cur: RowCell[] = [];
	const flush = () => {
		if (cur.length) out.push(cur.map((c, k) => ({ ...c, col: k, colSpan: 1 })));
		cur = [];
	};
	for (let i = 0; i < row.length;) {
		const run = headingRun(row, i);
		if (run) {
			flush();
			const start = run.block === 'budget' ? 1 : 0;
			out.push(row.slice(i, i + run.n).map((c, k) => ({ ...c, col: start + k, colSpan: 1 })));
			i += run.n;
			continue;
		}
		if (startsRow(row[i].text, row[i + 1]?.text ?? null)) flush();
		cur.push(row[i]);
		i++;
	}
	flush();
	return out.filter((r) => r.some((c) => cleanCell(c.text) !== ''));
}

/** What a column can hold, so that values can be placed when a copy dropped the empty cells. */
export type Holds = 'money' | 'rate' | 'points' | 'any' | 'text';

function fits(v: string, holds: Holds): boolean {
	const p = parseValue(cleanCell(v));
	if (p.kind === 'missing') return true;
	switch (holds) {
		case 'money':
			return p.kind === 'number' && p.unit !== '%';
		case 'rate':
			return p.kind === 'number' && p.unit === '%';
		case 'points':
			return p.kind === 'number' && p.unit !== '%' && p.value !== null && p.value <= 100;
		case 'text':
			return p.kind !== 'number';
		default:
			return true;
	}
}

/**
 * Places values under columns in order when there are fewer values than columns: every way of
 * doing so that fits what each column holds is tried, and a column gets a value only when every
 * way agrees on it (a placeholder such as "-" counts as empty). The rest is left out, and said.
 */
export function fitByType(
	values: readonly RowCell[],
	holds: readonly Holds[]
): { placed: (RowCell | null)[]; ambiguous: RowCell[] } {
	const n = holds.length;
	const ways: (RowCell | null)[][] = [];
	const walk = (vi: number, ci: number, acc: (RowCell | null)[]) => {
		if (ways.length > 2000) return;
		if (vi === values.length) {
			ways.push([...acc, ...Array(n - ci).fill(null)]);
			return;
		}
		for (let c = ci; c <= n - (values.length - vi); c++) {
			if (!fits(values[vi].text, holds[c])) continue;
			walk(vi + 1, c + 1, [...acc, ...Array(c - ci).fill(null), values[vi]]);
		}
	};
	walk(0, 0, []);
	const empty = (c: RowCell | null) => !c || parseValue(cleanCell(c.text)).kind === 'missing';
	const placed: (RowCell | null)[] = Array(n).fill(null);
	if (!ways.length) return { placed, ambiguous: [...values] };
	for (let c = 0; c < n; c++) {
		const first = ways[0][c];
		if (ways.every((w) => w[c] === first || (empty(w[c]) && empty(first))))
			placed[c] = empty(first) ? null : first;
	}
	const used = new Set(placed.filter((x) => x !== null));
	return { placed, ambiguous: values.filter((v) => !used.has(v) && !empty(v)) };
}
