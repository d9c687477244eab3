// Number formatting for the UI: 万元 and 亿元 money, percentages, scores — one module for every view.

const group = (n: number, digits: number) =>
	n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** An amount in 万元 with two decimals and grouping: 1,715.85. Null prints as an em dash. */
export function wan(n: number | null | undefined): string {
	return n === null || n === undefined ? '—' : group(n, 2);
}

/** An amount in 万元 as words for KPIs: "1,715.85 万元", or "12.34 亿元" from 1 亿 (10,000 万) up. */
export function money(n: number | null | undefined): string {
	if (n === null || n === undefined) return '—';
	return Math.abs(n) >= 10000 ? `${group(n / 10000, 2)} 亿元` : `${group(n, 2)} 万元`;
}

/** A ratio (1 = 100%) as a percentage with `digits` decimals. */
export function pct(r: number | null | undefined, digits = 1): string {
	return r === null || r === undefined ? '—' : `${(r * 100).toFixed(digits)}%`;
}

/** A score: integers as is, otherwise up to two decimals. */
export function score(n: number | null | undefined): string {
	if (n === null || n === undefined) return '—';
	return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

export function count(n: number | null | undefined): string {
	return n === null || n === undefined ? '—' : group(n, 0);
}

/** Grade bands on a 100-point total: 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60. */
export function grade(scorePct: number | null | undefined): '优' | '良' | '中' | '差' | '—' {
	if (scorePct === null || scorePct === undefined) return '—';
	return scorePct >= 90 ? '优' : scorePct >= 80 ? '良' : scorePct >= 60 ? '中' : '差';
}
