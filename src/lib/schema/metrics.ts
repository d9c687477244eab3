// The metric dictionary: what each domain figure in the metrics table means, and which way is better.
import type { MetricDirection } from './tables';

export interface MetricDef {
	key: string;
	zh: string;
	en: string;
	unit: string;
	direction: MetricDirection;
	/** Sector the metric belongs to; null when any unit may carry it. */
	sector: string | null;
	/** Other words documents use for it; the document reader looks for zh and these before a number. */
	synonyms?: readonly string[];
	/** A case count of a discipline commission, charted together on the unit and trends pages. */
	caseFigure?: true;
}

/** The sector of discipline inspection commissions (纪委监委), whose case figures the views chart. */
export const DISCIPLINE_SECTOR = '纪检监察';
const DISCIPLINE = DISCIPLINE_SECTOR;

const DEFS = [
	{
		key: 'clues_handled',
		zh: '处置问题线索',
		synonyms: ['处置线索', '受理问题线索'],
		en: 'Clues handled',
		unit: '件',
		direction: 'neutral',
		sector: DISCIPLINE,
		caseFigure: true
	},
	{
		key: 'cases_filed',
		zh: '立案',
		synonyms: ['立案审查调查', '立案审查'],
		en: 'Cases filed',
		unit: '件',
		direction: 'neutral',
		sector: DISCIPLINE,
		caseFigure: true
	},
	{
		key: 'persons_disciplined',
		zh: '处分',
		synonyms: ['党纪政务处分', '给予党纪政务处分'],
		en: 'Persons disciplined',
		unit: '人',
		direction: 'neutral',
		sector: DISCIPLINE,
		caseFigure: true
	},
	{
		key: 'org_handling',
		zh: '组织处理',
		en: 'Organisational handling',
		unit: '人',
		direction: 'neutral',
		sector: DISCIPLINE,
		caseFigure: true
	},
	{
		key: 'detentions',
		zh: '留置',
		synonyms: ['采取留置措施'],
		en: 'Detentions (liuzhi)',
		unit: '人',
		direction: 'neutral',
		sector: DISCIPLINE,
		caseFigure: true
	},
	{
		key: 'losses_recovered',
		zh: '挽回经济损失',
		synonyms: ['挽回损失', '追缴违纪违法所得'],
		en: 'Losses recovered',
		unit: '万元',
		direction: 'higher',
		sector: DISCIPLINE
	},
	{
		key: 'education_handled',
		zh: '批评教育帮助和处理',
		en: 'Persons educated or handled',
		unit: '人',
		direction: 'neutral',
		sector: DISCIPLINE
	},
	{
		key: 'first_second_forms',
		zh: '第一、二种形态处理',
		en: 'Handled under forms 1–2',
		unit: '人',
		direction: 'neutral',
		sector: DISCIPLINE
	},
	{
		key: 'top_leaders_investigated',
		zh: '查处“一把手”',
		en: 'Top leaders investigated',
		unit: '人',
		direction: 'neutral',
		sector: DISCIPLINE
	},
	{
		key: 'supervision_letters',
		zh: '纪检监察建议书',
		en: 'Supervision recommendations issued',
		unit: '份',
		direction: 'neutral',
		sector: DISCIPLINE
	},
	{
		key: 'staff',
		zh: '在职人员',
		en: 'Staff',
		unit: '人',
		direction: 'neutral',
		sector: null,
		synonyms: ['在职职工', '在编人员']
	},
	{
		key: 'retirees',
		zh: '退休人员',
		synonyms: ['退休职工'],
		en: 'Retirees',
		unit: '人',
		direction: 'neutral',
		sector: null
	},
	{
		key: 'students_enrolled',
		zh: '在校学生',
		en: 'Students enrolled',
		unit: '人',
		direction: 'neutral',
		sector: '教育'
	},
	{
		key: 'reservoirs_maintained',
		zh: '维护水利工程',
		en: 'Water works maintained',
		unit: '处',
		direction: 'higher',
		sector: '水利'
	},
	{
		key: 'farmland_irrigated',
		zh: '新增灌溉面积',
		en: 'Irrigated land added',
		unit: '亩',
		direction: 'higher',
		sector: '水利'
	},
	{
		key: 'patients_served',
		zh: '诊疗人次',
		en: 'Patient visits',
		unit: '人次',
		direction: 'neutral',
		sector: '卫生健康'
	}
] as const satisfies readonly MetricDef[];

/** A key of the metric dictionary. */
export type MetricKey = (typeof DEFS)[number]['key'];

export const METRICS: readonly (MetricDef & { key: MetricKey })[] = DEFS;

const BY_KEY = new Map<string, MetricDef>(METRICS.map((m) => [m.key, m]));

/** The dictionary entry of a metric key, or undefined for a key the dictionary lacks. */
export function metricDef(key: string): MetricDef | undefined {
	return BY_KEY.get(key);
}

const CASES = METRICS.filter((m) => m.caseFigure);

/** The case figures (立案, 处分, 留置 …), in dictionary order. */
export const CASE_METRICS: readonly MetricKey[] = CASES.map((m) => m.key);

/** The units the case figures are counted in, as an axis names them: 件 / 人. */
export const CASE_UNITS = [...new Set(CASES.map((m) => m.unit))].join(' / ');
