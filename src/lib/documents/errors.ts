// A document that cannot be read at all (corrupt, not of its kind, encrypted), said in zh and en: the reader throws it, the CLI and the import page show it.
import type { Msg } from '../schema/msg';

export type DocumentErrorKind = 'corrupt' | 'wrong-format' | 'encrypted' | 'encoding' | 'empty';

export class DocumentError extends Error {
	constructor(
		readonly kind: DocumentErrorKind,
		/** What the reader says to the user, in both languages. */
		readonly msg: Msg,
		/** The library's own wording, if any: kept for the curious, never shown alone. */
		readonly detail?: string
	) {
		super(`${msg.zh} / ${msg.en}`);
		this.name = 'DocumentError';
	}
}
