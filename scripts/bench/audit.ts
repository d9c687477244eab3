// Benchmark: the audit in Node DuckDB (as at build time and in `npm run audit`): read, run the rules, write the tables.
import { median, ms, type BenchOptions } from './lib';

/** The audit in Node (as at build time and in `npm run audit`): read, run the rules, write the tables. */
export async function benchAudit(dir: string, label: string, opts: BenchOptions) {
	const { openBuiltDataset } = await import('../../src/lib/db/node');
	const { runAudit } = await import('../../src/lib/audit');
	const { readAuditInput } = await import('../../src/lib/queries/audit-input');
	const { writeAudit } = await import('../../src/lib/dataset/audit');
	const db = await openBuiltDataset(dir);
	try {
		const read: number[] = [];
		const rules: number[] = [];
		const write: number[] = [];
		let result: ReturnType<typeof runAudit> | null = null;
		for (let i = 0; i < Math.max(3, opts.runs); i++) {
			const t0 = performance.now();
			const input = await readAuditInput(db);
			const t1 = performance.now();
			result = runAudit(input);
			const t2 = performance.now();
			await writeAudit(db, result);
			write.push(performance.now() - t2);
			read.push(t1 - t0);
			rules.push(t2 - t1);
		}
		console.log(
			`\nAudit in Node DuckDB — ${label}: ${result!.forms.length.toLocaleString('en-US')} forms, ${result!.indicators.length.toLocaleString('en-US')} indicator rows, ${result!.flags.length.toLocaleString('en-US')} flags`
		);
		console.log(
			`  read ${ms(median(read))}   rules ${ms(median(rules))}   write ${ms(median(write))}   (medians of ${read.length})`
		);
	} finally {
		await db.close();
	}
}
