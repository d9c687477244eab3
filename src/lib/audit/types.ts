// Rows the audit produces: exactly the columns of the derived tables in src/lib/schema/audit-tables.ts.
import type { Row } from '../schema';

export type { ExecBasis, IndicatorStatus } from '../schema';

/** One form's recomputed score (audit_forms). */
export type AuditFormRow = Row<'audit_forms'>;

/** One indicator's comparator, status and score by rule (audit_indicators). */
export type AuditIndicatorRow = Row<'audit_indicators'>;

/** One flag (audit_flags). */
export type AuditFlag = Row<'audit_flags'>;

export interface AuditResult {
	forms: AuditFormRow[];
	indicators: AuditIndicatorRow[];
	flags: AuditFlag[];
}
