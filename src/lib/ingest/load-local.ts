// Puts accepted import rows into DuckDB (the browser's, or Node's for the CLI): replacing the dataset, or adding to it; then audits it.
import { auditDatabase, type AuditSummary } from '../audit/store';
import type { Connector, SqlValue } from '../db/connector';
import { DATA_TABLES, quoteIdent, table as tableDef, type TableName } from '../schema';
import type { ValidRow } from '../schema/validate';

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

function typed(table: TableName, rows: readonly ValidRow[]): Record<string, SqlValue>[] {
	const t = tableDef(table);
	return rows.map((r) => {
		const o: Record<string, SqlValue> = {};
		for (const c of t.columns) {
			const v = r.values[c.name] ?? null;
			o[c.name] = v === null ? null : c.type === 'text' ? v : Number(v);
		}
		return o;
	});
}

const keyExpr = (table: TableName) =>
	tableDef(table)
		.key.map((k) => `CAST(${quoteIdent(k)} AS VARCHAR)`)
		.join(` || '\u0000' || `);

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

export async function loadLocal(
	db: Connector,
	rows: ReadonlyMap<TableName, readonly ValidRow[]>,
	mode: 'replace' | 'add'
): Promise<LoadSummary> {
	const summary: Omit<LoadSummary, 'audit'> = { loaded: {}, conflicts: [] };
	if (mode === 'replace')
		for (const t of [...DATA_TABLES].reverse()) await db.exec(`DELETE FROM ${quoteIdent(t.name)}`);
	for (const t of DATA_TABLES) {
		let list = rows.get(t.name) ?? [];
		if (list.length === 0) continue;
		if (mode === 'add') {
			const existing = new Set(
				(
					await db.query<{ k: string }>(`SELECT ${keyExpr(t.name)} AS k FROM ${quoteIdent(t.name)}`)
				).map((r) => r.k)
			);
			const keep: ValidRow[] = [];
			for (const r of list) {
				const k = t.key.map((c) => r.values[c] ?? '').join('\u0000');
				if (existing.has(k))
					summary.conflicts.push({
						table: t.name,
						key: t.key.map((c) => r.values[c]).join(' / '),
						line: r.line
					});
				else keep.push(r);
			}
			list = keep;
		}
		if (list.length === 0) continue;
		await db.insertRows(t.name, typed(t.name, list));
		summary.loaded[t.name] = list.length;
	}
	return { ...summary, audit: await auditDatabase(db) };
}
