// Accepted import rows as Arrow IPC streams typed from the schema, in batches: built in the import worker, loaded by dataset/load.ts.
import { columnsToArrowStream } from '../db/arrow';
import type { SqlValue } from '../db/connector';
import { DATA_TABLES, type TableName } from '../schema';
import type { ValidRow } from '../schema/validate';

/** The extra column that carries each row's line in its file, for the conflict report. */
export const LINE_COLUMN = '__line';

/** Rows per Arrow stream: small enough to show progress and bound each insert, large enough to be quick. */
export const BATCH_ROWS = 50_000;

/** One table's accepted rows: Arrow IPC streams of the schema's columns plus LINE_COLUMN. */
export interface TableBatches {
	table: TableName;
	rows: number;
	chunks: { rows: number; bytes: Uint8Array }[];
}

/** Every accepted row of every table, in load order (referenced tables first). */
export function toBatches(
	rows: ReadonlyMap<TableName, readonly ValidRow[]>,
	size = BATCH_ROWS
): TableBatches[] {
	const out: TableBatches[] = [];
	for (const t of DATA_TABLES) {
		const list = rows.get(t.name) ?? [];
		if (list.length === 0) continue;
		const chunks: TableBatches['chunks'] = [];
		for (let start = 0; start < list.length; start += size) {
			const part = list.slice(start, start + size);
			chunks.push({
				rows: part.length,
				bytes: columnsToArrowStream([
					...t.columns.map((c) => ({
						name: c.name,
						type: c.type,
						values: part.map((r): SqlValue => {
							const v = r.values[c.name] ?? null;
							return v === null || c.type === 'text' ? v : Number(v);
						})
					})),
					{ name: LINE_COLUMN, type: 'integer' as const, values: part.map((r) => r.line) }
				])
			});
		}
		out.push({ table: t.name, rows: list.length, chunks });
	}
	return out;
}

/** The buffers to transfer with a postMessage (each chunk owns its buffer). */
export function transferList(batches: readonly TableBatches[]): ArrayBuffer[] {
	return batches.flatMap((b) => b.chunks.map((c) => c.bytes.buffer as ArrayBuffer));
}
