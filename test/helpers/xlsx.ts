// Test helper: reads an XLSX written by src/lib/export/xlsx.ts back from its XML (cells, number
// formats, frozen pane) and renders a number under an Excel format as a spreadsheet would show it.
import { strFromU8, unzipSync } from 'fflate';

export interface ReadCell {
	ref: string;
	/** 'n' number, 's' inline string. */
	type: 'n' | 's';
	value: string | number;
	/** The Excel number format code on the cell ('General' when none). */
	numFmt: string;
	/** The cell holds a formula (never expected). */
	formula: boolean;
}

export interface ReadSheet {
	name: string;
	rows: ReadCell[][];
	/** The frozen pane, if any: rows above the split. */
	frozenRows: number | null;
}

const BUILTIN: Record<number, string> = {
	0: 'General',
	1: '0',
	2: '0.00',
	3: '#,##0',
	4: '#,##0.00',
	9: '0%',
	10: '0.00%'
};

const unxml = (s: string) =>
	s
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"')
		.replaceAll('&apos;', "'")
		.replaceAll('&amp;', '&');

/** OOXML's escape of characters XML cannot hold: _xHHHH_ (and _x005F_ for a literal underscore). */
const unescapeX = (s: string) =>
	s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

export function readXlsx(bytes: Uint8Array): ReadSheet[] {
	const files = unzipSync(bytes);
	const text = (p: string) => strFromU8(files[p]);
	const styles = text('xl/styles.xml');
	const custom = new Map<number, string>();
	for (const m of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g))
		custom.set(Number(m[1]), unxml(m[2]));
	const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/.exec(styles)![1];
	const xfFmt = [...cellXfs.matchAll(/<xf([^>]*?)\/?>/g)].map((m) => {
		const id = Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
		return custom.get(id) ?? BUILTIN[id] ?? `builtin ${id}`;
	});
	const names = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]*)"/g)].map((m) =>
		unxml(m[1])
	);
	return names.map((name, i) => {
		const xml = text(`xl/worksheets/sheet${i + 1}.xml`);
		const pane = /<pane [^>]*ySplit="(\d+)"[^>]*state="frozen"/.exec(xml);
		const rows = [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/gs)].map((r) =>
			[...r[1].matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/gs)].map((c): ReadCell => {
				const attrs = c[2];
				const style = Number(/ s="(\d+)"/.exec(attrs)?.[1] ?? 0);
				const inline = / t="inlineStr"/.test(attrs);
				const v = inline
					? unescapeX(unxml(/<t[^>]*>(.*?)<\/t>/s.exec(c[3])![1]))
					: Number(/<v>(.*?)<\/v>/.exec(c[3])![1]);
				return {
					ref: c[1],
					type: inline ? 's' : 'n',
					value: v,
					numFmt: xfFmt[style],
					formula: /<f[ >]/.test(c[3])
				};
			})
		);
		return { name, rows, frozenRows: pane ? Number(pane[1]) : null };
	});
}

/** Column letters of a cell reference to a 0-based index. */
export function colIndex(ref: string): number {
	let n = 0;
	for (const ch of /^[A-Z]+/.exec(ref)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
	return n - 1;
}

/** A sheet as a grid (header row first), empty cells as null. */
export function grid(sheet: ReadSheet): (ReadCell | null)[][] {
	return sheet.rows.map((r) => {
		const out: (ReadCell | null)[] = [];
		for (const c of r) out[colIndex(c.ref)] = c;
		return out;
	});
}

/** A number as Excel shows it under the number formats the site writes (sections, %, grouping, literals). */
export function renderNumFmt(v: number, code: string): string {
	if (code === 'General') return String(v);
	const sections = code.split(';');
	const section = v > 0 || sections.length === 1 ? sections[0] : v < 0 ? sections[1] : sections[2];
	const abs = sections.length === 1 ? v : Math.abs(v);
	const m = /^((?:"[^"]*"|[+-])*)([#,0]+)(?:\.(0+))?(%?)$/.exec(section);
	if (!m) throw new Error(`unsupported format ${code}`);
	const prefix = m[1].replaceAll('"', '');
	const digits = m[3]?.length ?? 0;
	const percent = m[4] === '%';
	const n = percent ? abs * 100 : abs;
	const body = m[2].includes(',')
		? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
		: n.toFixed(digits);
	return `${prefix}${body}${percent ? '%' : ''}`;
}
