// Dropped files sorted between the two importers: table files (CSV, Parquet, canonical workbooks) and documents.
import { documentFormat, eitherTableOrDocument } from '../documents/formats';
import { recogniseTable } from '../ingest/headers';
import { csvSource, type InputFile, type Source } from '../ingest/pipeline';
import { sourcesOf, xlsxSources } from '../ingest/sources';

const ext = (name: string) => name.toLowerCase().split('.').pop() ?? '';

/** A header names at least two columns of one canonical table. */
function tableLike(s: Source): boolean {
	if (!s.csv || s.csv.header.length === 0) return false;
	return recogniseTable(s.csv.header, s.name).columns.filter((c) => c !== null).length >= 2;
}

/**
 * The dropped files sorted into table sources (CSV, Parquet, canonical workbooks) and documents
 * (Word, web pages, PDF, and a .txt or .xlsx none of whose sheets has a canonical table's header).
 * A file that cannot be read at all stays a table source, whose error already says why.
 */
export async function splitFiles(
	files: readonly InputFile[]
): Promise<{ sources: Source[]; documents: InputFile[] }> {
	const sources: Source[] = [];
	const documents: InputFile[] = [];
	for (const f of files) {
		if (eitherTableOrDocument(f.name)) {
			const s = ext(f.name) === 'xlsx' ? await xlsxSources(f) : [csvSource(f)];
			if (s.some(tableLike) || s.every((x) => !x.csv)) sources.push(...s);
			else documents.push(f);
		} else if (documentFormat(f.name)) documents.push(f);
		else sources.push(...(await sourcesOf([f])));
	}
	return { sources, documents };
}
