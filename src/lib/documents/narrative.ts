// Reads figures from the running text of forms and reports: the metric dictionary's figures, the spending lines, and the problems and improvements sections.
import { METRICS, type MetricDef } from '../schema/metrics';
import type { Paragraph, SourceRef } from './grid';
import { toSimplified } from '../normalize/traditional';
import { CLOSING, NARRATIVE_FUNDING } from './markers';
import { cleanCell, cleanLines, mentions } from './text';

/** A figure found in a sentence. */
export interface Figure {
	/** The number and unit as printed: "313件", "8000余万元". */
	printed: string;
	/** The sentence it was read from. */
	sentence: string;
	ref: SourceRef;
}

/** A passage of running text: a cell or the paragraphs of a report, with where each part was printed. */
export interface Passage {
	parts: { text: string; ref: SourceRef }[];
	/** Where the passage sits, for the metrics' `source` column: "部门整体支出绩效自评表·实际完成情况". */
	label: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FILLER = '[\\s为共达计约有了：:]{0,3}';
/** Digits as printed: ASCII or full-width, with thousands commas; the normaliser reads them and says so. */
const NUMBER = '([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)(?:余|多)?';
const MONEY = '(?:万元|万|亿元|元)';
/** Words before a name that turn the figure into another one: 不予立案, 免予处分, 撤销立案. */
const NOT_BEFORE = '(?<!不予|免予|撤销|未予|未)';
/** A unit followed by these is another measure: 102人次, 8000万元以上. */
const NOT_AFTER = '(?![次元]|以上|以下|左右)';

function unitPattern(unit: string): string {
	return unit === '万元' ? MONEY : escape(unit);
}

/** One pattern per metric, built from the dictionary: its name and synonyms, then a number in its unit. */
function metricPattern(m: MetricDef): RegExp {
	const names = [m.zh, ...(m.synonyms ?? [])].sort((a, b) => b.length - a.length).map(escape);
	return new RegExp(
		`${NOT_BEFORE}(?:${names.join('|')})${FILLER}(${NUMBER}${unitPattern(m.unit)})${NOT_AFTER}`,
		'g'
	);
}

const METRIC_PATTERNS = METRICS.map((m) => ({ metric: m, re: metricPattern(m) }));
const FUNDING_PATTERNS = NARRATIVE_FUNDING.map((f) => ({
	...f,
	re: new RegExp(
		`(?:${f.words.map(escape).join('|')})${FILLER}(${NUMBER}${MONEY})${NOT_AFTER}`,
		'g'
	)
}));

/**
 * The passage as one string for matching. Lines a report wraps mid-sentence ("…工资福利支" /
 * "出1112.75万元") are joined; a line that ends a sentence or a heading keeps its break.
 */
function joined(p: Passage): { text: string; starts: number[] } {
	let text = '';
	const starts: number[] = [];
	p.parts.forEach((part, i) => {
		const t = cleanCell(part.text);
		if (i > 0) {
			const prev = text.slice(-1);
			const wrapped =
				cleanCell(p.parts[i - 1].text).length >= 20 && !/[。！？；：:!?;）)]$/.test(prev);
			if (!wrapped) text += '\n';
		}
		starts.push(text.length);
		text += t;
	});
	return { text, starts };
}

function sentenceAt(text: string, at: number): string {
	const stop = /[。！？；\n]/;
	let a = at;
	while (a > 0 && !stop.test(text[a - 1])) a--;
	let b = at;
	while (b < text.length && !stop.test(text[b])) b++;
	return text.slice(a, b < text.length && text[b] !== '\n' ? b + 1 : b);
}

/**
 * Matches on the text with traditional characters read as simplified (one character for one,
 * so places agree), and gives back what the document printed at those places.
 */
function find(p: Passage, re: RegExp): (Figure & { name: string })[] {
	const { text, starts } = joined(p);
	const simple = toSimplified(text);
	const out: (Figure & { name: string })[] = [];
	re.lastIndex = 0;
	for (let m = re.exec(simple); m; m = re.exec(simple)) {
		const at = m.index + m[0].length - m[1].length;
		let k = starts.length - 1;
		while (k > 0 && starts[k] > at) k--;
		out.push({
			printed: text.slice(at, at + m[1].length),
			name: text
				.slice(m.index, m.index + m[0].length - m[1].length)
				.replace(/[\s为共达计约有了：:]+$/, ''),
			sentence: sentenceAt(text, at),
			ref: p.parts[k].ref
		});
	}
	return out;
}

/** Every metric figure in the passage, in order: { metric key → figures }. */
export function metricFigures(p: Passage): { metric: MetricDef; figure: Figure }[] {
	const out: { metric: MetricDef; figure: Figure }[] = [];
	for (const { metric, re } of METRIC_PATTERNS)
		for (const figure of find(p, re)) out.push({ metric, figure });
	return out;
}

/** Spending lines ("工资福利支出1112.75万元") by economic class and by nature. */
export function fundingFigures(
	p: Passage
): { dimension: 'nature' | 'economic'; item: string; printedItem: string; figure: Figure }[] {
	const out: {
		dimension: 'nature' | 'economic';
		item: string;
		printedItem: string;
		figure: Figure;
	}[] = [];
	for (const f of FUNDING_PATTERNS) {
		const first = find(p, f.re)[0];
		if (first)
			out.push({ dimension: f.dimension, item: f.item, printedItem: first.name, figure: first });
	}
	return out;
}

/** A top-level report heading: "一、…", "2、…" (items like "1." and sub-headings "（一）" are not). */
const HEADING = /^\s*(?:[一二三四五六七八九十]+|\d+)\s*、/;

export interface Section {
	heading: Paragraph;
	body: Paragraph[];
}

/** The report's sections by their top-level headings. */
export function sections(report: readonly Paragraph[]): Section[] {
	const out: Section[] = [];
	for (const p of report) {
		if (HEADING.test(p.text)) out.push({ heading: p, body: [] });
		else if (out.length) out[out.length - 1].body.push(p);
	}
	return out;
}

/**
 * The problems and improvements a report states under its headings. A heading that names both
 * ("偏离绩效目标的原因和下一步改进措施") gives one passage, kept whole under problems: a sentence
 * is never split between the two.
 */
export function closingSections(
	report: readonly Paragraph[]
): Partial<
	Record<'problems' | 'improvements', { text: string; heading: Paragraph; body: Paragraph[] }>
> {
	const out: Partial<
		Record<'problems' | 'improvements', { text: string; heading: Paragraph; body: Paragraph[] }>
	> = {};
	for (const s of sections(report)) {
		const which = mentions(s.heading.text, CLOSING.problems)
			? 'problems'
			: mentions(s.heading.text, CLOSING.improvements)
				? 'improvements'
				: null;
		if (!which || out[which] || !s.body.length) continue;
		out[which] = { text: cleanLines(s.body.map((p) => p.text)), heading: s.heading, body: s.body };
	}
	return out;
}
