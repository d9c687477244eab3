// A spreadsheet number as the text Excel shows under General: 15 significant digits, plain digits.

/** A number in plain digits (no exponent), as validation requires. */
function plainNumber(n: number): string {
	const s = String(n);
	if (!/e/i.test(s)) return s;
	const fixed = n.toFixed(20).replace(/\.?0+$/, '');
	return Number(fixed) === n ? fixed : s;
}

/**
 * 15 significant digits clear float noise (0.1 + 0.2) and round nothing else; more decimals than
 * the store keeps are left for validation to refuse. Infinity and NaN stay visible as text.
 */
export function numberText(n: number): string {
	return Number.isFinite(n) ? plainNumber(Number(n.toPrecision(15))) : String(n);
}
