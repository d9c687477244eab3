// Writes rows as RFC 4180 CSV text: the canonical data files and downloads share this one writer.

export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
	if (v === null || v === undefined) return '';
	const s = typeof v === 'number' ? numberText(v) : v;
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Plain decimal text for a number (no exponent, no float noise beyond 10 decimals: sums such as
 * 1.2199999999999989 are 1.22), the same in CSV and XLSX. Data values carry at most a few decimals,
 * so nothing printed is lost; the table downloads round further, to the precision a column shows.
 */
export function numberText(n: number): string {
	if (!Number.isFinite(n)) throw new Error(`cannot write ${n} to CSV`);
	if (Number.isInteger(n)) return String(n);
	return String(Number(n.toFixed(10)));
}

export function toCsv(
	header: readonly string[],
	rows: Iterable<readonly Cell[]>,
	opts: { bom?: boolean } = {}
): string {
	const out: string[] = [header.map(cell).join(',')];
	for (const r of rows) out.push(r.map(cell).join(','));
	return (opts.bom ? '\ufeff' : '') + out.join('\n') + '\n';
}
