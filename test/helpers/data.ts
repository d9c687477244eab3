// Test helpers: read the bundled CSVs independently of the build (plain parsing, no DuckDB).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv } from '../../src/lib/ingest/csv';
import { regionTree, type RegionNode } from '../../src/lib/schema/regions';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Rows of a CSV in `dir` (relative to the project, or absolute) as objects of strings ('' for empty). */
export function readRows(dir: string, table: string): Record<string, string>[] {
	const csv = parseCsv(
		readFileSync(resolve(ROOT, dir, `${table}.csv`), 'utf8'),
		`${dir}/${table}.csv`
	);
	return csv.rows.map((r) => Object.fromEntries(csv.header.map((h, i) => [h, r.fields[i]])));
}

/** Rows of sample + demo together, as the default site has them. */
export function allRows(table: string): Record<string, string>[] {
	return [...readRows('data/sample', table), ...readRows('data/demo', table)];
}

/** The region tree of units read from CSV (empty cells are no region). */
export function unitsTree(units: readonly Record<string, string>[]): Map<string, RegionNode> {
	return regionTree(
		units.map((u) => ({
			unit_id: u.unit_id,
			region: u.region || null,
			region_code: u.region_code || null
		}))
	);
}
