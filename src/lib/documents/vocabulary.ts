// Every word the reader matches (form markers, metric names and units, the normaliser's comparator words), for the traditional-character map and its test.
import { METRICS } from '../schema/metrics';
import * as M from './markers';

/** Words the normaliser reads around a number: comparators, approximations and units. */
const VALUE_WORDS =
	'以上 以下 以内 及以上 及以下 达到 不低于 不少于 不高于 不超过 不多于 大于 小于 高于 低于 超过 少于 至少 最多 控制在 余 多 约 定性 定量 个 件 人次 人 份 处 亩 项 条 户 台 套 场 篇 起 名 次 家 所 期 年 月 日 天 万元 亿元 元 平方米 公里 正向 反向';

export function vocabulary(): string[] {
	const flat = (x: unknown): string[] =>
		typeof x === 'string'
			? [x]
			: Array.isArray(x)
				? x.flatMap(flat)
				: x && typeof x === 'object'
					? Object.values(x).flatMap(flat)
					: [];
	return [
		...flat([
			M.FORM_TITLES.map((t) => t.words),
			M.HEADER_FIELDS,
			M.BUDGET_COLUMNS,
			M.BUDGET_TOTAL_ROW,
			M.FUNDING_SOURCES,
			M.SPLITS.map((x) => x.words),
			M.GOALS,
			M.INDICATOR_COLUMNS,
			M.TOTAL_ROW,
			M.CLOSING,
			M.REPORT_TITLES,
			M.NARRATIVE_FUNDING.map((x) => [x.item, x.words]),
			M.LEVEL1_NAMES,
			M.LEVEL2_NAMES
		]),
		...METRICS.flatMap((m) => [m.zh, m.unit, ...(m.synonyms ?? [])]),
		...VALUE_WORDS.split(' ')
	];
}
