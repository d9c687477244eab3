// Empty import templates: Chinese headers (which the importer recognises) and one example row per table.
import type { Cell } from './csv';
import type { TableDef } from '../schema';

/** Columns a person fills in: printed-text companions are left out, the importer derives them. */
export function templateColumns(t: TableDef) {
	const companions = new Set(t.columns.map((c) => c.printedIn).filter(Boolean));
	return t.columns.filter((c) => !companions.has(c.name));
}

export function template(t: TableDef): { header: string[]; rows: Cell[][] } {
	const cols = templateColumns(t);
	return { header: cols.map((c) => c.zh), rows: [cols.map((c) => c.example ?? '')] };
}
