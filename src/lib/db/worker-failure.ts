// A failed import, check, load or audit, said plainly in zh and en: what happened, and that nothing was loaded.
export type FailureStage = 'check' | 'load' | 'audit' | 'database';
export type FailureKind = 'memory' | 'crash' | 'error';

/** Raised when a worker (the import's, the audit's or DuckDB's) runs out of memory, crashes or throws. */
export class WorkerFailure extends Error {
	constructor(
		readonly stage: FailureStage,
		readonly kind: FailureKind,
		detail: string
	) {
		super(detail);
	}
}

/** Out-of-memory errors as V8, Chromium and DuckDB word them. */
export function isMemoryError(e: unknown): boolean {
	if (e instanceof RangeError) return true;
	const m = e instanceof Error ? e.message : String(e);
	return /out of memory|allocation failed|Array buffer allocation|Invalid (typed )?array length|Invalid string length|Cannot allocate|could not allocate|memory access out of bounds/i.test(
		m
	);
}

const STAGE = {
	check: ['检查文件', 'checking the files'],
	load: ['载入数据库', 'loading into the database'],
	audit: ['审计', 'auditing'],
	database: ['数据库（DuckDB）', 'the database (DuckDB)']
} as const;

/** The message the page shows for any error of an import: zh and en. */
export function failureMessage(e: unknown, stage: FailureStage): { zh: string; en: string } {
	const f = e instanceof WorkerFailure ? e : null;
	const s = STAGE[f?.stage ?? stage];
	const kind: FailureKind = f?.kind ?? (isMemoryError(e) ? 'memory' : 'error');
	const detail = e instanceof Error ? e.message : String(e);
	const nothing =
		f?.stage === 'database'
			? {
					zh: '没有载入任何数据；请重新加载本页，数据库会重新启动。',
					en: 'Nothing was loaded; reload the page to start the database again.'
				}
			: stage === 'check'
				? {
						zh: '没有载入任何数据，当前数据保持不变。',
						en: 'Nothing was loaded; the current data is unchanged.'
					}
				: {
						zh: '没有载入任何数据（已全部撤销），当前数据保持不变。',
						en: 'Nothing was loaded (all of it was rolled back); the current data is unchanged.'
					};
	if (kind === 'memory')
		return {
			zh: `内存不足：${s[0]}时浏览器无法分配更多内存。${nothing.zh}请把文件拆成较小的几个再试。（${detail}）`,
			en: `Out of memory: the browser could not allocate more memory while ${s[1]}. ${nothing.en} Split the file into smaller ones and try again. (${detail})`
		};
	if (kind === 'crash')
		return {
			zh: `${s[0]}的后台进程意外停止（多半是内存不足）。${nothing.zh}请把文件拆小后再试。（${detail || '无详细信息'}）`,
			en: `The background worker stopped unexpectedly while ${s[1]} (most likely out of memory). ${nothing.en} Split the file and try again. (${detail || 'no detail'})`
		};
	return {
		zh: `${s[0]}失败：${detail}。${nothing.zh}`,
		en: `${s[1][0].toUpperCase()}${s[1].slice(1)} failed: ${detail}. ${nothing.en}`
	};
}
