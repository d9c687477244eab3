// How precisely a figure was printed, so checks allow for rounding and nothing beyond it ("90" ±0.5, "9.63" ±0.005).

const FULL_WIDTH_DIGITS = /[０-９．]/g;

/** Decimals printed in the first number of `text`; null when the text holds no number. */
export function printedDecimals(text: string | null | undefined): number | null {
	if (!text) return null;
	const half = text.replace(FULL_WIDTH_DIGITS, (c) =>
		String.fromCharCode(c.charCodeAt(0) - 0xfee0)
	);
	// Thousands separators ("1,715.85") belong to the number, not before it.
	const m = /\d{1,3}(?:,\d{3})+(?:\.(\d+))?|\d+(?:\.(\d+))?/.exec(half);
	if (!m) return null;
	return (m[1] ?? m[2])?.length ?? 0;
}

/**
 * Half of the last printed digit: the most a printed figure can differ from the true one by rounding.
 * Without a printed text, `fallbackDecimals` says how the number is taken to be printed.
 */
export function halfUnit(text: string | null | undefined, fallbackDecimals = 2): number {
	const d = printedDecimals(text) ?? fallbackDecimals;
	return 0.5 * 10 ** -d;
}

/**
 * Money in 万元 is kept to the accounting system's 元 precision (two decimals): a budget printed "16" is
 * 16.00 万元, not anything from 15.5 to 16.5. Scores and rates, which forms do round, use halfUnit.
 */
export const MONEY_HALF_UNIT = 0.005;

/** The same for a rate stored as a fraction: "96.35%" is ±0.00005, "100%" ±0.005, "0.96" ±0.005. */
export function rateHalfUnit(text: string | null | undefined): number {
	const d = printedDecimals(text);
	if (text && /[%％]/.test(text)) return 0.5 * 10 ** -((d ?? 0) + 2);
	return 0.5 * 10 ** -(d ?? 4);
}

/** Rounding slack of B / A when B and A are rounded to their printed precision. */
export function ratioSlack(b: number, a: number, halfB: number, halfA: number): number {
	if (a <= 0) return Infinity;
	return halfB / a + (Math.abs(b) * halfA) / (a * a);
}

/** Tolerance for comparisons of doubles that should be equal. */
export const EPS = 1e-6;
