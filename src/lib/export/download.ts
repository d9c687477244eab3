// Browser downloads of tables (CSV with BOM so Excel reads Chinese, XLSX) and of chart images.
import { toCsv, type Cell } from './csv';
import { neutralize } from './neutralize';
import { toXlsx } from './xlsx';

function save(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** CSV for spreadsheets: UTF-8 with BOM; text cells that could run as formulas are neutralised. */
export function tableCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return toCsv(
		header.map(neutralize),
		rows.map((r) => r.map((v) => (typeof v === 'string' ? neutralize(v) : v))),
		{ bom: true }
	);
}

export function downloadCsv(
	filename: string,
	header: readonly string[],
	rows: readonly (readonly Cell[])[]
): void {
	save(new Blob([tableCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
}

export function downloadXlsx(
	filename: string,
	header: readonly string[],
	rows: readonly (readonly Cell[])[]
): void {
	const bytes = toXlsx(filename, header, rows);
	save(
		new Blob([bytes as BlobPart], {
			type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		}),
		`${filename}.xlsx`
	);
}

export function downloadDataUrl(filename: string, dataUrl: string): void {
	const a = document.createElement('a');
	a.href = dataUrl;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
}
