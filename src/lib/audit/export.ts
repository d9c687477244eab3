// Flags as a flat table (CSV for the command line, CSV/XLSX downloads on the audit page), in one language.
import type { AuditFlag } from './types';

export const FLAG_HEADER = [
	'rule',
	'severity',
	'unit_id',
	'year',
	'eval_id',
	'form',
	'project_name',
	'seq',
	'indicator',
	'message',
	'numbers'
] as const;

/** One row per flag, in FLAG_HEADER's order: plain values any table writer (export/csv, export/xlsx) takes. */
export function flagRows(
	flags: readonly AuditFlag[],
	lang: 'zh' | 'en'
): (string | number | null)[][] {
	return flags.map((f) => [
		f.rule,
		f.severity,
		f.unit_id,
		f.year,
		f.eval_id,
		f.form,
		f.project_name,
		f.seq,
		f.indicator,
		lang === 'zh' ? f.message_zh : f.message_en,
		f.numbers
	]);
}
