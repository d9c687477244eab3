// Test helper: text to bytes in the encodings people's files arrive in (UTF-8, GBK, UTF-16), for import fixtures.

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes for a text, built from the platform's own GBK decoder (two-byte codes only). */
export function gbk(text: string): Uint8Array {
	if (!gbkTable) {
		gbkTable = new Map();
		const d = new TextDecoder('gbk');
		for (let a = 0x81; a <= 0xfe; a++)
			for (let b = 0x40; b <= 0xfe; b++) {
				if (b === 0x7f) continue;
				const c = d.decode(new Uint8Array([a, b]));
				if (c.length === 1 && c !== '\ufffd' && !gbkTable.has(c)) gbkTable.set(c, [a, b]);
			}
	}
	const out: number[] = [];
	for (const ch of text) {
		const code = ch.charCodeAt(0);
		if (code < 0x80) out.push(code);
		else {
			const bytes = gbkTable.get(ch);
			if (!bytes) throw new Error(`no GBK code for ${ch}`);
			out.push(...bytes);
		}
	}
	return new Uint8Array(out);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** UTF-16 little-endian with a BOM, as Excel saves "Unicode Text". */
export function utf16le(text: string): Uint8Array {
	const out = new Uint8Array(2 + text.length * 2);
	out[0] = 0xff;
	out[1] = 0xfe;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out[2 + i * 2] = c & 0xff;
		out[3 + i * 2] = c >> 8;
	}
	return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
