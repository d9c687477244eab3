// Browser downloads of tables (CSV with BOM so Excel reads Chinese, XLSX) and of chart images.
import { numberText, toCsv, type Cell } from './csv';
import { neutralize } from './neutralize';
import { toXlsx } from './xlsx';

/** A table as its downloads write it: headers, cells, and each column's Excel number format. */
export interface ExportTable {
	header: string[];
	rows: Cell[][];
	/** Excel number format per column ('0.00%', '#,##0.00' …); null: text or General. */
	formats?: (string | null)[];
}

/** Saves a blob as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	clickDownload(url, filename);
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function clickDownload(href: string, filename: string): void {
	const a = document.createElement('a');
	a.href = href;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
}

/**
 * A number of a percent-formatted column as CSV text, e.g. 0.9635 under '0.00%' → "96.35%": a
 * spreadsheet reads it as the same fraction with a percent format, and a person cannot mistake it.
 */
export function percentText(v: number, format: string): string {
	const digits = /0\.(0+)%/.exec(format)?.[1].length ?? 0;
	return `${numberText(Number((v * 100).toFixed(digits)))}%`;
}

/** CSV for spreadsheets: UTF-8 with BOM; text cells that could run as formulas are neutralised. */
export function tableCsv(
	header: readonly string[],
	rows: readonly (readonly Cell[])[],
	formats?: readonly (string | null)[]
): string {
	const pctCols = (formats ?? []).map((f) => (f && f.includes('%') ? f : null));
	return toCsv(
		header.map(neutralize),
		rows.map((r) =>
			r.map((v, i) =>
				typeof v === 'string'
					? neutralize(v)
					: typeof v === 'number' && pctCols[i]
						? percentText(v, pctCols[i]!)
						: v
			)
		),
		{ bom: true }
	);
}

/** The table downloads every table offers, in the order their buttons show. */
export const TABLE_DOWNLOADS = ['csv', 'xlsx'] as const;
export type TableDownload = (typeof TABLE_DOWNLOADS)[number];

/** Downloads a table as `<filename>.csv` (UTF-8 with BOM) or `<filename>.xlsx`. */
export function downloadTable(kind: TableDownload, filename: string, t: ExportTable): void {
	const blob =
		kind === 'csv'
			? new Blob([tableCsv(t.header, t.rows, t.formats)], { type: 'text/csv;charset=utf-8' })
			: new Blob([toXlsx(filename, t.header, t.rows, t.formats) as BlobPart], {
					type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
				});
	saveBlob(blob, `${filename}.${kind}`);
}

export function downloadDataUrl(filename: string, dataUrl: string): void {
	clickDownload(dataUrl, filename);
}
