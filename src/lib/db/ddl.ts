// DuckDB DDL generated from the schema: the same CREATE TABLE statements in Node and in the browser.
import type { ColumnDef, TableDef } from '../schema';
import { quoteIdent } from './sql';

const SQL_TYPE: Record<ColumnDef['type'], string> = {
	text: 'VARCHAR',
	integer: 'INTEGER',
	decimal: 'DOUBLE'
};

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
