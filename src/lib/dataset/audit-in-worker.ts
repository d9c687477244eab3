// The browser's audit after an import: DuckDB's Arrow results go to a worker that runs the rules, and its tables come back as Arrow, so the page never blocks on them.
import type { ArrowQueryConnector } from '../db/connector';
import { deleteAllSql } from '../db/load';
import { WorkerFailure } from '../db/worker-failure';
import {
	auditDirections,
	auditEvaluations,
	auditFunding,
	auditIndicators
} from '../queries/audit-input';
import { AUDIT_TABLES } from '../schema';
import type { AuditSummary } from './audit';
import type { AuditWorkerRequest, AuditWorkerResponse } from './audit.worker';

export async function auditInWorker(db: ArrowQueryConnector): Promise<AuditSummary> {
	const t0 = performance.now();
	const request: AuditWorkerRequest = {
		evaluations: await db.queryArrow(auditEvaluations.sql),
		indicators: await db.queryArrow(auditIndicators.sql),
		funding: await db.queryArrow(auditFunding.sql),
		directions: await db.queryArrow(auditDirections.sql)
	};
	const worker = new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' });
	let out: AuditWorkerResponse;
	try {
		out = await new Promise<AuditWorkerResponse>((resolve, reject) => {
			worker.onmessage = (e: MessageEvent) => {
				const m = e.data as
					AuditWorkerResponse | { type: 'error'; memory: boolean; message: string };
				if (m.type === 'done') resolve(m);
				else reject(new WorkerFailure('audit', m.memory ? 'memory' : 'error', m.message));
			};
			worker.onerror = (e) => {
				e.preventDefault();
				reject(new WorkerFailure('audit', 'crash', e.message));
			};
			worker.postMessage(
				request,
				Object.values(request).map((b) => (b as Uint8Array).buffer as ArrayBuffer)
			);
		});
	} finally {
		worker.terminate();
	}
	for (const t of AUDIT_TABLES) await db.exec(deleteAllSql(t.name));
	for (const t of AUDIT_TABLES) {
		const bytes = out.tables[t.name as keyof AuditWorkerResponse['tables']];
		if (bytes.length > 0) await db.insertArrow(t.name, bytes);
	}
	return { forms: out.forms, flags: out.flags, ms: performance.now() - t0 };
}
