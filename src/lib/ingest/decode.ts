// Bytes of an uploaded text file to text: UTF-8 (with or without BOM), else GB18030 (which covers GBK).

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; error: string };

export function decodeText(bytes: Uint8Array): Decoded {
	if (bytes.length === 0) return { ok: false, error: 'the file is empty' };
	// NUL bytes do not occur in CSV text in any of these encodings: it is a binary file.
	const head = bytes.subarray(0, 8192);
	if (head.includes(0)) return { ok: false, error: 'the file is binary, not CSV text' };
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return {
			ok: true,
			text: new TextDecoder('utf-8').decode(bytes.subarray(3)),
			encoding: 'utf-8-bom'
		};
	try {
		return {
			ok: true,
			text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
			encoding: 'utf-8'
		};
	} catch {
		try {
			return {
				ok: true,
				text: new TextDecoder('gb18030', { fatal: true }).decode(bytes),
				encoding: 'gb18030'
			};
		} catch {
			return { ok: false, error: 'the file is neither UTF-8 nor GBK/GB18030 text' };
		}
	}
}
