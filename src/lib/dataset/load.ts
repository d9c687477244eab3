// Loads a dataset into DuckDB, audits it and derives its summaries, in one transaction: the one load the build, the browser's import and the CLI share.
import type { LoadableConnector } from '../db/connector';
import { deleteAllSql, dropTableSql, inTransaction, insertStagedSql, stageOf } from '../db/load';
import { LINE_COLUMN, type TableBatches } from '../ingest/batches';
import { stagedClashes } from '../queries/load';
import { run } from '../queries/query';
import { summarySql } from '../queries/summary';
import { DATA_TABLES, type TableName } from '../schema';
import { auditDatabase, type AuditSummary } from './audit';

export interface KeyConflict {
	table: TableName;
	key: string;
	line: number;
}

export interface LoadSummary {
	loaded: Partial<Record<TableName, number>>;
	conflicts: KeyConflict[];
	/** The audit of everything loaded afterwards (it spans years, so it reruns on the whole dataset). */
	audit: AuditSummary;
}

/** Where a load is: rows of `rows` put in so far, or the audit running. */
export interface LoadProgress {
	stage: 'load' | 'audit';
	table: TableName | null;
	done: number;
	rows: number;
}

export interface LoadOptions<C extends LoadableConnector> {
	onProgress?: (p: LoadProgress) => void;
	/** Runs the audit of the loaded database; the browser passes one that runs the rules in a worker. */
	audit?: (db: C) => Promise<AuditSummary>;
}

/**
 * Loads checked rows (as Arrow batches, ingest/batches.ts) through a staging table each, then audits
 * the whole database. 'replace' empties the data tables first; in 'add' mode, rows whose key is
 * already in the table are listed and left out. Everything (deletes, inserts, audit) is one
 * transaction: on any failure nothing is loaded and the previous data stays as it was.
 */
export async function loadDataset<C extends LoadableConnector>(
	db: C,
	batches: readonly TableBatches[],
	mode: 'replace' | 'add',
	opts: LoadOptions<C> = {}
): Promise<LoadSummary> {
	const summary: Omit<LoadSummary, 'audit'> = { loaded: {}, conflicts: [] };
	const total = batches.reduce((s, b) => s + b.rows, 0);
	let done = 0;
	return inTransaction(db, async () => {
		if (mode === 'replace')
			for (const t of [...DATA_TABLES].reverse()) await db.exec(deleteAllSql(t.name));
		for (const b of batches) {
			let loaded = 0;
			for (const chunk of b.chunks) {
				opts.onProgress?.({ stage: 'load', table: b.table, done, rows: total });
				// duckdb-wasm takes (detaches) the buffer: no copy on the page's thread; a retry checks again.
				await db.createFromArrow(stageOf(b.table), chunk.bytes);
				let clashes = 0;
				if (mode === 'add') {
					const clash = await run(db, stagedClashes(b.table, LINE_COLUMN));
					for (const c of clash)
						summary.conflicts.push({ table: b.table, key: c.key, line: c.line });
					clashes = clash.length;
				}
				await db.exec(insertStagedSql(b.table, LINE_COLUMN, mode === 'add'));
				await db.exec(dropTableSql(stageOf(b.table)));
				done += chunk.rows;
				loaded += chunk.rows - clashes;
			}
			if (loaded > 0) summary.loaded[b.table] = loaded;
		}
		opts.onProgress?.({ stage: 'audit', table: null, done, rows: total });
		const audit = await (opts.audit ?? auditDatabase)(db);
		// The summaries (unit_years) read the forms and the audit: rebuilt from everything now held.
		for (const sql of summarySql()) await db.exec(sql);
		return { ...summary, audit };
	});
}
