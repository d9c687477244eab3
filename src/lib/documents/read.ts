// Reads published documents of any kind into forms: picks the reader by file name and content, loading each reader only when a file needs it.
import { msg, type Msg } from '../schema/msg';
import { DocumentError } from './errors';
import { documentFormat } from './formats';
import type { Doc, DocFormat, DocNote } from './grid';
import { recognise, type Recognised } from './recognise';

export interface DocumentFile {
	name: string;
	bytes: Uint8Array;
}

export interface DocumentRead {
	file: string;
	format: DocFormat | null;
	doc: Doc | null;
	recognised: Recognised | null;
	/** Why the document could not be read at all. */
	error: Msg | null;
	/** Reader and recogniser notes together, in document order. */
	notes: DocNote[];
	ms: number;
}

export { documentFormat } from './formats';

/** Each reader is its own chunk, fetched the first time a file of its kind is read. */
async function parse(f: DocumentFile, format: DocFormat): Promise<Doc> {
	switch (format) {
		case 'text':
			return (await import('./read-text')).readText(f.name, f.bytes);
		case 'html':
			return (await import('./read-html')).readHtml(f.name, f.bytes);
		case 'docx':
			return (await import('./read-docx')).readDocx(f.name, f.bytes);
		case 'xlsx':
			return (await import('./read-xlsx')).readXlsxForm(f.name, f.bytes);
		case 'pdf':
			return (await import('./read-pdf')).readPdf(f.name, f.bytes);
	}
}

/** What readDocument is doing, for a progress bar. */
export type DocumentStage = 'read' | 'recognise';

/** Reads one document and recognises its forms; never throws for a bad document, it says why. */
export async function readDocument(
	f: DocumentFile,
	onStage?: (stage: DocumentStage) => void
): Promise<DocumentRead> {
	const t0 = performance.now();
	const format = documentFormat(f.name);
	const out: DocumentRead = {
		file: f.name,
		format,
		doc: null,
		recognised: null,
		error: null,
		notes: [],
		ms: 0
	};
	try {
		if (!format)
			throw new DocumentError(
				'wrong-format',
				msg(`${f.name} 不是文档`, `${f.name} is not a document`)
			);
		onStage?.('read');
		const doc = await parse(f, format);
		out.doc = doc;
		onStage?.('recognise');
		const r = recognise(doc);
		out.recognised = r;
		out.notes = [...doc.notes, ...r.notes, ...r.forms.flatMap((x) => x.notes)];
		if (!r.forms.length)
			out.error = r.notes[0]?.message ?? msg('没有找到绩效自评表', 'no form found');
	} catch (e) {
		out.error =
			e instanceof DocumentError
				? e.msg
				: msg(
						`无法读取 ${f.name}：${(e as Error).message}`,
						`cannot read ${f.name}: ${(e as Error).message}`
					);
	}
	out.ms = performance.now() - t0;
	return out;
}
