// CSV text to rows with their physical line numbers, so every report can point at file:line.
import Papa from 'papaparse';
import type { CsvRow, CsvTable } from '../schema/validate';

/**
 * Parses CSV text (a leading BOM is dropped). Nothing is skipped but wholly empty lines.
 * Rows end at LF whatever comes before it, so a file that mixes CRLF and LF loses no row (PapaParse
 * would take the first line's CRLF as the only row end and fold LF rows into one); the CR of a CRLF
 * is dropped from the row's last cell (a quoted last cell that itself ends in CR loses that CR:
 * PapaParse does not tell the two apart). Line breaks inside other quoted cells are kept exactly.
 * A file with CR alone (old Mac) ends rows at CR.
 */
export function parseCsv(text: string, file: string): CsvTable {
	const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const newline = src.includes('\n') ? '\n' : src.includes('\r') ? '\r' : '\n';
	// One call over the whole text (PapaParse's step mode costs a callback and a result per row).
	// Empty lines are kept as rows here, so the physical line of each row can be counted: one per
	// row, plus the line breaks inside its quoted cells.
	// PapaParse guesses the delimiter from the first rows, but splits the whole text once per
	// candidate to do so: guess it on the head of the file, then parse the rest with it.
	const delimiter = Papa.parse<string[]>(src.slice(0, 1 << 16), {
		newline,
		preview: 10,
		skipEmptyLines: true
	}).meta.delimiter;
	const parsed = Papa.parse<string[]>(src, {
		header: false,
		newline,
		delimiter,
		skipEmptyLines: false
	});
	const rows: CsvRow[] = [];
	const lineOf: number[] = new Array(parsed.data.length);
	let line = 1;
	for (let i = 0; i < parsed.data.length; i++) {
		const fields = parsed.data[i];
		lineOf[i] = line;
		let breaks = 0;
		for (const f of fields) if (f.includes(newline)) breaks += f.split(newline).length - 1;
		line += 1 + breaks;
		const last = fields.length - 1;
		if (newline === '\n' && fields[last].endsWith('\r')) fields[last] = fields[last].slice(0, -1);
		// A blank line (or one holding only the CR of a CRLF) is skipped, as nothing is on it.
		if (last === 0 && fields[0] === '') continue;
		rows.push({ line: lineOf[i], fields });
	}
	const parseErrors: CsvTable['parseErrors'] = parsed.errors.map((e) => ({
		line: lineOf[e.row ?? 0] ?? 1,
		message: e.message
	}));
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
