// The CLIs' options for columns a file may lack (ColumnDef.askDefault: --provenance), and the hint when one is missing.
import { DATA_TABLES } from '../../src/lib/schema';
import { reportLines, type ColumnDefaults, type ImportResult } from '../../src/lib/ingest/pipeline';

/** Columns that take a default, with their allowed values: provenance → published|synthetic. */
export const DEFAULT_OPTIONS = new Map(
	DATA_TABLES.flatMap((t) => t.columns)
		.filter((c) => c.askDefault)
		.map((c) => [c.name, c.values ?? []] as const)
);

export const DEFAULT_USAGE = [...DEFAULT_OPTIONS]
	.map(([name, values]) => `[--${name} ${values.join('|')}]`)
	.join(' ');

/**
 * Takes `--provenance published` at args[i] into `defaults`; returns how many arguments it used
 * (0: not such an option; -1: the option with a value it does not allow).
 */
export function takeDefault(args: readonly string[], i: number, defaults: ColumnDefaults): number {
	const name = args[i].startsWith('--') ? args[i].slice(2) : '';
	const values = DEFAULT_OPTIONS.get(name);
	if (!values) return 0;
	const v = args[i + 1];
	if (v === undefined || !values.includes(v)) return -1;
	defaults[name] = v;
	return 2;
}

/** A line for each such column some file lacks, saying to pass the option. */
function defaultHints(r: ImportResult, lang: 'zh' | 'en'): string[] {
	const lacking = new Set(
		r.report.issues
			.filter((i) => i.rule === 'missing-column' && i.column && DEFAULT_OPTIONS.has(i.column))
			.map((i) => i.column!)
	);
	return [...lacking].map((name) => {
		const opt = `--${name} ${DEFAULT_OPTIONS.get(name)!.join('|')}`;
		return lang === 'zh'
			? `提示：有文件缺少 ${name} 列；如要给这些文件的每一行同一个值，请加参数 ${opt}`
			: `hint: a file has no ${name} column; to give every row of such files one value, pass ${opt}`;
	});
}

/** The import report with those hints before its verdict (the verdict stays the last line). */
export function reportWithHints(r: ImportResult, lang: 'zh' | 'en'): string[] {
	const lines = reportLines(r, lang);
	lines.splice(lines.length - 1, 0, ...defaultHints(r, lang));
	return lines;
}
