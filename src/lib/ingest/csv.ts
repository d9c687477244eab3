// CSV text to rows with their physical line numbers, so every report can point at file:line.
import Papa from 'papaparse';

export interface CsvRow {
	/** 1-based physical line where the row starts (the header is line 1 of a file without blank lines). */
	line: number;
	fields: string[];
}

export interface CsvTable {
	file: string;
	header: string[];
	headerLine: number;
	rows: CsvRow[];
	/** Problems the CSV parser itself reported (unclosed quotes …), with their line. */
	parseErrors: { line: number; message: string }[];
	/** The field separator found (comma, semicolon, tab …). */
	delimiter?: string;
}

/**
 * Parses CSV text (a leading BOM is dropped). Nothing is skipped but wholly empty lines.
 * Rows end at LF whatever comes before it, so a file that mixes CRLF and LF loses no row (PapaParse
 * would take the first line's CRLF as the only row end and fold LF rows into one); a CR before the
 * LF is dropped unless it is inside quotes. A file with CR alone (old Mac) ends rows at CR.
 */
export function parseCsv(text: string, file: string): CsvTable {
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const rows: CsvRow[] = [];
	const parseErrors: CsvTable['parseErrors'] = [];
	let prevCursor = 0;
	let delimiter: string | undefined;
	let line = 1;
	const newline = src.includes('\n') ? '\n' : src.includes('\r') ? '\r' : '\n';
	const nl = newline.charCodeAt(0);
	const countNewlines = (from: number, to: number) => {
		let n = 0;
		for (let i = from; i < to; i++) if (src.charCodeAt(i) === nl) n++;
		return n;
	};
	Papa.parse<string[]>(src, {
		header: false,
		newline,
		skipEmptyLines: true,
		step: (result) => {
			let start = prevCursor;
			while (start < src.length && (src[start] === '\n' || src[start] === '\r')) start++;
			line += countNewlines(prevCursor, start);
			const fields = result.data.map((f, i, all) =>
				i === all.length - 1 && f.endsWith('\r') ? f.slice(0, -1) : f
			);
			delimiter ??= result.meta.delimiter;
			// A line holding only the CR of a CRLF is as empty as the blank lines PapaParse skips.
			const blank = fields.length === 1 && fields[0] === '' && result.errors.length === 0;
			if (!blank) rows.push({ line, fields });
			for (const e of result.errors) parseErrors.push({ line, message: e.message });
			line += countNewlines(start, result.meta.cursor);
			prevCursor = result.meta.cursor;
		}
	});
	const head = rows.shift();
	return {
		file,
		header: head ? head.fields.map((h) => h.trim()) : [],
		headerLine: head?.line ?? 1,
		rows,
		parseErrors,
		delimiter
	};
}
