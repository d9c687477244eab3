// SQL that creates the dataset's tables from the schema and fills them from built files.
import { TABLES, createTableSql, quoteIdent, type TableName } from '../schema';

/** CREATE TABLE statements for every table, in load order. */
export function createAllSql(): string {
	return TABLES.map(createTableSql).join('\n');
}

/** Inserts by column name from any relation (a Parquet file, a staging table). */
export function insertByNameSql(table: TableName, from: string): string {
	return `INSERT INTO ${quoteIdent(table)} BY NAME SELECT * FROM ${from};`;
}
