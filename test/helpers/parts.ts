// Test helper: the built partitions as the browser receives them, read from disk (the fetch a PartLoader uses, and whole tables decoded without SQL).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { plainRow } from '../../src/lib/db/connector';
import type { Manifest } from '../../src/lib/db/manifest';
import { gunzip, type PartFetch } from '../../src/lib/db/part-loader';
import { BASE_TABLES, unpackStreams } from '../../src/lib/db/parts';
import type { TableName } from '../../src/lib/schema';

export function readManifestOf(dir: string): Manifest {
	return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Fetches a file of the built data folder from disk (the `?v=` of the URL dropped), null when absent, and counts what it read. */
export function diskFetch(dir: string, seen: string[] = []): PartFetch {
	return async (path) => {
		const file = join(dir, path.replace(/\?.*$/, ''));
		seen.push(path.replace(/\?.*$/, ''));
		return existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
	};
}

/** Every row of a table, as the browser would receive it: the table's year files, decoded without SQL. */
export async function partRows<T extends object>(dir: string, table: TableName): Promise<T[]> {
	const m = readManifestOf(dir).parts;
	const files = BASE_TABLES.includes(table)
		? [m.base]
		: m.years.flatMap((y) => (y.tables[table] ? [y.tables[table]] : []));
	const out: T[] = [];
	for (const f of files) {
		const streams = unpackStreams(await gunzip(new Uint8Array(readFileSync(join(dir, f.path)))));
		for (const s of streams.filter((x) => x.table === table))
			for (const r of tableFromIPC(s.bytes).toArray())
				out.push(plainRow<T>(r.toJSON() as Record<string, unknown>));
	}
	return out;
}
