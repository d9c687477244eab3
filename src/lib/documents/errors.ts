// A document that cannot be read at all: its reason in both languages (message = the English).
import type { Msg } from '../schema/msg';

export class DocumentError extends Error {
	constructor(public readonly msg: Msg) {
		super(msg.en);
		this.name = 'DocumentError';
	}
}
