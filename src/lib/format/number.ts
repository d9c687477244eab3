// Number formatting for the UI: 万元 and 亿元 money, percentages, scores — one module for every view.
import type { Lang } from '../i18n/lang.svelte';
import { gradeOf, type Grade } from '../schema';

/**
 * Fixed decimals with thousands separators: 1,715.85. Rounded by toFixed, as the downloads round
 * (src/lib/components/table.ts), and a value that rounds to zero prints without a sign.
 */
const group = (n: number, digits: number) => {
	const fixed = n.toFixed(digits);
	const [int, frac] = (Number(fixed) === 0 ? (0).toFixed(digits) : fixed).split('.');
	const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return frac === undefined ? grouped : `${grouped}.${frac}`;
};

/** An amount in 万元 with two decimals and grouping: 1,715.85. Null prints as an em dash. */
export function wan(n: number | null | undefined): string {
	return n === null || n === undefined ? '—' : group(n, 2);
}

/**
 * An amount in 万元 for KPIs: "1,715.85 万元", or "12.34 亿元" from 1 亿 (10,000 万) up;
 * in English "17.16 m yuan" / "1.23 bn yuan" (1 万元 = 10,000 yuan).
 */
export function money(n: number | null | undefined, lang: Lang = 'zh'): string {
	if (n === null || n === undefined) return '—';
	if (lang === 'en') {
		const yuan = n * 10000;
		return Math.abs(yuan) >= 1e9
			? `${group(yuan / 1e9, 2)} bn yuan`
			: `${group(yuan / 1e6, 2)} m yuan`;
	}
	return Math.abs(n) >= 10000 ? `${group(n / 10000, 2)} 亿元` : `${group(n, 2)} 万元`;
}

/** A ratio (1 = 100%) as a percentage with `digits` decimals. */
export function pct(r: number | null | undefined, digits = 1): string {
	if (r === null || r === undefined) return '—';
	const s = (r * 100).toFixed(digits);
	return `${Number(s) === 0 ? (0).toFixed(digits) : s}%`;
}

/** A score: integers as is, otherwise up to two decimals. */
export function score(n: number | null | undefined): string {
	if (n === null || n === undefined) return '—';
	return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

/** A download's size in megabytes of 1,048,576 bytes, one decimal ("12.4 MB"). */
export function megabytes(bytes: number): string {
	return `${(bytes / 1048576).toFixed(1)} MB`;
}

export function count(n: number | null | undefined): string {
	return n === null || n === undefined ? '—' : group(n, 0);
}

/** A signed change: "+1.2" / "−0.5"; `unit` follows the number (e.g. " pp"). */
export function delta(n: number | null | undefined, digits = 1, unit = ''): string {
	if (n === null || n === undefined || !Number.isFinite(n)) return '—';
	const s = Math.abs(n).toFixed(digits);
	// Sign of what is shown: a change that rounds to zero reads ±0.0, not −0.0.
	const shown = Number(s) === 0 ? 0 : n;
	return `${shown > 0 ? '+' : shown < 0 ? '−' : '±'}${s}${unit}`;
}

/** Relative change between two values as a signed percentage. */
export function change(
	now: number | null | undefined,
	before: number | null | undefined
): number | null {
	if (now === null || now === undefined || before === null || before === undefined || before === 0)
		return null;
	return now / before - 1;
}

/** The grade of a score on 100 points (the schema's bands: 优 ≥ 90 …); null prints as an em dash. */
export function grade(scorePct: number | null | undefined): Grade | '—' {
	return scorePct === null || scorePct === undefined ? '—' : gradeOf(scorePct);
}
