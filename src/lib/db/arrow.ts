// Writes rows or columns as an Arrow IPC stream with column types from the schema (the browser's load format); columns are built straight into Arrow buffers.
import {
	Dictionary,
	Float64,
	Int32,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	type Vector
} from 'apache-arrow';
import type { SqlValue } from './connector';
import type { ColumnDef, TableDef } from '../schema';

/** One column for columnsToArrowStream: its name, its schema type and its values in row order. */
export interface ArrowColumn {
	name: string;
	type: ColumnDef['type'];
	values: readonly SqlValue[];
}

const encoder = new TextEncoder();

/** Validity bitmap (bit set = not null) and the null count; null bitmap omitted when nothing is null. */
function validity(values: readonly SqlValue[]): { bitmap: Uint8Array | undefined; nulls: number } {
	const bitmap = new Uint8Array((values.length + 7) >> 3);
	let nulls = 0;
	for (let i = 0; i < values.length; i++)
		if (values[i] === null || values[i] === undefined) nulls++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	return { bitmap: nulls ? bitmap : undefined, nulls };
}

/** Bytes of `s` in UTF-8 (a lone surrogate becomes U+FFFD, 3 bytes, as TextEncoder writes it). */
function utf8Length(s: string): number {
	let n = 0;
	for (let k = 0; k < s.length; k++) {
		const u = s.charCodeAt(k);
		if (u < 0x80) n += 1;
		else if (u < 0x800) n += 2;
		else if (u >= 0xd800 && u < 0xdc00 && k + 1 < s.length) {
			const next = s.charCodeAt(k + 1);
			if (next >= 0xdc00 && next < 0xe000) {
				n += 4;
				k++;
			} else n += 3;
		} else n += 3;
	}
	return n;
}

/** Strings as an Arrow Utf8 vector: one encode of them all, each value's UTF-8 length counted from its code units. */
function utf8Vector(
	strings: readonly string[],
	bitmap: Uint8Array | undefined,
	nulls: number
): Vector {
	const n = strings.length;
	const offsets = new Int32Array(n + 1);
	let at = 0;
	for (let i = 0; i < n; i++) offsets[i + 1] = at += utf8Length(strings[i]);
	const bytes = new Uint8Array(at);
	const { written } = encoder.encodeInto(strings.join(''), bytes);
	if (written !== at) throw new Error(`UTF-8 length ${written} ≠ ${at}`);
	return makeVector(
		makeData({
			type: new Utf8(),
			length: n,
			nullCount: nulls,
			nullBitmap: bitmap,
			valueOffsets: offsets,
			data: bytes
		})
	);
}

/**
 * A text column; dictionary-encoded (each distinct string once, an index per row) when at most half
 * its values are distinct. Compressed, a year's files come to about two thirds: an index compresses
 * far better than a string's offset and bytes. Readers see plain strings (DuckDB and arrow-js decode it).
 */
function textVector(
	id: number,
	values: readonly SqlValue[],
	bitmap: Uint8Array | undefined,
	nulls: number
): Vector {
	const n = values.length;
	const strings = values.map((v) => (v === null || v === undefined ? '' : String(v)));
	const dictionary = new Map<string, number>();
	const indices = new Int32Array(n);
	for (let i = 0; i < n && dictionary.size * 2 <= n; i++) {
		if (values[i] === null || values[i] === undefined) continue;
		let k = dictionary.get(strings[i]);
		if (k === undefined) dictionary.set(strings[i], (k = dictionary.size));
		indices[i] = k;
	}
	// No dictionary of no strings (a column of nulls): a reader need never resolve a null's index.
	if (dictionary.size === 0 || dictionary.size * 2 > n) return utf8Vector(strings, bitmap, nulls);
	return makeVector(
		makeData({
			// Its id is the column's place in the stream: arrow-js's default counts up across the process.
			type: new Dictionary(new Utf8(), new Int32(), id),
			length: n,
			nullCount: nulls,
			nullBitmap: bitmap,
			data: indices,
			dictionary: utf8Vector([...dictionary.keys()], undefined, 0)
		})
	);
}

/**
 * One column as an Arrow vector, written directly (vectorFromArray's generic builders took 10 s
 * for the 120k rows of the import benchmark; this takes a fraction of a second).
 */
function vectorOf(c: ArrowColumn, at: number): Vector {
	const { values } = c;
	const n = values.length;
	const { bitmap, nulls } = validity(values);
	if (c.type === 'text') return textVector(at, values, bitmap, nulls);
	if (c.type === 'integer') {
		const data = new Int32Array(n);
		for (let i = 0; i < n; i++) {
			const x = Number(values[i] ?? 0);
			// An Int32Array would wrap 3000000000 to a negative number without a word.
			if ((x | 0) !== x) throw new RangeError(`${c.name}: ${values[i]} is not a 32-bit integer`);
			data[i] = x;
		}
		return makeVector(
			makeData({ type: new Int32(), length: n, nullCount: nulls, nullBitmap: bitmap, data })
		);
	}
	const data = new Float64Array(n);
	for (let i = 0; i < n; i++) data[i] = Number(values[i] ?? 0);
	return makeVector(
		makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: bitmap, data })
	);
}

/** Columns of equal length as one Arrow IPC stream (its own buffer, so it can be transferred). */
export function columnsToArrowStream(columns: readonly ArrowColumn[]): Uint8Array {
	return tableToIPC(
		new Table(Object.fromEntries(columns.map((c, i) => [c.name, vectorOf(c, i)]))),
		'stream'
	);
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
