// Writes src/lib/normalize/traditional.ts: traditional → simplified for every character of the forms' words, the metric dictionary and the reference documents, from OpenCC.
import { readFileSync, writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { vocabulary } from '../src/lib/documents/vocabulary';

const sources = [
	'test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt',
	'test/fixtures/samples/01_sichuan_qingshen_fgj_gongzi.txt',
	'test/fixtures/samples/04_anhui_tianchang_slj_shuihan.txt',
	'test/fixtures/samples/14_anhui_jinzhai_chagu_dept.txt'
].map((p) => readFileSync(p, 'utf8'));
const chars = new Set(
	[...[...vocabulary(), ...sources].join('')].filter((c) => /[\u3400-\u9fff]/.test(c))
);
const pairs = new Map<string, string>();
for (const to of ['tw', 'hk', 't'] as const) {
	const conv = OpenCC.Converter({ from: 'cn', to });
	for (const c of chars) {
		const t = conv(c);
		if (t !== c && [...t].length === 1 && !chars.has(t)) pairs.set(t, c);
	}
}
const body = [...pairs]
	.sort(([a], [b]) => a.localeCompare(b))
	.map(([t, s]) => `${t}${s}`)
	.join(' ');
writeFileSync(
	'src/lib/normalize/traditional.ts',
	`// Traditional → simplified, one character for one, for the words forms print; made by scripts/make-traditional-map.ts from OpenCC (do not edit).
const PAIRS = '${body}';

export const TRADITIONAL: Readonly<Record<string, string>> = Object.fromEntries(
	PAIRS.split(' ').map((p) => [p[0], p[1]])
);

/** The text with traditional characters read as simplified; same length, so places agree. */
export function toSimplified(text: string): string {
	let out = '';
	for (const ch of text) out += TRADITIONAL[ch] ?? ch;
	return out;
}
`
);
console.log(`${pairs.size} pairs from ${chars.size} characters`);
