// Cell and paragraph text as the recogniser reads it: typesetting spaces and line breaks out, traditional characters matched as simplified.
import { toSimplified } from '../normalize/traditional';

/** Whitespace that only lays text out: ASCII, no-break and ideographic spaces, tabs. */
const SPACE = /[\s\u00a0\u3000]+/g;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * The printed text of a cell with its layout removed: each line trimmed, lines joined, and
 * spaces next to a Chinese character or punctuation dropped ("全年  预算数" → "全年预算数").
 * Spaces between Latin words or numbers are kept, as one space.
 */
export function cleanCell(text: string): string {
	const joined = text
		.split('\n')
		.map((l) => l.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, ''))
		.join('');
	return joined.replace(SPACE, (m, at: number, s: string) => {
		const before = s[at - 1] ?? '';
		const after = s[at + m.length] ?? '';
		return CJK.test(before) || CJK.test(after) ? '' : ' ';
	});
}

/** The same for running text, keeping line breaks between paragraphs. */
export function cleanLines(lines: readonly string[]): string {
	return lines
		.map(cleanCell)
		.filter((l) => l !== '')
		.join('\n');
}

/** Text for matching markers: cleaned, simplified, without brackets' contents' layout. */
export function key(text: string): string {
	return toSimplified(cleanCell(text)).replace(/[:：]$/, '');
}

/** True when the cell's text is one of the words (ignoring a trailing colon and points like "(50分)"). */
export function isOneOf(text: string, words: readonly string[]): boolean {
	const k = key(text).replace(/[（(][^）)]*[）)]$/, '');
	return words.includes(k);
}

/** True when the text contains one of the words. */
export function mentions(text: string, words: readonly string[]): boolean {
	const k = key(text);
	return words.some((w) => k.includes(w));
}

/** The points a heading prints: "产出指标(50分)" → { name: "产出指标", points: "50分" }. */
export function headingPoints(text: string): { name: string; points: string | null } {
	const t = cleanCell(text);
	const m = /^(.*?)[（(]\s*([\d.]+\s*分)\s*[）)]$/.exec(t);
	return m ? { name: m[1], points: m[2] } : { name: t, points: null };
}

/** A third-level name without its "指标1：" numbering. */
export function stripNumbering(text: string): string {
	return text.replace(/^指标\s*\d+\s*[:：]\s*/, '');
}
