// Parses a value as printed on a form ("1262.27万", "≥95%", "96%以上", "定性", "—") into parts; never guesses.
import type { Direction } from '../schema/audit-tables';
import { msg, type Msg } from '../schema/msg';
import type { Comparator } from '../schema/tables';
import { toSimplified } from './traditional';

export type { Comparator };
export type ParsedKind = 'number' | 'qualitative' | 'missing' | 'text';

export interface ParsedValue {
	/** The input exactly as given. */
	text: string;
	kind: ParsedKind;
	/** The number in `unit` (money in 万元, percentages as percent: "96%" → 96). */
	value: number | null;
	comparator: Comparator | null;
	unit: string | null;
	/** What was done to read it (scaled 元 → 万元, full-width digits, approximate …), in zh and en. */
	notes: Msg[];
}

/** Cells that mean "nothing printed". */
const PLACEHOLDERS = new Set([
	'',
	'/',
	'\\',
	'-',
	'—',
	'——',
	'–',
	'－',
	'…',
	'……',
	'...',
	'..',
	'无',
	'N/A',
	'n/a',
	'NA',
	'空',
	'暂无'
]);

const FULL_WIDTH = /[０-９．，％＜＞＝＋－]/g;

function toHalfWidth(s: string): string {
	return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const STRICT_GT = msg('严格大于（>）按 ≥ 读取', 'strict > read as ≥');
const STRICT_LT = msg('严格小于（<）按 ≤ 读取', 'strict < read as ≤');

const PREFIX: [RegExp, Direction, Msg | null][] = [
	[/^(?:≥|>=|≧|⩾|大于等于|不低于|不少于|至少)/, '≥', null],
	[/^(?:≤|<=|≦|⩽|小于等于|不高于|不超过|不多于|最多|控制在)/, '≤', null],
	[/^(?:>|大于|高于|超过)/, '≥', STRICT_GT],
	// 达到 ("reach") is a floor, not an equality: 达到95% is met by 98%.
	[/^达到/, '≥', null],
	[/^(?:<|小于|低于|少于)/, '≤', STRICT_LT],
	[/^(?:=|﹦)/, '=', null]
];
const SUFFIX: [RegExp, Exclude<Direction, '='>][] = [
	[/(?:以上|及以上)$/, '≥'],
	[/(?:以下|以内|及以下)$/, '≤']
];

const UNITS = [
	'万元',
	'亿元',
	'元',
	'万',
	'亿',
	'%',
	'‰',
	'个',
	'件',
	'人次',
	'人',
	'次',
	'份',
	'处',
	'亩',
	'天',
	'日',
	'个月',
	'月',
	'年',
	'家',
	'项',
	'条',
	'所',
	'平方米',
	'㎡',
	'公里',
	'km',
	'户',
	'台',
	'套',
	'期',
	'场',
	'篇',
	'起',
	'名',
	'批',
	'分',
	'小时',
	'座',
	'张',
	'辆',
	'吨',
	'册',
	'本',
	'块',
	'株',
	'头',
	'只',
	'床',
	'村',
	'公顷',
	'立方米',
	'米',
	'米²'
].sort((a, b) => b.length - a.length);
const UNIT_RE = new RegExp(
	`^(${UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`
);

/** A whole number string with optional thousands separators, a decimal part and a sign. */
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/**
 * A comparator printed alone, as a 指标性质 column prints it ("≥", "=", "不低于", "定性"); null for
 * words that name no comparator ("正向指标", "定量"). The same words parseValue reads before a number.
 */
export function comparatorWord(text: string): Comparator | null {
	const s = toSimplified(toHalfWidth(text.replace(/[\s\u3000\u00a0]+/g, ''))).replace(/﹦/g, '=');
	if (s === '定性') return 'qualitative';
	for (const [re, c] of PREFIX) {
		const m = re.exec(s);
		if (m && m[0] === s) return c;
	}
	return null;
}

/** Deadlines like "9月前", "12月底前", "6月30日前" are dates, not quantities. */
const DEADLINE =
	/^\d{1,2}月(?:\d{1,2}日)?(?:底)?(?:前|之前|内|以前)$|^\d{4}年(?:\d{1,2}月)?(?:底)?(?:前|之前|内)$/;

export function parseValue(input: string | null | undefined): ParsedValue {
	const text = input ?? '';
	const notes: Msg[] = [];
	const out = (
		kind: ParsedKind,
		value: number | null,
		comparator: Comparator | null,
		unit: string | null
	): ParsedValue => ({
		text,
		kind,
		value,
		comparator,
		unit,
		notes
	});

	let s = text.replace(/[\s\u3000\u00a0]+/g, '');
	if (PLACEHOLDERS.has(s)) return out('missing', null, null, null);
	const half = toHalfWidth(s);
	if (half !== s) notes.push(msg('全角字符按半角读取', 'full-width characters read as ASCII'));
	// Traditional characters (萬, 個, 餘, 以內 …) read as simplified; the printed text is kept as it is.
	s = toSimplified(half)
		.replace(/\u2212/g, '-')
		.replace(/﹦/g, '=');

	if (/^定性/.test(s)) return out('qualitative', null, 'qualitative', null);
	if (DEADLINE.test(s)) {
		notes.push(msg('这是时限，不是数量', 'a deadline, not a quantity'));
		return out('qualitative', null, 'qualitative', null);
	}

	let comparator: Direction | null = null;
	for (const [re, c, note] of PREFIX) {
		const m = re.exec(s);
		if (m) {
			comparator = c;
			if (note) notes.push(note);
			s = s.slice(m[0].length);
			break;
		}
	}
	for (const [re, c] of SUFFIX) {
		const m = re.exec(s);
		if (m) {
			if (comparator && comparator !== c) return out('text', null, null, null);
			comparator = c;
			s = s.slice(0, -m[0].length);
			break;
		}
	}
	let approximate = false;
	if (/^约/.test(s)) {
		approximate = true;
		s = s.slice(1);
	}

	const num = NUMBER.exec(s);
	if (!num) {
		// No number where one would start: a qualitative text if it holds no digit at all.
		if (!/\d/.test(s) && comparator === null) return out('qualitative', null, 'qualitative', null);
		return out('text', null, null, null);
	}
	let value = Number(num[0].replace(/,/g, ''));
	if (!Number.isFinite(value)) {
		notes.push(msg('数字过大，无法表示', 'the number is too large to represent'));
		return out('text', null, null, null);
	}
	let rest = s.slice(num[0].length);
	if (/^(?:余|多)/.test(rest)) {
		approximate = true;
		rest = rest.slice(1);
	}
	let unit: string | null = null;
	const u = UNIT_RE.exec(rest);
	if (u) {
		unit = u[1];
		rest = rest.slice(unit.length);
	}
	// 万/亿 before another unit multiply it ("10万人"); alone or before 元 they are money in 万元.
	if ((unit === '万' || unit === '亿') && rest.length > 0) {
		const next = UNIT_RE.exec(rest);
		if (next && next[1] !== '元' && next[1] !== '万元') {
			value *= unit === '万' ? 1e4 : 1e8;
			notes.push(msg(`${unit} 乘以${next[1]}`, `${unit} multiplies ${next[1]}`));
			unit = next[1];
			rest = rest.slice(next[1].length);
		}
	}
	if (/^(?:余|多)/.test(rest)) {
		approximate = true;
		rest = rest.slice(1);
	}
	if (unit === '万' && rest.startsWith('元')) rest = rest.slice(1);
	if (unit === '亿' && rest.startsWith('元')) rest = rest.slice(1);
	if (rest.length > 0) return out('text', null, null, null);

	if (unit === '万') unit = '万元';
	else if (unit === '亿' || unit === '亿元') {
		value *= 1e4;
		unit = '万元';
		notes.push(msg('亿元 换算为万元', '亿元 scaled to 万元'));
	} else if (unit === '元') {
		value /= 1e4;
		unit = '万元';
		notes.push(msg('元 换算为万元', '元 scaled to 万元'));
	} else if (unit === '㎡') unit = '平方米';
	if (approximate) notes.push(msg('约数（余/多/约）', 'approximate (余/多/约)'));
	return out('number', value, comparator, unit);
}
