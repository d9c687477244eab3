// A minimal XLSX writer: inline strings (never formulas), numbers as the CSV writer writes them (no
// float noise) with Excel number formats, the header row bold and frozen; one sheet per table (fflate).
import { XLSX_MAX_ROWS } from '../format/spreadsheet';
import { strToU8, zipSync } from 'fflate';
import { numberText, type Cell } from './csv';

/**
 * Text for an XML element. XML 1.0 cannot hold most control characters, so they are written the way
 * OOXML escapes them (`_x0001_`, which Excel reads back as the character), and text that already
 * looks like such an escape gets its `_` escaped (`_x005F_`), so every string arrives unchanged.
 */
export function xmlText(s: string): string {
	return (
		s
			.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
			.replaceAll('&', '&amp;')
			.replaceAll('<', '&lt;')
			.replaceAll('>', '&gt;')
			.replaceAll('"', '&quot;')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => {
				return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
			})
			// A lone surrogate is not text; the replacement character says something was there.
			.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
	);
}

/** Excel's built-in number formats (ids below 164 need no <numFmt> entry). */
const BUILTIN: Record<string, number> = {
	'0': 1,
	'0.00': 2,
	'#,##0': 3,
	'#,##0.00': 4,
	'0%': 9,
	'0.00%': 10
};

export function colName(i: number): string {
	let s = '';
	for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

function cellXml(v: Cell, ref: string, style: number): string {
	if (v === null || v === undefined || v === '') return '';
	const s = style ? ` s="${style}"` : '';
	if (typeof v === 'number')
		return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${numberText(v)}</v></c>` : '';
	// An inline string is text to Excel whatever it starts with (= + - @ included): nothing to neutralise.
	return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

export interface SheetInput {
	name: string;
	header: readonly string[];
	rows: readonly (readonly Cell[])[];
	/** Excel number format per column (e.g. '0.00%'); null or absent: General. */
	formats?: readonly (string | null)[];
}

/** Builds an .xlsx file: the header row in bold and frozen, then the rows. */
export function toXlsx(
	sheetName: string,
	header: readonly string[],
	rows: readonly (readonly Cell[])[],
	formats?: readonly (string | null)[]
): Uint8Array {
	return toXlsxBook([{ name: sheetName, header, rows, formats }]);
}

/** Cell styles: 0 default, 1 bold header, then one per number format used. */
class Styles {
	private codes: string[] = [];
	/** Style index for a number format code. */
	of(code: string | null | undefined): number {
		if (!code) return 0;
		let i = this.codes.indexOf(code);
		if (i < 0) i = this.codes.push(code) - 1;
		return 2 + i;
	}
	xml(): string {
		const custom = this.codes.filter((c) => !(c in BUILTIN));
		const id = (c: string) => BUILTIN[c] ?? 164 + custom.indexOf(c);
		const numFmts = custom.length
			? `<numFmts count="${custom.length}">${custom.map((c) => `<numFmt numFmtId="${id(c)}" formatCode="${xmlText(c)}"/>`).join('')}</numFmts>`
			: '';
		const xfs = this.codes.map((c) => `<xf numFmtId="${id(c)}" applyNumberFormat="1"/>`).join('');
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="${2 + this.codes.length}"><xf/><xf fontId="1" applyFont="1"/>${xfs}</cellXfs></styleSheet>`;
	}
}

/** A sheet's XML, encoded in slices of rows: a sheet of a million rows is larger than one string may be. */
function sheetXml(s: SheetInput, styles: Styles): Uint8Array {
	if (s.rows.length > XLSX_MAX_ROWS)
		throw new Error(
			`${s.name}: ${s.rows.length} rows do not fit in one spreadsheet sheet (at most ${XLSX_MAX_ROWS} beneath the header)`
		);
	const colStyle = s.header.map((_, ci) => styles.of(s.formats?.[ci]));
	const head = `<row r="1">${s.header.map((v, ci) => cellXml(v, `${colName(ci)}1`, 1)).join('')}</row>`;
	// The header stays in view while scrolling (a pane frozen below row 1).
	const view =
		'<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>';
	const parts: Uint8Array[] = [
		strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${view}<sheetData>${head}`
		)
	];
	const SLICE = 10_000;
	for (let from = 0; from < s.rows.length; from += SLICE) {
		let xml = '';
		for (let ri = from; ri < Math.min(from + SLICE, s.rows.length); ri++) {
			const r = s.rows[ri];
			xml += `<row r="${ri + 2}">${r.map((v, ci) => cellXml(v, `${colName(ci)}${ri + 2}`, typeof v === 'number' ? (colStyle[ci] ?? 0) : 0)).join('')}</row>`;
		}
		parts.push(strToU8(xml));
	}
	parts.push(strToU8('</sheetData></worksheet>'));
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** A workbook with one sheet per table. */
export function toXlsxBook(sheets: readonly SheetInput[]): Uint8Array {
	const names = sheets.map((s, i) =>
		xmlText(s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || `Sheet${i + 1}`)
	);
	const styles = new Styles();
	const sheetFiles = sheets.map((s) => sheetXml(s, styles));
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
				.map(
					(_, i) =>
						`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
				)
				.join(
					''
				)}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
		),
		'_rels/.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
		),
		'xl/workbook.xml': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
				.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
				.join('')}</sheets></workbook>`
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
				.map(
					(_, i) =>
						`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
				)
				.join(
					''
				)}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
		),
		'xl/styles.xml': strToU8(styles.xml())
	};
	sheetFiles.forEach((bytes, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = bytes));
	// A fixed time on every entry (a spreadsheet shows none of them): equal tables give equal bytes,
	// so a build's manifest lists the same sha256 for the same data. Local 2000-01-01, as zip stores it.
	return zipSync(files, { level: 6, mtime: new Date(2000, 0, 1) });
}
