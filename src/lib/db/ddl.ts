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

/** True when every column of the table's key is always filled (a PRIMARY KEY needs that). */
export function keyAlwaysFilled(t: TableDef): boolean {
	return t.key.every((k) => t.columns.find((c) => c.name === k)?.required === true);
}

/**
 * CREATE TABLE for one table; NOT NULL only where a column is always required. A key with columns
 * that may be empty (the scope of a direction: any group, unit, year) is UNIQUE rather than a
 * PRIMARY KEY; validation already refuses two rows with the same key, empty values included.
 */
export function createTableSql(t: TableDef): string {
	const cols = t.columns.map(
		(c) => `  ${quoteIdent(c.name)} ${sqlType(c)}${c.required === true ? ' NOT NULL' : ''}`
	);
	const key = t.key.map(quoteIdent).join(', ');
	cols.push(keyAlwaysFilled(t) ? `  PRIMARY KEY (${key})` : `  UNIQUE (${key})`);
	return `CREATE TABLE ${quoteIdent(t.name)} (\n${cols.join(',\n')}\n);`;
}
