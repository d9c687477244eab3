// Documents to an import result: the forms' canonical rows through the same normalising and checks as any table file, with the reader's notes.
import {
	importSources,
	type ImportOptions,
	type ImportResult,
	type Source
} from '../ingest/pipeline';
import type { DocNote } from './grid';
import type { DocumentRead } from './read';
import { documentSources } from './to-tables';
import type { UnitFields } from './unit-fields';

export interface DocumentImport {
	result: ImportResult;
	/** Reader, recogniser and table-building notes for every document. */
	notes: DocNote[];
}

/**
 * Loads the recognised documents, each with the unit fields its user gave, together with table
 * files dropped beside them (`tables`), so that keys across both are checked in one import.
 */
export function importDocuments(
	reads: readonly { read: DocumentRead; unit: UnitFields }[],
	opts: ImportOptions = {},
	tables: readonly Source[] = []
): DocumentImport {
	const inputs = reads
		.filter((x) => x.read.recognised && x.read.recognised.forms.length)
		.map((x) => ({ file: x.read.file, recognised: x.read.recognised!, unit: x.unit }));
	const { sources, notes } = documentSources(inputs);
	return {
		result: importSources([...tables, ...sources], opts),
		notes: [...reads.flatMap((x) => x.read.notes), ...notes]
	};
}
