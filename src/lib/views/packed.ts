// A page's data by column for the trip from the prerender to the browser: every list of rows becomes one list per field, so a field's name is written once, not once a row.

/** Rows by column: `rows` rows, and for each field its values in row order. */
export interface Columns<R> {
	readonly rows: number;
	readonly cols: { [K in keyof R]: R[K][] };
}

/** `T` with every list of rows in it (at any depth outside rows) by column. */
export type Packed<T> = T extends readonly (infer R)[]
	? [R] extends [object]
		? Columns<R>
		: T
	: T extends object
		? { [K in keyof T]: Packed<T[K]> }
		: T;

/** An object literal's kind (a Map, a Date, a typed array or a class's instance is not one: kept as it is). */
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
	if (typeof v !== 'object' || v === null) return false;
	const proto = Object.getPrototypeOf(v) as unknown;
	return proto === Object.prototype || proto === null;
};

const isColumns = (v: Record<string, unknown>): boolean =>
	typeof v.rows === 'number' && isPlainObject(v.cols) && Object.keys(v).length === 2;

/**
 * Packs every list of plain objects in `value` by column (the list of their fields is the union of
 * every row's). Values inside a row are kept as they are; other lists and values are walked.
 */
export function pack<T>(value: T): Packed<T> {
	return packValue(value) as Packed<T>;
}

function packValue(value: unknown): unknown {
	if (Array.isArray(value)) {
		if (value.length === 0 || !value.every(isPlainObject)) return value.map(packValue);
		const keys = [...new Set(value.flatMap((r) => Object.keys(r)))];
		const cols: Record<string, unknown[]> = {};
		for (const k of keys) cols[k] = value.map((r) => r[k]);
		return { rows: value.length, cols };
	}
	if (isPlainObject(value)) {
		if (isColumns(value)) throw new Error('pack: an object shaped like packed rows is ambiguous');
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, packValue(v)]));
	}
	return value;
}

/** The value `pack` was given: each row has the fields it had (a field a row lacked is absent). */
export function unpack<T>(value: Packed<T>): T {
	return unpackValue(value) as T;
}

function unpackValue(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(unpackValue);
	if (!isPlainObject(value)) return value;
	if (isColumns(value)) {
		const { rows, cols } = value as unknown as Columns<Record<string, unknown>>;
		const entries = Object.entries(cols);
		return Array.from({ length: rows }, (_, i) => {
			const row: Record<string, unknown> = {};
			for (const [k, vs] of entries) if (vs[i] !== undefined) row[k] = vs[i];
			return row;
		});
	}
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unpackValue(v)]));
}
