// What the audit page prerenders: every rule's counts, the first flags, the years and units to filter by.
import type { Connector } from '$lib/db/connector';
import { auditPageData, auditYears, type AuditPageData } from '$lib/queries/audit';
import { run } from '$lib/queries/query';
import { unitChoice, unitList, type UnitChoice } from '$lib/queries/unit';

/** Flags carried in the prerendered page; the rest load with the in-browser database. */
const PRERENDERED_FLAGS = 100;

export interface AuditPrerendered {
	audit: AuditPageData;
	years: number[];
	units: UnitChoice[];
}

export async function loadAudit(db: Connector): Promise<AuditPrerendered> {
	const [audit, years, units] = await Promise.all([
		auditPageData(db, {}, PRERENDERED_FLAGS),
		run(db, auditYears()),
		run(db, unitList())
	]);
	return { audit, years: years.map((y) => y.year), units: units.map(unitChoice) };
}
