// The documents of an import, read and recognised in the import worker, their unit fields filled from the user's answers over suggested defaults, and their rows checked with the table files in one import.
import type { ImportOptions, ImportResult, InputFile, Source } from '../ingest/pipeline';
import { msg, type Msg } from '../schema/msg';
import type { DocFormat, DocNote, SourceRef } from './grid';
import { importDocuments } from './import';
import { placeOf } from './trace-place';
import { readDocument, type DocumentStage } from './read';
import type { Recognised } from './recognise';
import {
	missingFields,
	suggestUnit,
	type KnownUnit,
	type UnitFieldName,
	type UnitFields
} from './unit-fields';

/** One document as the review shows it: what was read, the fields asked, and whether its rows are in the import. */
export interface DocumentReview {
	file: string;
	format: DocFormat | null;
	recognised: Recognised | null;
	/** Why the document could not be read, or holds no form: it is not loaded. */
	error: Msg | null;
	/** Reader, recogniser and table-building notes, in document order. */
	notes: DocNote[];
	ms: number;
	/** The unit fields used: the suggested defaults, with the user's answers over them. */
	fields: Partial<UnitFields>;
	/** The loaded unit whose name the document prints, if exactly one. */
	matched: KnownUnit | null;
	/** Required fields still empty: the document's rows wait for them. */
	missing: UnitFieldName[];
	/** Its rows went into this import. */
	included: boolean;
	/** Every value taken from it, as the trace records it: table, row, column, printed text, place, sentence. */
	values: TakenValue[];
}

/** One value taken from a document, for the review: where it goes, what was printed, where. */
export interface TakenValue {
	table: string;
	key: string;
	column: string;
	printed: string;
	place: SourceRef;
	context: string;
}

/** The user's answers without empty strings, so a cleared field falls back to nothing, not to a blank. */
function answered(f: Partial<UnitFields> | undefined): Partial<UnitFields> {
	return Object.fromEntries(
		Object.entries(f ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '')
	) as Partial<UnitFields>;
}

export async function importWithDocuments(
	documents: readonly InputFile[],
	tables: readonly Source[],
	opts: ImportOptions,
	given: Readonly<Record<string, Partial<UnitFields>>>,
	known: readonly KnownUnit[],
	onStage: (i: number, stage: DocumentStage) => void
): Promise<{ result: ImportResult; documents: DocumentReview[] }> {
	const reviews: DocumentReview[] = [];
	const reads: Parameters<typeof importDocuments>[0][number][] = [];
	for (const [i, f] of documents.entries()) {
		const read = await readDocument(f, (s) => onStage(i, s));
		const suggested = read.recognised
			? suggestUnit(read.recognised, known)
			: { fields: {}, matched: null };
		const user = answered(given[f.name]);
		// A field the user cleared stays empty: an explicit '' in the answers wins over the default.
		const cleared = Object.entries(given[f.name] ?? {})
			.filter(([, v]) => v === '')
			.map(([k]) => k);
		const fields: Partial<UnitFields> = { ...suggested.fields, ...user };
		for (const k of cleared) delete fields[k as UnitFieldName];
		const missing = missingFields(fields).required;
		const included = !read.error && missing.length === 0;
		reviews.push({
			file: read.file,
			format: read.format,
			recognised: read.recognised,
			error: read.error,
			notes: read.notes,
			ms: read.ms,
			fields,
			matched: suggested.matched,
			missing,
			included,
			values: []
		});
		if (included) reads.push({ read, unit: fields as UnitFields });
	}
	const { result, notes } = importDocuments(reads, opts, tables);
	// The table-building notes (the reads' own are already in their reviews) go to their document.
	const own = new Set(reads.flatMap((r) => r.read.notes));
	for (const n of notes) {
		if (own.has(n)) continue;
		const r =
			reviews.find((x) => x.included && x.file === n.ref?.file) ?? reviews.find((x) => x.included);
		r?.notes.push(n);
	}
	// Every value taken from each document, from the trace rows the checks accepted.
	for (const t of result.rows.get('trace') ?? []) {
		const v = t.values;
		const d = reviews.find((x) => x.file === v.file);
		d?.values.push({
			table: v.table_name ?? '',
			key: v.row_key ?? '',
			column: v.column_name ?? '',
			printed: v.printed ?? '',
			place: placeOf(v.file ?? '', v),
			context: v.context ?? ''
		});
	}
	// Whether a document's rows went in is known only after the checks: say what was refused.
	for (const d of reviews) {
		if (!d.included) continue;
		const mine = result.report.tables.filter((t) => t.file.startsWith(`${d.file} → `));
		const accepted = mine.reduce((n, t) => n + t.accepted, 0);
		const rejected = mine.reduce((n, t) => n + t.rejected, 0);
		if (accepted === 0) d.included = false;
		if (rejected > 0 || accepted === 0)
			d.notes.push({
				level: accepted === 0 ? 'error' : 'warning',
				ref: null,
				message: msg(
					`这份文档的 ${rejected} 行未被接受${accepted === 0 ? '，没有一行载入' : `，${accepted} 行载入`}（原因见下方报告）`,
					`${rejected} rows of this document were refused${accepted === 0 ? ', and none is loaded' : `; ${accepted} are loaded`} (the report below says why)`
				)
			});
	}
	return { result, documents: reviews };
}
