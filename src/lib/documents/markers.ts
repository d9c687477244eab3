// What the form recogniser looks for, as data: titles, block markers and header synonyms of every template seen; add a variant here, not a code branch.
import type { ColumnName } from '../schema/rows';
import type { FormKind } from '../schema/tables';

/** Form titles, matched on the normalised text of a paragraph or a cell. */
export const FORM_TITLES: readonly { form: FormKind; words: readonly string[] }[] = [
	{
		form: 'department',
		words: [
			'部门整体支出绩效自评表',
			'部门整体绩效自评表',
			'部门整体支出绩效评价表',
			'整体支出绩效自评表'
		]
	},
	{ form: 'project', words: ['项目支出绩效自评表', '项目绩效自评表', '项目支出绩效评价表'] }
];

/** Header fields printed as label cells followed by their value cell. */
export const HEADER_FIELDS: Record<
	'unit' | 'project' | 'department' | 'implementer',
	readonly string[]
> = {
	unit: ['预算部门名称', '部门名称', '预算单位名称', '单位名称', '预算单位', '部门', '单位'],
	project: ['项目支出名称', '项目名称'],
	department: ['主管部门', '主管部门及代码'],
	implementer: ['实施单位', '项目实施单位']
};

/** Budget block column headings → the evaluation's fields. */
export const BUDGET_COLUMNS = {
	budget_initial: ['年初预算数', '年初预算'],
	budget_final: ['全年预算数', '调整后预算数', '全年预算', '调整后预算'],
	executed: ['全年执行数', '预算执行数', '全年执行', '执行数', '实际支出数'],
	exec_weight: ['分值', '权重'],
	exec_rate_reported: ['执行率', '预算执行率'],
	exec_score: ['得分'],
	exec_reason: ['偏差原因', '原因', '执行偏差原因']
} satisfies Partial<Record<ColumnName<'evaluations'>, readonly string[]>>;

/** Row labels of the budget block: the total row and its source sub-rows. */
export const BUDGET_TOTAL_ROW: readonly string[] = ['年度资金总额', '资金总额', '总额'];
export const FUNDING_SOURCES: readonly string[] = [
	'当年财政拨款',
	'本年财政拨款',
	'财政拨款',
	'财政资金',
	'上年结转资金',
	'上年结转',
	'财政专户管理资金',
	'单位资金',
	'其他资金'
];

/** Split headings inside the budget block: a column of "item：amount" cells under each. */
export const SPLITS: readonly { dimension: 'revenue' | 'nature'; words: readonly string[] }[] = [
	{ dimension: 'revenue', words: ['按收入性质分'] },
	{ dimension: 'nature', words: ['按支出性质分'] }
];

/** The goals block: its two headings. */
export const GOALS = {
	planned: ['预期目标', '年度目标'],
	achieved: ['实际完成情况', '年度目标完成情况', '实际完成']
};

/** Indicator table columns → the indicators table's fields. */
export const INDICATOR_COLUMNS: Record<
	| 'level1'
	| 'level2'
	| 'level3'
	| 'nature'
	| 'target'
	| 'unit'
	| 'actual'
	| 'weight'
	| 'score'
	| 'reason'
	| 'core',
	readonly string[]
> = {
	level1: ['一级指标'],
	level2: ['二级指标'],
	level3: ['三级指标', '指标名称', '绩效指标名称'],
	nature: ['指标性质'],
	target: ['年度指标值', '指标值', '年度目标值', '预期指标值'],
	unit: ['度量单位', '计量单位'],
	actual: ['实际完成值', '完成值', '实际值'],
	weight: ['分值', '权重'],
	score: ['得分'],
	reason: ['偏差原因分析及改进措施', '未完成原因分析', '偏差原因', '原因分析及改进措施'],
	core: ['是否核心指标']
};

/** The row that closes the indicator table. */
export const TOTAL_ROW: readonly string[] = ['总分', '合计', '自评总分', '总计'];

