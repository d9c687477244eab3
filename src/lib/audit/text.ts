// How the audit's messages print numbers: as the form printed them when it did, else rounded plainly.

/** A number with at most `digits` decimals, trailing zeros dropped: 9.6134 → "9.61", 15 → "15". */
export function num(n: number, digits = 2): string {
	const r = Number(n.toFixed(digits));
	return String(Object.is(r, -0) ? 0 : r);
}

/** A fraction as a percentage: 0.96351 → "96.35%". */
export function pctText(r: number, digits = 2): string {
	return `${num(r * 100, digits)}%`;
}

/** The printed text when there is one, else the number. */
export function shown(text: string | null | undefined, value: number | null | undefined): string {
	if (text !== null && text !== undefined && text.trim() !== '') return text.trim();
	return value === null || value === undefined ? '—' : num(value);
}

/** "a=1; b=2" for the flags' numbers column; empty entries are left out. */
export function numbers(pairs: Record<string, string | number | null | undefined>): string {
	return Object.entries(pairs)
		.filter(([, v]) => v !== null && v !== undefined && v !== '')
		.map(([k, v]) => `${k}=${typeof v === 'number' ? num(v, 4) : v}`)
		.join('; ');
}
