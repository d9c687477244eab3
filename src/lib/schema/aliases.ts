// Header variants seen in exported self-evaluation sheets, per table and column (beyond name, zh and en).
import type { TableName } from './types';

export const ALIASES: Partial<Record<TableName, Record<string, readonly string[]>>> = {
	units: {
		unit_id: ['单位编码', '单位代码'],
		name: ['单位名称', '预算单位', '预算部门名称', '部门名称', '预算部门'],
		short_name: ['单位简称'],
		region: ['行政区', '所在地区'],
		region_code: ['区划代码', '行政区划编码'],
		sector: ['行业', '领域', '所属领域'],
		parent_id: ['上级单位编号']
	},
	evaluations: {
		eval_id: ['表编号', '自评表ID'],
		unit_id: ['单位编码', '单位代码'],
		year: ['年度', '年份'],
		form: ['类型', '自评表类型'],
		project_name: ['项目支出名称', '项目'],
		budget_initial: ['年初预算'],
		budget_final: ['调整后预算数', '全年预算', '预算数', '调整后预算'],
		executed: ['预算执行数', '执行数', '全年执行'],
		exec_rate_reported: ['预算执行率'],
		exec_weight: ['执行率权重', '分值', '权重'],
		exec_score: ['执行率得分', '得分'],
		total_score: ['总分', '自评总分', '得分合计'],
		total_weight: ['总分值合计', '满分'],
		grade_reported: ['等级', '评价等级', '自评等级'],
		exec_reason: ['执行偏差原因', '预算执行偏差原因'],
		goal_planned: ['年度目标', '预期目标'],
		goal_achieved: ['实际完成情况', '年度目标完成情况'],
		source: ['来源', '公开网址', '网址'],
		provenance: ['数据性质']
	},
	funding: {
		item: ['资金项目', '科目'],
		dimension: ['维度', '分类']
	},
	indicators: {
		eval_id: ['表编号'],
		seq: ['序号', '行号'],
		level3: ['指标名称'],
		comparator: ['比较符', '指标方向'],
		target_text: ['指标值', '目标值', '年度目标值'],
		actual_text: ['完成值', '实际值', '实际完成'],
		unit: ['计量单位', '单位'],
		weight: ['权重', '分值'],
		deviation_reason: ['偏差原因分析及改进措施', '未完成原因分析', '偏差原因', '原因分析', '原因']
	},
	directions: {
		level3: ['指标名称', '三级指标名称'],
		comparator: ['比较符', '指标方向', '方向'],
		note: ['备注', '原因', '依据'],
		provenance: ['数据性质']
	},
	metrics: {
		metric: ['指标', '业务指标'],
		value: ['数值', '数量', '值'],
		year: ['年度', '年份']
	}
};
