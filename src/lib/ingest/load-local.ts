// Puts accepted import rows into DuckDB (the browser's, or Node's for the CLI) in Arrow batches, replacing the dataset or adding to it; then audits it, all in one transaction.
import { auditDatabase, type AuditSummary } from '../audit/store';
import type { Connector, LoadableConnector } from '../db/connector';
import { DATA_TABLES, quoteIdent, table as tableDef, type TableName } from '../schema';
import type { ValidRow } from '../schema/validate';
import { LINE_COLUMN, toBatches, type TableBatches } from './batches';

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

/** Keys already in the database, for validation of added files and conflict checks. */
export async function loadedKeys(
	db: Connector
): Promise<Partial<Record<TableName, Record<string, ReadonlySet<string>>>>> {
	const out: Partial<Record<TableName, Record<string, ReadonlySet<string>>>> = {};
	for (const t of DATA_TABLES) {
		const cols: Record<string, ReadonlySet<string>> = {};
		for (const k of t.key) {
			const rows = await db.query<{ v: string }>(
				`SELECT DISTINCT CAST(${quoteIdent(k)} AS VARCHAR) AS v FROM ${quoteIdent(t.name)}`
			);
			cols[k] = new Set(rows.map((r) => r.v));
		}
		out[t.name] = cols;
	}
	return out;
}

/** Accepted rows as the batches loadLocal takes (the browser builds them in its import worker). */
export function batchesOf(rows: ReadonlyMap<TableName, readonly ValidRow[]>): TableBatches[] {
	return toBatches(rows);
}

/**
 * Loads the batches through a staging table each: in 'add' mode, rows whose key is already in the
 * table are listed and left out. Everything (deletes, inserts, audit) is one transaction: on any
 * failure nothing is loaded and the previous data stays as it was.
 */
export async function loadLocal<C extends LoadableConnector>(
	db: C,
	batches: readonly TableBatches[],
	mode: 'replace' | 'add',
	opts: LoadOptions<C> = {}
): Promise<LoadSummary> {
	const summary: Omit<LoadSummary, 'audit'> = { loaded: {}, conflicts: [] };
	const total = batches.reduce((s, b) => s + b.rows, 0);
	let done = 0;
	await db.exec('BEGIN TRANSACTION');
	try {
		if (mode === 'replace')
			for (const t of [...DATA_TABLES].reverse())
				await db.exec(`DELETE FROM ${quoteIdent(t.name)}`);
		for (const b of batches) {
			const t = tableDef(b.table);
			const target = quoteIdent(t.name);
			const stage = quoteIdent(`stage_${t.name}`);
			const exists = `EXISTS (SELECT 1 FROM ${target} x WHERE ${t.key.map((k) => `x.${quoteIdent(k)} = s.${quoteIdent(k)}`).join(' AND ')})`;
			const shown = t.key
				.map((k) => `COALESCE(CAST(s.${quoteIdent(k)} AS VARCHAR), '')`)
				.join(` || ' / ' || `);
			let loaded = 0;
			for (const chunk of b.chunks) {
				opts.onProgress?.({ stage: 'load', table: t.name, done, rows: total });
				// duckdb-wasm takes (detaches) the buffer: no copy on the page's thread; a retry checks again.
				await db.createFromArrow(`stage_${t.name}`, chunk.bytes);
				let clashes = 0;
				if (mode === 'add') {
					const clash = await db.query<{ line: number; key: string }>(
						`SELECT s.${quoteIdent(LINE_COLUMN)} AS line, ${shown} AS key FROM ${stage} s WHERE ${exists} ORDER BY line`
					);
					for (const c of clash)
						summary.conflicts.push({ table: t.name, key: c.key, line: c.line });
					clashes = clash.length;
				}
				await db.exec(
					`INSERT INTO ${target} BY NAME SELECT * EXCLUDE (${quoteIdent(LINE_COLUMN)}) FROM ${stage} s${mode === 'add' ? ` WHERE NOT ${exists}` : ''}`
				);
				await db.exec(`DROP TABLE ${stage}`);
				done += chunk.rows;
				loaded += chunk.rows - clashes;
			}
			if (loaded > 0) summary.loaded[t.name] = loaded;
		}
		opts.onProgress?.({ stage: 'audit', table: null, done, rows: total });
		const audit = await (opts.audit ?? auditDatabase)(db);
		await db.exec('COMMIT');
		return { ...summary, audit };
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => {});
		throw e;
	}
}
