// Flags as a flat table (CSV for the command line, CSV/XLSX downloads on the audit page), in one language.
import type { Cell } from '../export/csv';
import type { AuditFlag } from './types';

export const FLAG_HEADER = [
	'rule',
	'severity',
	'unit_id',
	'year',
	'eval_id',
	'seq',
	'indicator',
	'message',
	'numbers'
] as const;

export function flagRows(flags: readonly AuditFlag[], lang: 'zh' | 'en'): Cell[][] {
	return flags.map((f) => [
		f.rule,
		f.severity,
		f.unit_id,
		f.year,
		f.eval_id,
		f.seq,
		f.indicator,
		lang === 'zh' ? f.message_zh : f.message_en,
		f.numbers
	]);
}
