// Writes rows or columns as an Arrow IPC stream with column types from the schema (the browser's load format).
import {
	Float64,
	Int32,
	Table,
	Utf8,
	tableToIPC,
	vectorFromArray,
	type DataType
} from 'apache-arrow';
import type { SqlValue } from '../db/connector';
import type { ColumnDef, TableDef } from '../schema';

function arrowType(type: ColumnDef['type']): DataType {
	return type === 'text' ? new Utf8() : type === 'integer' ? new Int32() : new Float64();
}

/** One column for columnsToArrowStream: its name, its schema type and its values in row order. */
export interface ArrowColumn {
	name: string;
	type: ColumnDef['type'];
	values: readonly SqlValue[];
}

/** Columns of equal length as one Arrow IPC stream (its own buffer, so it can be transferred). */
export function columnsToArrowStream(columns: readonly ArrowColumn[]): Uint8Array {
	const vectors = Object.fromEntries(
		columns.map((c) => [c.name, vectorFromArray(c.values, arrowType(c.type))])
	);
	return tableToIPC(new Table(vectors), 'stream');
}

export function rowsToArrowStream(
	t: TableDef,
	rows: readonly Record<string, SqlValue>[]
): Uint8Array {
	return columnsToArrowStream(
		t.columns.map((c) => ({
			name: c.name,
			type: c.type,
			values: rows.map((r) => r[c.name] ?? null)
		}))
	);
}
