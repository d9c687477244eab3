// Which files are documents, by name: a tiny module the page and the import worker load without any reader code.
import type { DocFormat } from './grid';

const EXT: Record<string, DocFormat> = {
	txt: 'text',
	text: 'text',
	htm: 'html',
	html: 'html',
	shtml: 'html',
	docx: 'docx',
	pdf: 'pdf',
	xlsx: 'xlsx',
	doc: 'docx',
	xls: 'xlsx'
};

/** The document format a file name says, or null for the table formats (CSV, Parquet). */
export function documentFormat(name: string): DocFormat | null {
	const ext = name.toLowerCase().split('.').pop() ?? '';
	return EXT[ext] ?? null;
}

/**
 * Formats that are as often a table as a document: a .txt may be a tab-separated table (Excel's
 * "Unicode text"), an .xlsx a canonical workbook. Such a file is a document only when none of its
 * sheets has a canonical table's header.
 */
export function eitherTableOrDocument(name: string): boolean {
	return /\.(txt|text|xlsx)$/i.test(name);
}
