// What the synthetic units look like: sectors, their project names and indicator templates, shaped like real forms.
import { DISCIPLINE_SECTOR, type MetricKey } from '../schema';

export type IndicatorKind = 'count' | 'percent' | 'money' | 'zero' | 'deadline' | 'qualitative';

export interface IndicatorTemplate {
	level1: '产出指标' | '效益指标' | '满意度指标';
	level2: string;
	level3: string;
	kind: IndicatorKind;
	/** For money: lower is better (cost). How the demo shapes a target, not a schema value (the audit's are ≥ ≤ =). */
	direction: 'higher' | 'lower';
	unit: string;
	/** Typical target: count relative to the unit's size, percent in %, money in 万元 relative to budget. */
	base: number;
}

export interface SectorTemplate {
	sector: string;
	slug: string;
	/** Unit name pattern: {place} is the fictional district. */
	fullName: string;
	shortName: string;
	/** Median department budget in 万元. */
	budgetMedian: number;
	projects: readonly string[];
	indicators: readonly IndicatorTemplate[];
	metrics: readonly MetricKey[];
}

const I = (
	level1: IndicatorTemplate['level1'],
	level2: string,
	level3: string,
	kind: IndicatorKind,
	unit = '',
	base = 0,
	direction: 'higher' | 'lower' = 'higher'
): IndicatorTemplate => ({ level1, level2, level3, kind, unit, base, direction });

const SHARED_TAIL = [
	I('效益指标', '社会效益指标', '人民群众的拥护支持', 'qualitative'),
	I('效益指标', '可持续影响指标', '案件的三效果统一', 'qualitative'),
	I('满意度指标', '服务对象满意度指标', '群众满意度', 'percent', '%', 95)
];

export const SECTORS: readonly SectorTemplate[] = [
	{
		sector: DISCIPLINE_SECTOR,
		slug: 'jiwei',
		fullName: '中共{place}纪律检查委员会',
		shortName: '{district}纪委监委',
		budgetMedian: 1300,
		projects: ['办案经费', '乡镇纪委工作经费', '巡察工作经费', '廉政教育经费', '信息化建设经费'],
		indicators: [
			I('产出指标', '数量指标', '查处问题线索数', 'count', '个', 4),
			I('产出指标', '数量指标', '开展监督检查次数', 'count', '次', 0.8),
			I('产出指标', '质量指标', '无不合格案件', 'zero'),
			I('产出指标', '质量指标', '案件审理合格率', 'percent', '%', 95),
			I('产出指标', '时效指标', '按时办理各类案件', 'deadline'),
			I('产出指标', '成本指标', '工作投入成本', 'money', '万元', 1, 'lower'),
			I('效益指标', '经济效益指标', '挽回经济损失', 'money', '万元', 1.2),
			I('效益指标', '生态效益指标', '风清气正的社会环境', 'qualitative'),
			...SHARED_TAIL
		],
		metrics: [
			'clues_handled',
			'cases_filed',
			'persons_disciplined',
			'org_handling',
			'detentions',
			'losses_recovered',
			'staff',
			'retirees'
		]
	},
	{
		sector: '教育',
		slug: 'jyj',
		fullName: '{place}教育局',
		shortName: '{district}教育局',
		budgetMedian: 9000,
		projects: ['学生资助资金', '校舍维修改造', '教师培训经费', '营养改善计划'],
		indicators: [
			I('产出指标', '数量指标', '资助学生人数', 'count', '人', 30),
			I('产出指标', '数量指标', '维修校舍面积', 'count', '平方米', 40),
			I('产出指标', '质量指标', '工程验收合格率', 'percent', '%', 100),
			I('产出指标', '时效指标', '资金按时发放', 'deadline'),
			I('产出指标', '成本指标', '项目成本控制', 'money', '万元', 1, 'lower'),
			I('效益指标', '社会效益指标', '适龄儿童入学率', 'percent', '%', 99),
			I('效益指标', '可持续影响指标', '办学条件持续改善', 'qualitative'),
			I('满意度指标', '服务对象满意度指标', '学生及家长满意度', 'percent', '%', 90)
		],
		metrics: ['students_enrolled', 'staff', 'retirees']
	},
	{
		sector: '水利',
		slug: 'slj',
		fullName: '{place}水利局',
		shortName: '{district}水利局',
		budgetMedian: 4000,
		projects: ['农村饮水安全巩固提升', '小型水库维修养护', '河道清淤整治', '防汛抗旱经费'],
		indicators: [
			I('产出指标', '数量指标', '维修养护水利工程', 'count', '处', 0.5),
			I('产出指标', '数量指标', '新增灌溉面积', 'count', '亩', 60),
			I('产出指标', '质量指标', '工程验收合格率', 'percent', '%', 100),
			I('产出指标', '时效指标', '汛前完工', 'deadline'),
			I('产出指标', '成本指标', '工程建设成本', 'money', '万元', 1, 'lower'),
			I('效益指标', '经济效益指标', '减少洪涝灾害损失', 'qualitative'),
			I('效益指标', '生态效益指标', '水生态环境改善', 'qualitative'),
			I('满意度指标', '服务对象满意度指标', '受益群众满意度', 'percent', '%', 90)
		],
		metrics: ['reservoirs_maintained', 'farmland_irrigated', 'staff', 'retirees']
	},
	{
		sector: '卫生健康',
		slug: 'wjw',
		fullName: '{place}卫生健康委员会',
		shortName: '{district}卫健委',
		budgetMedian: 6000,
		projects: ['基本公共卫生服务', '疾病预防控制', '基层医疗机构能力建设'],
		indicators: [
			I('产出指标', '数量指标', '建立居民健康档案', 'count', '份', 200),
			I('产出指标', '数量指标', '开展健康教育活动', 'count', '次', 1.5),
			I('产出指标', '质量指标', '适龄儿童疫苗接种率', 'percent', '%', 90),
			I('产出指标', '时效指标', '按时完成年度任务', 'deadline'),
			I('产出指标', '成本指标', '项目成本控制', 'money', '万元', 1, 'lower'),
			I('效益指标', '社会效益指标', '居民健康素养水平', 'percent', '%', 25),
			I('效益指标', '可持续影响指标', '公共卫生服务长效机制', 'qualitative'),
			I('满意度指标', '服务对象满意度指标', '居民满意度', 'percent', '%', 85)
		],
		metrics: ['patients_served', 'staff', 'retirees']
	}
];

/** Fictional places: the province name itself says so, and region codes start with 99 (no real province). */
export const PROVINCE = '虚构省';
export const CITIES = [
	'望川市',
	'青岚市',
	'雁回市',
	'栖霞岭市',
	'澄月市',
	'苍梧野市',
	'临溪市',
	'白榆市',
	'星桥市',
	'云岫市'
];
export const DISTRICT_FIRST = [
	'青',
	'白',
	'云',
	'望',
	'澄',
	'栖',
	'临',
	'雁',
	'星',
	'翠',
	'苍',
	'鹿',
	'烟',
	'霁',
	'杏',
	'枫',
	'岚',
	'汀',
	'芷',
	'澜'
];
export const DISTRICT_SECOND = [
	'岚',
	'榆',
	'溪',
	'川',
	'岫',
	'汀',
	'湄',
	'屿',
	'桥',
	'坞',
	'湾',
	'峪',
	'垣',
	'渚',
	'畈',
	'塬',
	'墅',
	'埠',
	'涧',
	'坪'
];
export const DISTRICT_SUFFIX = ['区', '县'];
