// Bytes of an uploaded text file to text: UTF-8 (with or without BOM), UTF-16, else GB18030 (which covers GBK), line by line when a file mixes them.
import { msg, type Msg } from '../schema/msg';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'mixed';

/** A physical line that was not in the file's main encoding: decoded otherwise, kept, and reported. */
export interface DecodeNote {
	/** 1-based physical line. */
	line: number;
	message: Msg;
}

export type Decoded =
	{ ok: true; text: string; encoding: Encoding; notes: DecodeNote[] } | { ok: false; error: Msg };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb = new TextDecoder('gb18030', { fatal: true });

function tryDecode(d: TextDecoder, bytes: Uint8Array): string | null {
	try {
		return d.decode(bytes);
	} catch {
		return null;
	}
}

/**
 * UTF-16 without a BOM: NULs in only one byte parity (the high bytes of ASCII, in every other
 * byte). Chinese text has few of them, so any share counts; a strict decode then decides.
 */
function utf16Order(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const n = head.length - (head.length % 2);
	if (n < 4) return null;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < n; i += 2) {
		if (head[i] === 0) evenNul++;
		if (head[i + 1] === 0) oddNul++;
	}
	const order =
		oddNul > 0 && evenNul === 0 ? 'utf-16le' : evenNul > 0 && oddNul === 0 ? 'utf-16be' : null;
	if (order === null) return null;
	// Plain text only: a strict decode of the head (whole code units) must hold no control bytes.
	const text = tryDecode(new TextDecoder(order, { fatal: true }), head.subarray(0, n - 2));
	// eslint-disable-next-line no-control-regex
	return text !== null && !/[\u0000-\u0008\u000e-\u001f]/.test(text) ? order : null;
}

function utf16(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be', bom: boolean): Decoded {
	const text = tryDecode(new TextDecoder(enc, { fatal: true }), bytes.subarray(bom ? 2 : 0));
	if (text === null)
		return {
			ok: false,
			error: msg(
				`文件看似 ${enc.toUpperCase()} 编码，但其中有无效字节`,
				`the file looks like ${enc.toUpperCase()} but holds invalid bytes`
			)
		};
	return { ok: true, text, encoding: enc, notes: [] };
}

/**
 * Decodes a text file. A file that is UTF-8 except for some lines (a cell pasted from a GBK file)
 * is decoded line by line: each line in its own encoding, never the whole file in the wrong one,
 * and every line read in the other encoding is reported so the reader can check it.
 */
export function decodeText(bytes: Uint8Array): Decoded {
	if (bytes.length === 0) return { ok: false, error: msg('文件是空的', 'the file is empty') };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', true);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', true);
	const head = bytes.subarray(0, 8192);
	const order = utf16Order(head);
	if (order) return utf16(bytes, order, false);
	// NUL bytes do not occur in CSV text in UTF-8 or GBK: it is a binary file.
	if (head.includes(0))
		return {
			ok: false,
			error: msg(
				'文件是二进制数据，不是 CSV 文本（XLSX 请用 .xlsx 扩展名）',
				'the file is binary, not CSV text (a workbook needs the .xlsx extension)'
			)
		};
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const text = tryDecode(utf8, bytes.subarray(3));
		if (text !== null) return { ok: true, text, encoding: 'utf-8-bom', notes: [] };
		return byLine(bytes.subarray(3), 'utf-8-bom');
	}
	const text = tryDecode(utf8, bytes);
	if (text !== null) return { ok: true, text, encoding: 'utf-8', notes: [] };
	return byLine(bytes, null);
}

/**
 * Decides between GB18030 for the whole file and a line-by-line decoding. 0x0A is a newline in
 * both encodings (GB18030 trail bytes are 0x30–0x39 and 0x40–0xFE), so lines split safely.
 */
function byLine(bytes: Uint8Array, bom: 'utf-8-bom' | null): Decoded {
	const lines: Uint8Array[] = [];
	let start = 0;
	for (let i = 0; i < bytes.length; i++)
		if (bytes[i] === 0x0a) {
			lines.push(bytes.subarray(start, i + 1));
			start = i + 1;
		}
	if (start < bytes.length) lines.push(bytes.subarray(start));
	const ascii = (b: Uint8Array) => b.every((x) => x < 0x80);
	const asUtf8 = lines.map((l) => (ascii(l) ? null : tryDecode(utf8, l)));
	const nonAscii = lines.filter((l) => !ascii(l)).length;
	const utf8Lines = asUtf8.filter((t) => t !== null).length;
	const gbLines = nonAscii - utf8Lines;
	if (utf8Lines === 0 && !bom) {
		const text = tryDecode(gb, bytes);
		if (text !== null) return { ok: true, text, encoding: 'gb18030', notes: [] };
		return {
			ok: false,
			error: msg(
				'文件既不是 UTF-8 也不是 GBK/GB18030 文本',
				'the file is neither UTF-8 nor GBK/GB18030 text'
			)
		};
	}
	// Mixed: the majority encoding is the file's; lines in the other one are decoded in theirs.
	const mainUtf8 = bom !== null || utf8Lines >= gbLines;
	const notes: DecodeNote[] = [];
	const parts: string[] = [];
	for (const [i, l] of lines.entries()) {
		if (ascii(l)) {
			parts.push(utf8.decode(l));
			continue;
		}
		const u = asUtf8[i];
		if (mainUtf8 && u !== null) {
			parts.push(u);
			continue;
		}
		const g = tryDecode(gb, l);
		if (mainUtf8) {
			if (g === null)
				return {
					ok: false,
					error: msg(
						`第 ${i + 1} 行既不是 UTF-8 也不是 GBK 文本`,
						`line ${i + 1} is neither UTF-8 nor GBK text`
					)
				};
			parts.push(g);
			notes.push({
				line: i + 1,
				message: msg(
					'此行不是 UTF-8（文件其余部分是 UTF-8），已按 GBK 读取：请核对',
					'this line is not UTF-8 like the rest of the file; read as GBK: please check it'
				)
			});
		} else if (g !== null) {
			parts.push(g);
			if (u !== null)
				notes.push({
					line: i + 1,
					message: msg(
						'此行也可按 UTF-8 读取；已按全文件的 GBK 读取：请核对',
						'this line is also valid UTF-8; read as GBK like the rest of the file: please check it'
					)
				});
		} else if (u !== null) {
			parts.push(u);
			notes.push({
				line: i + 1,
				message: msg(
					'此行不是 GBK（文件其余部分是 GBK），已按 UTF-8 读取：请核对',
					'this line is not GBK like the rest of the file; read as UTF-8: please check it'
				)
			});
		} else
			return {
				ok: false,
				error: msg(
					`第 ${i + 1} 行既不是 UTF-8 也不是 GBK 文本`,
					`line ${i + 1} is neither UTF-8 nor GBK text`
				)
			};
	}
	return { ok: true, text: parts.join(''), encoding: 'mixed', notes };
}
