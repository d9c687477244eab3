// The audit page, prerendered with every rule's counts and the first flags; filters run in the browser.
import { dataset } from '$lib/server/dataset';
import { auditPageData, auditYears } from '$lib/queries/audit';
import { run } from '$lib/queries/query';
import { unitChoice, unitList } from '$lib/queries/unit';

/** Flags carried in the prerendered page; the rest load with the in-browser database. */
const PRERENDERED_FLAGS = 100;

export async function load() {
	const db = await dataset();
	const [audit, years, units] = await Promise.all([
		auditPageData(db, {}, PRERENDERED_FLAGS),
		run(db, auditYears()),
		run(db, unitList())
	]);
	return {
		audit,
		years: years.map((y) => y.year),
		units: units.map(unitChoice)
	};
}
