// The audit page, prerendered with every rule's counts and the first flags; filters run in the browser.
import { dataset } from '$lib/server/dataset';
import { loadAudit } from '$lib/views/audit-load';

export const load = async () => loadAudit(await dataset());
