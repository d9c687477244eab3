// Summaries derived from the forms and their audit by SQL (src/lib/queries/summary.ts): small tables the views across units read instead of every form.
import { decimal, integer, text } from './columns';
import type { TableDef } from './types';

const count = (name: string, zh: string, en: string, description: string) =>
	integer(name, zh, en, description, { required: true });

/**
 * One row per unit and year with forms: counts over all its forms, and its department form's
 * figures (summed in eval_id order over its department forms, of which a unit files one).
 */
export const unitYears = {
	name: 'unit_years',
	zh: '单位年度汇总',
	en: 'Unit-year summary',
	description:
		'One row per unit and year with forms: how many forms of each kind, flags and inflated or low-execution forms, and the department form’s budget, execution and scores. Derived from evaluations and the audit, so the overview, trends and regions read one small row per unit-year instead of every form.',
	key: ['unit_id', 'year'],
	derived: true,
	columns: [
		text('unit_id', '单位编号', 'Unit ID', 'The unit', { required: true }),
		integer('year', '预算年度', 'Year', 'Budget year', { required: true }),
		count('forms', '自评表数', 'Forms', 'Forms of either kind'),
		count(
			'department_forms',
			'部门整体表数',
			'Department forms',
			'Department forms (normally one)'
		),
		count('project_forms', '项目表数', 'Project forms', 'Project forms'),
		count('synthetic_forms', '合成表数', 'Synthetic forms', 'Forms of synthetic provenance'),
		count('published_forms', '公开表数', 'Published forms', 'Forms of published provenance'),
		count(
			'low_exec_forms',
			'执行率低于90%表数',
			'Forms below 90%',
			'Forms of either kind whose executed ÷ final budget is below 90%'
		),
		count(
			'low_exec_department',
			'部门表执行率低于90%',
			'Department forms below 90%',
			'Department forms whose executed ÷ final budget is below 90%'
		),
		count('flags', '疑点数', 'Flags', 'Audit flags on the unit’s forms of the year'),
		count(
			'inflated_forms',
			'自评偏高表数',
			'Inflated forms',
			'Forms whose self-score is 5 or more points (of 100) above the recomputed score'
		),
		text(
			'provenance',
			'数据来源性质',
			'Provenance',
			'The department forms’ provenance: synthetic when any of them is, else published'
		),
		decimal(
			'budget_final',
			'全年预算数（万元）',
			'Final budget (10k CNY)',
			'Department forms’ final budget, summed',
			{
				quantity: 'money'
			}
		),
		decimal(
			'executed',
			'全年执行数（万元）',
			'Executed (10k CNY)',
			'Department forms’ executed amount, summed',
			{
				quantity: 'money'
			}
		),
		decimal(
			'rated_budget',
			'可算执行率的预算数',
			'Budget with execution',
			'Final budget of the department forms that give both a final budget above 0 and executed, summed (the execution rate’s base)',
			{ quantity: 'money' }
		),
		decimal(
			'rated_executed',
			'可算执行率的执行数',
			'Executed with budget',
			'Executed amount of those same department forms, summed',
			{ quantity: 'money' }
		),
		decimal('total_score', '自评得分', 'Self-score', 'Department forms’ total self-score, summed', {
			quantity: 'points'
		}),
		decimal('total_weight', '总分值', 'Total weight', 'Department forms’ total weight, summed', {
			quantity: 'points'
		}),
		integer(
			'complete',
			'数据完整',
			'Complete',
			'1 when every department form gives a final budget, executed and a score, and the budget and weight sums are above 0 (the like-for-like KPIs count only these); else 0'
		),
		decimal(
			'recomputed_pct',
			'重算得分（百分制）',
			'Recomputed (of 100)',
			'The department form’s recomputed score, of 100 (the audit’s); empty when the unit filed more than one that year'
		),
		decimal(
			'gap_pct',
			'自评偏高（百分制）',
			'Inflation (of 100)',
			'The department form’s self-score minus its recomputed score, in points of 100; empty when the unit filed more than one that year'
		)
	]
} as const satisfies TableDef;

/** One row per year with forms: the year list every view offers, small enough for the base partition. */
export const yearTotals = {
	name: 'year_totals',
	zh: '年度汇总',
	en: 'Year totals',
	description:
		'One row per year with forms: how many forms and units. Derived from unit_years, so every page can list the years without loading any year.',
	key: ['year'],
	derived: true,
	columns: [
		integer('year', '预算年度', 'Year', 'Budget year', { required: true }),
		count('forms', '自评表数', 'Forms', 'Forms of either kind'),
		count('units', '单位数', 'Units', 'Units with a form in the year')
	]
} as const satisfies TableDef;

export const SUMMARY_TABLES = [unitYears, yearTotals] as const;
