// A document that cannot be read at all (corrupt, encrypted, scanned, not the format it claims), with its reason in zh and en.
import type { Msg } from '../schema/msg';

export class DocumentError extends Error {
	constructor(public readonly msg: Msg) {
		super(msg.en);
		this.name = 'DocumentError';
	}
}
