// DuckDB DDL generated from the schema: the same CREATE TABLE statements in Node and in the browser.
import type { ColumnDef, TableDef } from './types';

const SQL_TYPE: Record<ColumnDef['type'], string> = {
	text: 'VARCHAR',
	integer: 'INTEGER',
	decimal: 'DOUBLE'
};

export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

export function sqlType(col: ColumnDef): string {
	return SQL_TYPE[col.type];
}

/** CREATE TABLE for one table; NOT NULL only where a column is always required. */
export function createTableSql(t: TableDef): string {
	const cols = t.columns.map(
		(c) => `  ${quoteIdent(c.name)} ${sqlType(c)}${c.required === true ? ' NOT NULL' : ''}`
	);
	cols.push(`  PRIMARY KEY (${t.key.map(quoteIdent).join(', ')})`);
	return `CREATE TABLE ${quoteIdent(t.name)} (\n${cols.join(',\n')}\n);`;
}

/**
 * SELECT list that turns all-VARCHAR input (a CSV read with all_varchar, or a staging table)
 * into the table's types, by column name; columns absent from the input become NULL.
 */
export function castSelectList(t: TableDef, present: ReadonlySet<string>): string {
	return t.columns
		.map((c) => {
			if (!present.has(c.name)) return `CAST(NULL AS ${sqlType(c)}) AS ${quoteIdent(c.name)}`;
			const v = `NULLIF(${quoteIdent(c.name)}, '')`;
			return c.type === 'text'
				? `${v} AS ${quoteIdent(c.name)}`
				: `CAST(${v} AS ${sqlType(c)}) AS ${quoteIdent(c.name)}`;
		})
		.join(', ');
}
