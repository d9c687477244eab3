// SQL that creates the dataset's tables from the schema and writes into them: DDL, staging, inserts, deletes, transactions.
import { METRICS, TABLES, table as tableDef, type TableName } from '../schema';
import type { Connector } from './connector';
import { createTableSql } from './ddl';
import { quoteIdent } from './sql';

/** CREATE TABLE statements for every table, in load order. */
export function createAllSql(): string {
	return TABLES.map(createTableSql).join('\n');
}

/** An empty database of the schema: every table, and the metric dictionary the schema defines. */
export async function createDataset(db: Connector): Promise<void> {
	await db.exec(createAllSql());
	await db.insertRows(
		'metric_dictionary',
		METRICS.map((m) => ({
			key: m.key,
			zh: m.zh,
			en: m.en,
			unit: m.unit,
			direction: m.direction,
			sector: m.sector
		}))
	);
}

/** Inserts by column name from any relation (a Parquet file, a staging table). */
export function insertByNameSql(table: TableName, from: string): string {
	return `INSERT INTO ${quoteIdent(table)} BY NAME SELECT * FROM ${from};`;
}

export function deleteAllSql(table: TableName): string {
	return `DELETE FROM ${quoteIdent(table)}`;
}

export function dropTableSql(name: string): string {
	return `DROP TABLE ${quoteIdent(name)}`;
}

/** The staging table a load of `table` goes through. */
export const stageOf = (table: TableName) => `stage_${table}`;

/** True for a staged row (alias s) whose key the table already holds; an empty key value equals an empty one. */
export function keyExistsSql(table: TableName): string {
	const t = tableDef(table);
	const same = (k: string) => {
		const always = t.columns.find((c) => c.name === k)?.required === true;
		return `x.${quoteIdent(k)} ${always ? '=' : 'IS NOT DISTINCT FROM'} s.${quoteIdent(k)}`;
	};
	return `EXISTS (SELECT 1 FROM ${quoteIdent(t.name)} x WHERE ${t.key.map(same).join(' AND ')})`;
}

/** Moves the staged rows into their table, without the `exclude` column; `newOnly` leaves out keys already there. */
export function insertStagedSql(table: TableName, exclude: string, newOnly: boolean): string {
	return `INSERT INTO ${quoteIdent(table)} BY NAME SELECT * EXCLUDE (${quoteIdent(exclude)}) FROM ${quoteIdent(stageOf(table))} s${newOnly ? ` WHERE NOT ${keyExistsSql(table)}` : ''}`;
}

/** Runs `work` in one transaction: on any failure it is rolled back and the error rethrown. */
export async function inTransaction<T>(db: Connector, work: () => Promise<T>): Promise<T> {
	await db.exec('BEGIN TRANSACTION');
	try {
		const out = await work();
		await db.exec('COMMIT');
		return out;
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => {});
		throw e;
	}
}

/** Moves the staged rows whose key the table does not hold yet (a partition overlapping one already loaded). */
export function insertNewStagedSql(table: TableName): string {
	return `INSERT INTO ${quoteIdent(table)} BY NAME SELECT * FROM ${quoteIdent(stageOf(table))} s WHERE NOT ${keyExistsSql(table)}`;
}
