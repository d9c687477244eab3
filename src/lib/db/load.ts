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

/**
 * A SQL string literal for any text. DuckDB's parser ends a literal at a NUL character, so a text
 * holding one becomes a concatenation with chr(0) (the same string, NUL included); other control
 * characters are fine inside quotes. A lone surrogate (not text) becomes U+FFFD, as UTF-8 would.
 */
export function sqlString(s: string): string {
	const text = s.replace(
		/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
		'\ufffd'
	);
	const quoted = (t: string) => `'${t.replaceAll("'", "''")}'`;
	if (!text.includes('\0')) return quoted(text);
	return `(${text.split('\0').map(quoted).join(' || chr(0) || ')})`;
}
