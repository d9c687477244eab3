// SQL pieces of the region hierarchy: the units under a region code, by prefix (see src/lib/schema/regions.ts).
import { sqlString } from '../db/sql';
import { isRegionCode } from '../schema/regions';

/** A region code checked before it reaches SQL: 2, 4 or 6 digits. */
export function regionLit(code: string): string {
	if (!isRegionCode(code)) throw new Error(`not a region code: ${code}`);
	return sqlString(code);
}

/** A subquery of the ids of the units under a region (their six-digit code starts with its code). */
export function regionUnitIds(code: string): string {
	return `SELECT unit_id FROM units WHERE length(region_code) = 6 AND starts_with(region_code, ${regionLit(code)})`;
}
