// Web Worker: runs the audit rules over the loaded data (Arrow IPC in) and returns its three tables (Arrow IPC out).
import { tableFromIPC } from 'apache-arrow';
import { rowsToArrowStream } from '../db/arrow';
import { plainRow, type SqlValue } from '../db/connector';
import { table as tableDef } from '../schema';
import type { AuditDirection, AuditEvaluation, AuditFunding, AuditIndicator } from '../audit/input';
import { runAudit } from '../audit/run';

export interface AuditWorkerRequest {
	evaluations: Uint8Array;
	indicators: Uint8Array;
	funding: Uint8Array;
	directions: Uint8Array;
}

export interface AuditWorkerResponse {
	type: 'done';
	forms: number;
	flags: number;
	/** Arrow IPC streams of audit_forms, audit_indicators, audit_flags. */
	tables: { audit_forms: Uint8Array; audit_indicators: Uint8Array; audit_flags: Uint8Array };
}

const rows = <T extends object>(bytes: Uint8Array): T[] =>
	tableFromIPC(bytes)
		.toArray()
		.map((r) => plainRow<T>(r.toJSON() as Record<string, unknown>));

type Rows = readonly Record<string, SqlValue>[];

self.onmessage = (e: MessageEvent<AuditWorkerRequest>) => {
	try {
		const result = runAudit({
			evaluations: rows<AuditEvaluation>(e.data.evaluations),
			indicators: rows<AuditIndicator>(e.data.indicators),
			funding: rows<AuditFunding>(e.data.funding),
			directions: rows<AuditDirection>(e.data.directions)
		});
		// An empty table travels as no bytes (an Arrow stream of no rows creates no staging table).
		const ipc = (name: 'audit_forms' | 'audit_indicators' | 'audit_flags', list: Rows) =>
			list.length ? rowsToArrowStream(tableDef(name), list) : new Uint8Array(0);
		const tables = {
			audit_forms: ipc('audit_forms', result.forms as unknown as Rows),
			audit_indicators: ipc('audit_indicators', result.indicators as unknown as Rows),
			audit_flags: ipc('audit_flags', result.flags as unknown as Rows)
		};
		const out: AuditWorkerResponse = {
			type: 'done',
			forms: result.forms.length,
			flags: result.flags.length,
			tables
		};
		self.postMessage(out, { transfer: Object.values(tables).map((b) => b.buffer as ArrayBuffer) });
	} catch (err) {
		self.postMessage({
			type: 'error',
			memory: err instanceof RangeError,
			message: err instanceof Error ? err.message : String(err)
		});
	}
};
