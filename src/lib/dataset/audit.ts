// Audits a loaded database: reads its forms, runs the rules, and writes the three audit tables back, so views join them with plain SQL.
import { runAudit, type AuditResult } from '../audit';
import type { Connector, SqlValue } from '../db/connector';
import { deleteAllSql } from '../db/load';
import { readAuditInput } from '../queries/audit-input';
import { AUDIT_TABLES } from '../schema';

export interface AuditSummary {
	forms: number;
	flags: number;
	/** ms spent reading, auditing and writing. */
	ms: number;
}

type Rows = readonly Record<string, SqlValue>[];

/** Replaces the audit tables' contents with `result`. */
export async function writeAudit(db: Connector, result: AuditResult): Promise<void> {
	for (const t of AUDIT_TABLES) await db.exec(deleteAllSql(t.name));
	await db.insertRows('audit_forms', result.forms as unknown as Rows);
	await db.insertRows('audit_indicators', result.indicators as unknown as Rows);
	await db.insertRows('audit_flags', result.flags as unknown as Rows);
}

/** Audits whatever the database holds now (after a build, or after an import in the browser). */
export async function auditDatabase(db: Connector): Promise<AuditSummary> {
	const t0 = performance.now();
	const result = runAudit(await readAuditInput(db));
	await writeAudit(db, result);
	return { forms: result.forms.length, flags: result.flags.length, ms: performance.now() - t0 };
}
