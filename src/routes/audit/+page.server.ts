// The audit page, prerendered with every rule's counts and the first flags; filters run in the browser.
import { dataset } from '$lib/server/dataset';
import { readManifest } from '$lib/server/manifest';
import { loadAudit } from '$lib/views/audit-load';

export const load = async () => ({
	...(await loadAudit(await dataset())),
	/** The flags' CSV download as published (gzipped when large: `audit_flags.csv.gz`). */
	flagsCsv: readManifest().tables.audit_flags.csv.path
});
