// Runs every rule over a dataset, with the publisher's directions: forms one by one, then each unit across its years; pure, the same in Node and the browser.
import { auditForm } from './form';
import type { AuditFunding, AuditIndicator, AuditInput } from './input';
import { overrideLookup } from './override';
import { auditUnit } from './unit';
import type { AuditResult } from './types';

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const r of rows) {
		const k = key(r);
		const list = m.get(k);
		if (list) list.push(r);
		else m.set(k, [r]);
	}
	return m;
}

export function runAudit(input: AuditInput): AuditResult {
	const rowsByEval = groupBy<AuditIndicator>(input.indicators, (r) => r.eval_id);
	for (const list of rowsByEval.values()) list.sort((a, b) => a.seq - b.seq);
	const fundingByEval = groupBy<AuditFunding>(input.funding, (r) => r.eval_id);
	const overrides = overrideLookup(input.directions);
	const out: AuditResult = { forms: [], indicators: [], flags: [] };
	for (const e of input.evaluations) {
		const a = auditForm(
			e,
			rowsByEval.get(e.eval_id) ?? [],
			fundingByEval.get(e.eval_id) ?? [],
			overrides
		);
		out.forms.push(a.form);
		out.indicators.push(...a.indicators);
		out.flags.push(...a.flags);
	}
	for (const [unitId, forms] of groupBy(input.evaluations, (e) => e.unit_id))
		out.flags.push(...auditUnit(unitId, forms, rowsByEval, overrides));
	return out;
}
