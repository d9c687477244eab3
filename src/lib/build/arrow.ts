// Writes query rows as an Arrow IPC stream with column types from the schema (the browser's load format).
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
import type { TableDef } from '../schema';

function arrowType(type: TableDef['columns'][number]['type']): DataType {
	return type === 'text' ? new Utf8() : type === 'integer' ? new Int32() : new Float64();
}

export function rowsToArrowStream(
	t: TableDef,
	rows: readonly Record<string, SqlValue>[]
): Uint8Array {
	const columns = Object.fromEntries(
		t.columns.map((c) => [
			c.name,
			vectorFromArray(
				rows.map((r) => r[c.name] ?? null),
				arrowType(c.type)
			)
		])
	);
	return tableToIPC(new Table(columns), 'stream');
}
