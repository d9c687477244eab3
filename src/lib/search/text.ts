// Search text: case, width and traditional characters folded one character for one (places agree), Chinese words by Intl.Segmenter, bigrams.
import { TRADITIONAL } from '../normalize/traditional';

const folded = new Map<string, string>();

/** One character folded: NFKC (full-width → half-width), lower case, traditional → simplified; itself when that would change its length. */
function foldChar(ch: string): string {
	let f = folded.get(ch);
	if (f === undefined) {
		const n = (TRADITIONAL[ch] ?? ch).normalize('NFKC').toLowerCase();
		f = n.length === ch.length ? n : ch;
		folded.set(ch, f);
	}
	return f;
}

/**
 * The text as search compares it, of the same length in UTF-16 units, so a match's place in the
 * folded text is its place in the original: ＡＢ → ab, 資金 → 资金, ％ → %.
 */
export function fold(text: string): string {
	let out = '';
	for (const ch of text) out += foldChar(ch);
	return out;
}

let segmenter: Intl.Segmenter | null = null;

/** The word-like segments of a text as Intl.Segmenter('zh') cuts it (no whitespace splitting). */
export function words(text: string): string[] {
	segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
	const out: string[] = [];
	for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
	return out;
}

const SPACE = /\s/u;

/** Every pair of neighbouring characters with no whitespace in it (the index's keys for a text of 2+ characters). */
export function bigrams(text: string): string[] {
	const chars = [...text];
	const out: string[] = [];
	for (let i = 0; i + 1 < chars.length; i++)
		if (!SPACE.test(chars[i]) && !SPACE.test(chars[i + 1])) out.push(chars[i] + chars[i + 1]);
	return out;
}

/** Separators between the terms of a query: whitespace and the list punctuation people type between words. */
const TERM_SEPARATOR = /[\s,，、;；]+/u;

/** The folded terms of a query, each to be found as typed; duplicates and empty terms dropped. */
export function queryTerms(query: string): string[] {
	return [...new Set(fold(query).split(TERM_SEPARATOR).filter(Boolean))];
}

/** Every place a folded term occurs in a folded text, as [start, end) ranges in UTF-16 units. */
export function occurrences(haystack: string, term: string): [number, number][] {
	const out: [number, number][] = [];
	if (!term) return out;
	for (let i = haystack.indexOf(term); i !== -1; i = haystack.indexOf(term, i + term.length))
		out.push([i, i + term.length]);
	return out;
}

/** Ranges sorted and merged where they overlap or touch. */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const out: [number, number][] = [];
	for (const r of sorted) {
		const last = out[out.length - 1];
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else out.push([r[0], r[1]]);
	}
	return out;
}

/** A piece of a shown text: marked when it is part of a match. */
export interface Piece {
	text: string;
	mark: boolean;
}

/**
 * The text cut into pieces around its matches; a long text is shortened to a window of about
 * `width` characters around its first match, with … where it was cut.
 */
export function pieces(text: string, ranges: [number, number][], width = 80): Piece[] {
	let from = 0;
	let to = text.length;
	if (text.length > width && ranges.length) {
		const [s, e] = ranges[0];
		from = Math.max(0, Math.min(s - Math.floor((width - (e - s)) / 3), text.length - width));
		to = Math.min(text.length, Math.max(from + width, e));
		// Never cut a surrogate pair.
		if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from--;
		if (to < text.length && /[\udc00-\udfff]/.test(text[to])) to++;
	}
	const out: Piece[] = [];
	const push = (t: string, mark: boolean) => t && out.push({ text: t, mark });
	if (from > 0) push('…', false);
	let at = from;
	for (const [s, e] of ranges) {
		if (e <= from || s >= to) continue;
		push(text.slice(at, Math.max(at, s)), false);
		push(text.slice(Math.max(at, s), Math.min(e, to)), true);
		at = Math.min(e, to);
	}
	push(text.slice(at, to), false);
	if (to < text.length) push('…', false);
	return out;
}
