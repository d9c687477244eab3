// Documents to an import result: the forms' canonical rows through the same normalising and checks as any table file, with the reader's notes.
import { recogniseTable } from '../ingest/headers';
import {
	importSources,
	type ImportOptions,
	type ImportResult,
	type Source
} from '../ingest/pipeline';
import { msg } from '../schema/msg';
import { table, TRACED_TABLES } from '../schema/tables';
import type { DocNote } from './grid';
import type { DocumentRead } from './read';
import { documentSources } from './to-tables';
import type { UnitFields } from './unit-fields';

export interface DocumentImport {
	result: ImportResult;
	/** Reader, recogniser and table-building notes for every document. */
	notes: DocNote[];
}

/** Unit ids that the loaded data or a units table dropped beside the documents already has. */
function knownUnitIds(opts: ImportOptions, tables: readonly Source[]): Set<string> {
	const ids = new Set(opts.known?.units?.unit_id ?? []);
	for (const s of tables) {
		if (!s.csv) continue;
		const m = recogniseTable(s.csv.header, s.name);
		const at = m.columns.indexOf('unit_id');
		if (m.table.name !== 'units' || at < 0) continue;
		for (const r of s.csv.rows) if (r.fields[at]) ids.add(r.fields[at]);
	}
	return ids;
}

/**
 * A trace row of a value whose row was refused points at nothing: it is refused too, and said,
 * so that the report's counts stay true and no trace outlives its value.
 */
function dropOrphanTrace(result: ImportResult): void {
	const trace = result.rows.get('trace');
	if (!trace?.length) return;
	const accepted = new Map<string, Set<string>>();
	for (const t of TRACED_TABLES) {
		const key = table(t).key;
		accepted.set(
			t,
			new Set((result.rows.get(t) ?? []).map((r) => key.map((k) => r.values[k] ?? '').join('|')))
		);
	}
	const orphan = (tableName: string, rowKey: string) => !accepted.get(tableName)?.has(rowKey);
	const dropped = new Set<string>();
	for (const c of result.canonical) {
		if (c.table !== 'trace') continue;
		const [ti, ki, ci] = ['table_name', 'row_key', 'column_name'].map((h) =>
			c.csv.header.indexOf(h)
		);
		let n = 0;
		for (const r of c.csv.rows) {
			const [tn, rk, cn] = [r.fields[ti] ?? '', r.fields[ki] ?? '', r.fields[ci] ?? ''];
			if (!orphan(tn, rk)) continue;
			dropped.add(`${tn}\u0000${rk}\u0000${cn}`);
			n++;
			result.report.issues.push({
				file: c.csv.file,
				line: r.line,
				column: 'row_key',
				rule: 'reference',
				value: `${tn} ${rk}`,
				message: msg(
					`这一值所在的行（${tn} ${rk}）未被接受，它的出处也不载入`,
					`the row this value belongs to (${tn} ${rk}) was refused, so its trace is not loaded either`
				)
			});
		}
		const t = result.report.tables.find((x) => x.file === c.csv.file);
		if (t && n) {
			t.accepted -= n;
			t.rejected += n;
		}
	}
	if (!dropped.size) return;
	result.rows.set(
		'trace',
		trace.filter(
			(r) =>
				!dropped.has(`${r.values.table_name}\u0000${r.values.row_key}\u0000${r.values.column_name}`)
		)
	);
	result.report.ok = false;
}

/**
 * Loads the recognised documents, each with the unit fields its user gave, together with table
 * files dropped beside them (`tables`), so that keys across both are checked in one import. A
 * unit the data or a units table already has keeps its row from there.
 */
export function importDocuments(
	reads: readonly { read: DocumentRead; unit: UnitFields }[],
	opts: ImportOptions = {},
	tables: readonly Source[] = []
): DocumentImport {
	const inputs = reads
		.filter((x) => x.read.recognised && x.read.recognised.forms.length)
		.map((x) => ({ file: x.read.file, recognised: x.read.recognised!, unit: x.unit }));
	const { sources, notes } = documentSources(inputs, knownUnitIds(opts, tables));
	const result = importSources([...tables, ...sources], opts);
	dropOrphanTrace(result);
	return { result, notes: [...reads.flatMap((x) => x.read.notes), ...notes] };
}