/** Closing rows under a form, and the matching headings of its report. */
export const CLOSING: Record<'conclusion' | 'problems' | 'improvements', readonly string[]> = {
	conclusion: ['评价结论', '自评结论', '总体评价'],
	problems: ['存在问题', '存在的问题', '偏离绩效目标的原因', '问题及原因'],
	improvements: ['改进措施', '改进意见', '整改措施']
};

/** Report titles: running text after them belongs to the form before. */
export const REPORT_TITLES: readonly string[] = ['绩效自评报告', '自评报告'];

/** Spending lines of the narrative: "工资福利支出1112.75万元". */
export const NARRATIVE_FUNDING: readonly {
	dimension: 'nature' | 'economic';
	item: string;
	words: readonly string[];
}[] = [
	{ dimension: 'nature', item: '基本支出', words: ['基本支出'] },
	{ dimension: 'nature', item: '项目支出', words: ['项目支出'] },
	{ dimension: 'economic', item: '工资福利支出', words: ['工资福利支出'] },
	{ dimension: 'economic', item: '商品和服务支出', words: ['商品和服务支出'] },
	{
		dimension: 'economic',
		item: '对个人和家庭的补助支出',
		words: ['对个人和家庭的补助支出', '对个人和家庭的补助']
	},
	{ dimension: 'economic', item: '资本性支出', words: ['资本性支出'] }
];

/** 一级 indicator names of the national templates (2021 adds 成本指标 as a 一级). */
export const LEVEL1_NAMES: readonly string[] = [
	'产出指标',
	'效益指标',
	'满意度指标',
	'成本指标',
	'绩效指标'
];

/** 二级 indicator names. */
export const LEVEL2_NAMES: readonly string[] = [
	'数量指标',
	'质量指标',
	'时效指标',
	'成本指标',
	'经济效益指标',
	'社会效益指标',
	'生态效益指标',
	'可持续影响指标',
	'服务对象满意度指标',
	'满意度指标',
	'经济成本指标',
	'社会成本指标',
	'生态环境成本指标'
];

/** Labels of the blocks that wrap in a narrow column: "项目资金" over "(万元)". */
const BLOCK_LABELS: readonly string[] = [
	'项目资金',
	'预算资金',
	'年度预算申请',
	'年度资金总额',
	'绩效指标',
	'年度总体目标',
	'年度总体目标完成情况',
	'年度绩效指标完成情况',
	'预算执行情况',
	'年度预算数',
	'项目基本情况'
];

const POINTS = /^[（(]\s*[\d.]*\s*(?:分|万元)\s*[）)]$/;

/**
 * True when a cell broken over two lines by a page's rendering ("经济效益" / "指标", "可持续影" /
 * "响指标", "满意度指标" / "(10分)") makes, joined, a heading the recogniser knows.
 */
function headingWords(): readonly string[] {
	return [
		...LEVEL1_NAMES,
		...LEVEL2_NAMES,
		...BLOCK_LABELS,
		...Object.values(INDICATOR_COLUMNS).flat(),
		...Object.values(BUDGET_COLUMNS).flat(),
		...Object.values(HEADER_FIELDS).flat(),
		...GOALS.planned,
		...GOALS.achieved
	];
}

/** True when the cell is a heading of the form (a column heading or a block label), ignoring "(A)", "(万元)". */
export function isHeadingWord(text: string): boolean {
	return headingWords().includes(text.replace(/[（(][^）)]*[）)]$/, '').replace(/[:：]$/, ''));
}

/** True when the cell labels a header field (主管部门, 项目名称 …), whose value follows it. */
export function isFieldLabel(text: string): boolean {
	const t = text.replace(/[（(][^）)]*[）)]$/, '').replace(/[:：]$/, '');
	return Object.values(HEADER_FIELDS).some((w) => w.includes(t));
}

export function joinsHeading(a: string, b: string): boolean {
	const words = headingWords();
	if (POINTS.test(b)) return [...LEVEL1_NAMES, ...BLOCK_LABELS].includes(a);
	const joined = a + b;
	return words.includes(joined);
}
