// The data contract: every table and column of a Jixiao dataset, the one definition the rest derives from.
import { AUDIT_TABLES, DIRECTIONS } from './audit-tables';
import { SUMMARY_TABLES } from './summary-tables';
import { decimal, integer, measure, text } from './columns';
import { FORMS, PROVENANCES } from './form-kinds';
import { GRADES } from './grades';
import { msg, type Msg } from './msg';
import type { TableDef, TableName } from './types';

export { FORMS, PROVENANCES, type FormKind, type Provenance } from './form-kinds';

/**
 * Bump when a table or column changes shape; written into manifest.json. 1.3: flags name their
 * form's kind and project. 1.4: the indicators' status names its form (unit, year, kind, project,
 * provenance), and the recomputed scores list the rules that flagged the form.
 */
export const SCHEMA_VERSION = '1.4.0';
/** An indicator's comparator (指标性质) as printed or parsed. */
export const COMPARATORS = ['≥', '≤', '=', 'qualitative'] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const FUNDING_DIMENSIONS = ['source', 'revenue', 'nature', 'economic'] as const;
export type FundingDimension = (typeof FUNDING_DIMENSIONS)[number];
export const FUNDING_DIMENSION_LABEL: Record<FundingDimension, Msg> = {
	source: msg('资金来源', 'Source'),
	revenue: msg('按收入性质', 'By revenue'),
	nature: msg('按支出性质', 'By nature'),
	economic: msg('按经济分类', 'By economic class')
};
/** Which way a domain metric is better (metric_dictionary.direction). */
export const METRIC_DIRECTIONS = ['higher', 'lower', 'neutral'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
/** The tables whose values a trace row can point at. */
export const TRACED_TABLES = ['units', 'evaluations', 'funding', 'indicators', 'metrics'] as const;
export type TracedTable = (typeof TRACED_TABLES)[number];

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

const provenance = text(
	'provenance',
	'数据来源性质',
	'Provenance',
	'published: transcribed from a published document; synthetic: generated demo data, never shown as real',
	{ required: true, values: PROVENANCES, example: 'published', askDefault: true }
);

/** A column that points at a form. */
const evalRef = text('eval_id', '自评表编号', 'Evaluation ID', 'The form', {
	required: true,
	pattern: ID,
	references: { table: 'evaluations', column: 'eval_id' },
	example: '430212-jiwei-2023-dept'
});

export const units = {
	name: 'units',
	zh: '预算单位',
	en: 'Budget units',
	description: 'One row per budget unit (预算单位).',
	key: ['unit_id'],
	columns: [
		text('unit_id', '单位编号', 'Unit ID', 'Stable key, e.g. region code + slug', {
			required: true,
			pattern: ID,
			example: '430212-jiwei'
		}),
		text('name', '单位名称', 'Name', 'Full name as printed', {
			required: true,
			example: '中共株洲市渌口区纪律检查委员会'
		}),
		text('short_name', '简称', 'Short name', 'Short name used in charts', {
			example: '渌口区纪委监委'
		}),
		text('region', '地区', 'Region', 'Province, city, county', { example: '湖南省株洲市渌口区' }),
		text('region_code', '行政区划代码', 'Region code', '6-digit administrative division code', {
			pattern: /^\d{6}$/,
			example: '430212'
		}),
		text('sector', '行业领域', 'Sector', '纪检监察, 教育, 水利 …', { example: '纪检监察' }),
		text('parent_id', '主管部门编号', 'Parent unit ID', 'Supervising unit (主管部门), a unit_id', {
			pattern: ID,
			references: { table: 'units', column: 'unit_id' }
		}),
		provenance
	]
} as const satisfies TableDef;

export const evaluations = {
	name: 'evaluations',
	zh: '绩效自评表',
	en: 'Self-evaluation forms',
	description:
		'One row per self-evaluation form: a department form (部门整体) or a project form (项目支出).',
	key: ['eval_id'],
	columns: [
		text('eval_id', '自评表编号', 'Evaluation ID', 'Key of the form', {
			required: true,
			pattern: ID,
			example: '430212-jiwei-2023-dept'
		}),
		text('unit_id', '单位编号', 'Unit ID', 'The unit that filed the form', {
			required: true,
			pattern: ID,
			references: { table: 'units', column: 'unit_id' },
			example: '430212-jiwei'
		}),
		integer('year', '预算年度', 'Year', 'Budget year (预算年度)', {
			required: true,
			min: 1990,
			max: 2100,
			example: '2023'
		}),
		text('form', '表类型', 'Form', 'department (部门整体支出) or project (项目支出)', {
			required: true,
			values: FORMS,
			example: 'department'
		}),
		text(
			'project_name',
			'项目名称',
			'Project',
			'Project name as printed; required for project forms',
			{
				required: { when: 'form', equals: 'project' },
				example: '办案经费'
			}
		),
		...measure(
			'budget_initial',
			'年初预算数',
			'Initial budget',
			'Budget at the start of the year, 万元',
			{ quantity: 'money', min: 0, example: '1262.27' }
		),
		...measure('budget_final', '全年预算数', 'Final budget', 'Budget after adjustments (A), 万元', {
			quantity: 'money',
			min: 0,
			example: '1715.85'
		}),
		...measure('executed', '全年执行数', 'Executed', 'Money spent (B), 万元', {
			quantity: 'money',
			min: 0,
			example: '1715.85'
		}),
		...measure(
			'exec_rate_reported',
			'执行率',
			'Execution rate (printed)',
			'Execution rate as printed; 1 = 100%',
			{ quantity: 'rate', min: 0, example: '1' }
		),
		...measure(
			'exec_weight',
			'执行率分值',
			'Execution weight',
			'Weight (分值) of the execution rate',
			{ quantity: 'points', min: 0, example: '10' }
		),
		...measure(
			'exec_score',
			'执行率得分',
			'Execution score',
			'Score (得分) of the execution rate',
			{ quantity: 'points', min: 0, example: '10' }
		),
		...measure(
			'total_weight',
			'总分值',
			'Total weight',
			'Total of the weights as printed (100, or 90)',
			{ quantity: 'points', min: 0, example: '100' }
		),
		...measure('total_score', '自评得分', 'Total score', 'Self-assessed total score as printed', {
			quantity: 'points',
			min: 0,
			example: '95'
		}),
		text(
			'exec_reason',
			'执行率偏差原因',
			'Execution deviation reason',
			'Reason printed for an execution rate off target'
		),
		text('grade_reported', '自评等级', 'Grade (printed)', '优/良/中/差 if printed', {
			values: GRADES
		}),
		text('goal_planned', '预期目标', 'Planned goal', '年度总体目标: 预期目标'),
		text('goal_achieved', '实际完成情况', 'Achieved', '年度总体目标: 实际完成情况'),
		text('problems', '存在的问题', 'Problems', '存在的问题 from the report'),
		text('improvements', '改进措施', 'Improvements', '改进措施 from the report'),
		text('source', '公开来源', 'Source', 'Where the form was published (URL or document name)'),
		text(
			'notes',
			'录入说明',
			'Notes',
			'Transcription notes: how the printed form maps to these columns'
		),
		provenance
	]
} as const satisfies TableDef;

export const funding = {
	name: 'funding',
	zh: '资金构成',
	en: 'Funding split',
	description: 'Money split under a form, one row per printed sub-row (long form).',
	key: ['eval_id', 'dimension', 'item'],
	columns: [
		evalRef,
		text(
			'dimension',
			'分类维度',
			'Dimension',
			'source (资金来源), revenue (收入性质), nature (支出性质), economic (经济分类)',
			{ required: true, values: FUNDING_DIMENSIONS, example: 'economic' }
		),
		integer('seq', '序号', 'Order', 'Order on the form (sub-rows print in this order)', { min: 1 }),
		text('item', '项目', 'Item', 'The printed label of the sub-row', {
			required: true,
			example: '工资福利支出'
		}),
		...measure('budget_initial', '年初预算数', 'Initial budget', '万元', {
			quantity: 'money',
			min: 0
		}),
		...measure('budget_final', '全年预算数', 'Final budget', '万元', { quantity: 'money', min: 0 }),
		...measure('executed', '全年执行数', 'Executed', '万元', {
			quantity: 'money',
			min: 0,
			example: '1112.75'
		})
	]
} as const satisfies TableDef;

export const indicators = {
	name: 'indicators',
	zh: '绩效指标',
	en: 'Indicators',
	description: 'One row per level-3 indicator (三级指标) of a form, in the order printed.',
	key: ['eval_id', 'seq'],
	columns: [
		evalRef,
		integer('seq', '序号', 'Order', 'Order on the form, from 1', {
			required: true,
			min: 1,
			example: '1'
		}),
		text(
			'level1',
			'一级指标',
			'Level 1',
			'产出指标 / 效益指标 / 满意度指标; on every row of a form, or on none when the form prints a flat list under 指标名称',
			{
				allOrNone: 'eval_id',
				example: '产出指标'
			}
		),
		text('level2', '二级指标', 'Level 2', '数量指标, 质量指标, 成本指标 …', {
			example: '数量指标'
		}),
		text('level3', '三级指标', 'Level 3', 'The indicator', {
			required: true,
			example: '查处问题线索数'
		}),
		text(
			'comparator',
			'指标性质',
			'Comparator',
			'≥, ≤, =, or qualitative; empty when neither printed nor parsed',
			{
				values: COMPARATORS
			}
		),
		text('target_text', '年度指标值', 'Target (as printed)', 'Target exactly as printed', {
			example: '300个'
		}),
		decimal(
			'target_value',
			'指标值（数值）',
			'Target value',
			'Target parsed as a number; empty when not numeric',
			{
				printedIn: 'target_text',
				example: '300'
			}
		),
		text('actual_text', '实际完成值', 'Actual (as printed)', 'Actual exactly as printed', {
			example: '313个'
		}),
		decimal(
			'actual_value',
			'完成值（数值）',
			'Actual value',
			'Actual parsed as a number; empty when not numeric',
			{
				printedIn: 'actual_text',
				example: '313'
			}
		),
		text('unit', '度量单位', 'Unit of measure', '个, 件, %, 万元 …', { example: '个' }),
		decimal('weight', '分值', 'Weight', 'Weight (分值/权重)', {
			quantity: 'points',
			min: 0,
			example: '10'
		}),
		decimal('score', '得分', 'Score', 'Score (得分)', {
			quantity: 'points',
			min: 0,
			example: '10'
		}),
		text('deviation_reason', '偏差原因分析', 'Deviation reason', '偏差原因分析及改进措施')
	]
} as const satisfies TableDef;

export const metrics = {
	name: 'metrics',
	zh: '业务数据',
	en: 'Domain metrics',
	description: 'Domain figures per unit and year (long form), keyed by the metric dictionary.',
	key: ['unit_id', 'year', 'metric'],
	columns: [
		text('unit_id', '单位编号', 'Unit ID', 'The unit', {
			required: true,
			pattern: ID,
			references: { table: 'units', column: 'unit_id' },
			example: '430212-jiwei'
		}),
		integer('year', '年度', 'Year', 'Year the figure is for', {
			required: true,
			min: 1990,
			max: 2100,
			example: '2023'
		}),
		text('metric', '指标键', 'Metric', 'Key from the metric dictionary', {
			required: true,
			references: { table: 'metric_dictionary', column: 'key' },
			example: 'cases_filed'
		}),
		...measure('value', '数值', 'Value', 'The figure, in the unit of the metric', {
			required: true,
			example: '130'
		}),
		text('source', '出处', 'Source', 'Where the figure was read (table, narrative)')
	]
} as const satisfies TableDef;

/**
 * A publisher's statement of which way an indicator is scored, written once for every form that prints
 * the indicator without a comparator: the audit uses it where it would otherwise infer the direction
 * from the group, and a comparator printed on the form still wins.
 */
export const directions = {
	name: 'directions',
	zh: '指标方向',
	en: 'Indicator directions',
	description:
		'Optional. One row per indicator name (and scope) whose direction the publisher sets: the audit scores every matching indicator that prints no comparator (neither in 指标性质 nor in the target) by it, instead of inferring it from the group. A printed comparator always wins; one that disagrees is flagged. A row applies to forms of its own provenance (a synthetic direction never changes how published forms are audited). Rows that could match one indicator with different comparators are refused.',
	key: ['level3', 'level2', 'unit_id', 'year', 'provenance'],
	agree: {
		match: ['level3', 'provenance'],
		scope: ['level2', 'unit_id', 'year'],
		value: 'comparator'
	},
	columns: [
		text(
			'level3',
			'三级指标',
			'Level 3',
			'The indicator name exactly as printed (level3 of indicators)',
			{
				required: true,
				example: '工作投入成本'
			}
		),
		text(
			'level2',
			'二级指标',
			'Level 2',
			'Only indicators under this level-2 group (as printed); empty for any group',
			{ example: '成本指标' }
		),
		text('unit_id', '单位编号', 'Unit ID', "Only this unit's forms; empty for every unit", {
			pattern: ID,
			references: { table: 'units', column: 'unit_id' }
		}),
		integer('year', '预算年度', 'Year', 'Only forms of this year; empty for every year', {
			min: 1990,
			max: 2100
		}),
		text(
			'comparator',
			'指标性质',
			'Comparator',
			'≥ higher is better, ≤ lower is better, = equal to the target',
			{ required: true, values: DIRECTIONS, example: '≤' }
		),
		text('note', '说明', 'Note', 'Why: shown beside every indicator the direction is applied to', {
			example: '成本指标：实际支出不超过预算为好'
		}),
		provenance
	]
} as const satisfies TableDef;

/** Where each value read from a document was printed: one row per value, so a figure leads back to its cell or sentence. */
export const trace = {
	name: 'trace',
	zh: '数值出处',
	en: 'Value trace',
	description:
		'For values read from a published document (npm run read, or a document dropped on /data/): the document, the place in it, and the text exactly as printed.',
	key: ['table_name', 'row_key', 'column_name'],
	columns: [
		text('table_name', '所在表', 'Table', 'The table the value is in', {
			required: true,
			values: TRACED_TABLES,
			example: 'indicators'
		}),
		text('row_key', '行键', 'Row key', "The row's key values joined with |", {
			required: true,
			example: '430212-jiwei-2023-dept|1'
		}),
		text('column_name', '列名', 'Column', 'The column the value is in', {
			required: true,
			example: 'target_text'
		}),
		text(
			'printed',
			'原文',
			'Printed text',
			'The text exactly as the document prints it, layout included',
			{
				example: '300个'
			}
		),
		text('file', '文件', 'File', 'The document the value was read from', {
			required: true,
			example: 'hunan-zhuzhou-lukou-jiwei-2023.txt'
		}),
		text('part', '表格或工作表', 'Table or sheet', 'Table number in the document, or sheet name', {
			example: '1'
		}),
		integer('page', '页', 'Page', 'PDF page (1-based)', { min: 1, max: 100000 }),
		integer('row', '行号', 'Row', 'Row in the table (1-based)', { min: 1, max: 10000000 }),
		integer('col', '列号', 'Column number', 'Column in the table (1-based)', {
			min: 1,
			max: 100000
		}),
		integer(
			'paragraph',
			'段',
			'Paragraph',
			'Paragraph of running text in a web page or Word file (1-based)',
			{
				min: 1,
				max: 100000000
			}
		),
		integer('line', '起始行', 'First line', 'First line in a text document (1-based)', {
			min: 1,
			max: 100000000
		}),
		integer('line_end', '结束行', 'Last line', 'Last line in a text document', {
			min: 1,
			max: 100000000
		}),
		text('context', '上下文', 'Context', 'The heading or sentence the value was read from', {
			example: '共处置问题线索313件，立案130件'
		})
	]
} as const satisfies TableDef;

export const metricDictionary = {
	name: 'metric_dictionary',
	zh: '业务指标字典',
	en: 'Metric dictionary',
	description: 'What each metric key means; generated from src/lib/schema/metrics.ts.',
	key: ['key'],
	columns: [
		text('key', '指标键', 'Key', 'Stable key', { required: true, pattern: /^[a-z][a-z0-9_]*$/ }),
		text('zh', '中文名称', 'Chinese label', 'Label in Chinese', { required: true }),
		text('en', '英文名称', 'English label', 'Label in English', { required: true }),
		text('unit', '单位', 'Unit', 'Unit of the value (件, 人, 万元 …)', { required: true }),
		text('direction', '方向', 'Direction', 'higher, lower or neutral: which way is better', {
			required: true,
			values: METRIC_DIRECTIONS
		}),
		text('sector', '行业领域', 'Sector', 'Sector the metric belongs to; empty for any')
	]
} as const satisfies TableDef;

/** All tables, in load order (referenced tables first; the derived tables last: the audit's, then the summaries of it). */
export const TABLES: readonly TableDef[] = [
	metricDictionary,
	units,
	evaluations,
	funding,
	indicators,
	metrics,
	directions,
	trace,
	...AUDIT_TABLES,
	...SUMMARY_TABLES
];

/** Tables a data folder provides as CSV files (the dictionary comes from code). */
export const DATA_TABLES: readonly TableDef[] = [
	units,
	evaluations,
	funding,
	indicators,
	metrics,
	directions,
	trace
];

export function table(name: TableName): TableDef {
	const t = TABLES.find((x) => x.name === name);
	if (!t) throw new Error(`unknown table ${name}`);
	return t;
}
