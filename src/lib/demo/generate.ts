// Deterministic synthetic demo dataset: fictional units × years with forms, indicators, funding and metrics.
import {
	gradeOf,
	metricDef,
	table as tableDef,
	type DataTableName,
	type FormKind,
	type FundingDimension,
	type RuleId
} from '../schema';
import type { Cell } from '../export/csv';
import { parseValue } from '../normalize/value';
import { Random, round } from './random';
import {
	CITIES,
	DISTRICT_FIRST,
	DISTRICT_SECOND,
	DISTRICT_SUFFIX,
	PROVINCE,
	SECTORS,
	type IndicatorTemplate,
	type SectorTemplate
} from './templates';

export interface DemoOptions {
	seed: number;
	units: number;
	firstYear: number;
	lastYear: number;
}

export const DEFAULT_DEMO: DemoOptions = {
	seed: 20231,
	units: 40,
	firstYear: 2016,
	lastYear: 2025
};

/** An inconsistency the generator put in on purpose, so the audit can be checked against it. */
export interface Planted {
	/** Every rule but cost_exceeds_spending, which the demo's forms never break. */
	kind: Exclude<RuleId, 'cost_exceeds_spending'>;
	unit_id: string;
	eval_id: string | null;
	seq: number | null;
}

type Row = Record<string, Cell>;

export interface DemoDataset {
	/** The dataset's tables (the publisher's directions among them); synthetic data has no documents, so no trace. */
	tables: Record<Exclude<DataTableName, 'trace'>, Row[]>;
	planted: Planted[];
}

interface DemoUnit {
	id: string;
	sector: SectorTemplate;
	/** Size multiplier around the sector median. */
	size: number;
	firstYear: number;
	/** Tendencies: these make units differ in a way an audit can see. */
	inflates: boolean;
	lowTargets: boolean;
	staticTargets: boolean;
	qualitativeHeavy: boolean;
	printsComparator: boolean;
	fusesUnit: boolean;
	projects: string[];
}

interface FormSpec {
	form: FormKind;
	name: string | null;
	amount: number;
	suffix: string;
}

const fmt = (n: number) => String(round(n, 2));

/** Counties a city may number: two digits of a real administrative code (01–99). */
const COUNTIES_PER_CITY = 99;
/** Discipline commissions a city holds on average as the demo grows: room to spare under 99 counties. */
const COMMISSIONS_PER_CITY = 66;

/**
 * The cities of a demo of `units` units: the ten named ones, and more (named from the district
 * syllables) when three in four units are discipline commissions, one per county, and a city
 * numbers at most 99 counties. Up to 880 units the ten cities suffice, so the draws do not change.
 */
export function demoCities(units: number): string[] {
	const need = Math.max(CITIES.length, Math.ceil((units * 0.75) / COMMISSIONS_PER_CITY));
	const out = [...CITIES];
	for (const a of DISTRICT_FIRST)
		for (const b of DISTRICT_SECOND) {
			if (out.length >= need) return out;
			const name = `${a}${b}市`;
			if (a !== b && !out.includes(name)) out.push(name);
		}
	if (out.length < need)
		throw new Error(`the demo has names for ${out.length} cities, not ${need}`);
	return out;
}

function makeUnits(rng: Random, opts: DemoOptions): { units: DemoUnit[]; rows: Row[] } {
	const units: DemoUnit[] = [];
	const rows: Row[] = [];
	const used = new Set<string>();
	const cities = demoCities(opts.units);
	// Region codes as real ones nest: province 99, city 99CC, county 99CCDD where DD numbers the
	// city's districts in order of first appearance (no random draw: the other values stay as they were).
	const countyCode = new Map<string, string>();
	const countiesOf = new Map<number, number>();
	for (let i = 0; i < opts.units; i++) {
		// About three in four units are discipline commissions; the rest other sectors.
		const sector = i % 4 === 3 ? SECTORS[1 + ((i >> 2) % (SECTORS.length - 1))] : SECTORS[0];
		let cityIdx = 0;
		let district = '';
		let place = '';
		do {
			cityIdx = rng.int(0, cities.length - 1);
			district = rng.pick(DISTRICT_FIRST) + rng.pick(DISTRICT_SECOND) + rng.pick(DISTRICT_SUFFIX);
			place = `${cities[cityIdx]}${district}`;
		} while (
			district[0] === district[1] ||
			used.has(place + sector.slug) ||
			// A city with 99 counties takes no new one (never the case below 880 units).
			(!countyCode.has(place) && (countiesOf.get(cityIdx) ?? 0) >= COUNTIES_PER_CITY)
		);
		used.add(place + sector.slug);
		const city = `99${String(cityIdx + 1).padStart(2, '0')}`;
		let code = countyCode.get(place);
		if (code === undefined) {
			const n = (countiesOf.get(cityIdx) ?? 0) + 1;
			countiesOf.set(cityIdx, n);
			code = `${city}${String(n).padStart(2, '0')}`;
			countyCode.set(place, code);
		}
		// The id keeps the number it has always had (links and tests name units by it): the unit's
		// index, not its county.
		const id = `${city}${String((i % 99) + 1).padStart(2, '0')}-${sector.slug}-${i + 1}`;
		const projects = rng
			.shuffle(sector.projects)
			.slice(0, rng.int(2, Math.min(4, sector.projects.length)));
		const inflates = rng.chance(0.25);
		const lowTargets = rng.chance(0.08);
		const staticTargets = rng.chance(0.1);
		const qualitativeHeavy = rng.chance(0.06);
		units.push({
			id,
			sector,
			size: rng.logNormal(1, 0.45),
			firstYear: rng.chance(0.1) ? opts.firstYear + rng.int(1, 3) : opts.firstYear,
			inflates,
			// A unit whose indicators are all qualitative has no numeric targets to be low or static.
			lowTargets: lowTargets && !qualitativeHeavy,
			staticTargets: staticTargets && !qualitativeHeavy,
			qualitativeHeavy,
			printsComparator: rng.chance(0.3),
			fusesUnit: rng.chance(0.6),
			projects
		});
		rows.push({
			unit_id: id,
			name: sector.fullName.replace('{place}', `${PROVINCE}${place}`),
			short_name: sector.shortName.replace('{district}', district),
			region: `${PROVINCE}${place}`,
			region_code: code,
			sector: sector.sector,
			parent_id: null,
			provenance: 'synthetic'
		});
	}
	return { units, rows };
}

interface FormContext {
	rng: Random;
	unit: DemoUnit;
	year: number;
	evalId: string;
	form: FormKind;
	budgetInitial: number;
	budgetFinal: number;
	executed: number;
	/** Targets carried over from the previous year (static-target units print the same ones). */
	lastTargets: Map<string, number>;
	planted: Planted[];
}

function printed(
	value: number,
	t: IndicatorTemplate,
	unit: DemoUnit,
	comparator: string | null
): string {
	const v = t.kind === 'money' ? fmt(value) : String(round(value, t.kind === 'percent' ? 1 : 0));
	const u = t.unit === '万元' ? (unit.fusesUnit ? '万元' : '万') : t.unit;
	if (!unit.fusesUnit && !unit.printsComparator) return v;
	if (t.kind === 'percent' && comparator === '≥' && !unit.printsComparator) return `${v}%以上`;
	return `${comparator && !unit.printsComparator ? comparator : ''}${v}${u}`;
}

/** Indicator rows of one form, with scores per the national rules unless an inconsistency is planted. */
function makeIndicators(ctx: FormContext): { rows: Row[]; sum: number; weights: number } {
	const { rng, unit } = ctx;
	const all = unit.sector.indicators;
	const picked = all.filter((t) =>
		ctx.form === 'department'
			? true
			: t.level2 !== '数量指标' || t === all.find((x) => x.level2 === '数量指标')
	);
	const byLevel1 = (l: string) => picked.filter((t) => t.level1 === l);
	const budgetWeights: [string, number][] = [
		['产出指标', 50],
		['效益指标', 30],
		['满意度指标', 10]
	];
	const rows: Row[] = [];
	let seq = 0;
	let sum = 0;
	let weights = 0;
	for (const [level1, total] of budgetWeights) {
		const group = byLevel1(level1);
		const each = Math.floor(total / group.length);
		group.forEach((t, gi) => {
			seq++;
			const weight = gi === group.length - 1 ? total - each * (group.length - 1) : each;
			const qualitative =
				t.kind === 'qualitative' ||
				(unit.qualitativeHeavy && t.kind !== 'deadline' && t.kind !== 'zero');
			const key = `${ctx.form}|${t.level3}`;
			let row: Row;
			let met = true;
			let score = weight;
			if (qualitative) {
				score = rng.chance(0.85) ? weight : round(weight * rng.uniform(0.8, 0.95), 1);
				row = {
					comparator: 'qualitative',
					target_text: rng.pick(['定性', '定性指标', '达成预期指标']),
					actual_text: rng.pick(['完成', '好', '达成预期指标', ''])
				};
				met = score === weight;
			} else if (t.kind === 'deadline') {
				row = {
					comparator: 'qualitative',
					target_text: rng.pick(['在审批时限内办结', '按时完成', '12月底前']),
					actual_text: '完成'
				};
			} else if (t.kind === 'zero') {
				row = {
					comparator: unit.printsComparator ? '=' : null,
					target_text: '0',
					target_value: 0,
					actual_text: '0',
					actual_value: 0
				};
			} else {
				const comparator = t.direction === 'lower' ? '≤' : '≥';
				let target: number;
				if (t.kind === 'money' && t.direction === 'lower')
					target = ctx.budgetInitial * rng.uniform(0.95, 1.02);
				else if (t.kind === 'money')
					target = round(ctx.budgetFinal * t.base * rng.uniform(0.5, 1.5), 0);
				else if (t.kind === 'percent') target = t.base;
				else
					target = Math.max(
						1,
						Math.round(unit.size * t.base * 100 * rng.uniform(0.8, 1.2)) /
							(ctx.form === 'project' ? 3 : 1)
					);
				target =
					t.kind === 'money' && t.direction === 'lower' ? round(target, 2) : Math.round(target);
				const prev = ctx.lastTargets.get(key);
				if (
					unit.staticTargets &&
					prev !== undefined &&
					t.kind !== 'percent' &&
					t.direction !== 'lower'
				)
					target = prev;
				ctx.lastTargets.set(key, target);
				let actual: number;
				if (t.direction === 'lower') {
					actual =
						t.kind === 'money'
							? ctx.executed * (ctx.form === 'project' ? 1 : 1)
							: target * rng.uniform(0.9, 1.05);
					met = actual <= target;
				} else {
					const ratio = unit.lowTargets
						? rng.uniform(1.6, 2.8)
						: rng.chance(0.12)
							? rng.uniform(0.7, 0.99)
							: rng.uniform(1.0, 1.25);
					actual =
						t.kind === 'percent'
							? Math.min(100, round(target * Math.min(ratio, 100 / target + 0.001), 1))
							: Math.round(target * ratio);
					if (t.kind === 'money') actual = round(target * ratio, 2);
					met = actual >= target;
				}
				if (!met) {
					const raw =
						t.direction === 'lower'
							? Math.max(0, (1 - (actual - target) / target) * weight)
							: (actual / target) * weight;
					score = round(Math.min(raw, weight), 1);
					if (score === weight) score = round(weight - 0.1, 1);
				}
				row = {
					comparator: unit.printsComparator
						? comparator
						: t.kind === 'percent' && unit.fusesUnit
							? '≥'
							: null,
					target_text: printed(target, t, unit, comparator),
					target_value: target,
					actual_text: printed(actual, t, unit, null),
					actual_value: actual,
					unit: t.unit || null
				};
			}
			if (!met && unit.inflates && !qualitative) {
				score = weight;
				ctx.planted.push({
					kind: 'full_marks_on_miss',
					unit_id: unit.id,
					eval_id: ctx.evalId,
					seq
				});
			} else if (met && !qualitative && t.kind !== 'deadline' && rng.chance(0.005)) {
				score = weight - 1;
				ctx.planted.push({
					kind: 'deduction_when_met',
					unit_id: unit.id,
					eval_id: ctx.evalId,
					seq
				});
			} else if (met && !qualitative && t.kind !== 'deadline' && rng.chance(0.0015)) {
				score = weight + 2;
				ctx.planted.push({
					kind: 'score_above_weight',
					unit_id: unit.id,
					eval_id: ctx.evalId,
					seq
				});
			}
			const reason =
				score < weight || !met
					? rng.chance(0.8)
						? rng.pick([
								'部分工作延至下年完成',
								'受客观因素影响未达预期',
								'下一步将加强进度管理',
								'目标设定偏高，下年调整'
							])
						: null
					: null;
			rows.push({
				eval_id: ctx.evalId,
				seq,
				level1,
				level2: t.level2,
				level3: t.level3,
				comparator: null,
				target_text: null,
				target_value: null,
				actual_text: null,
				actual_value: null,
				unit: null,
				...row,
				weight,
				score,
				deviation_reason: reason
			});
			sum += score;
			weights += weight;
		});
	}
	return { rows, sum: round(sum, 2), weights };
}

export function generateDemo(options: Partial<DemoOptions> = {}): DemoDataset {
	const opts = { ...DEFAULT_DEMO, ...options };
	const rng = new Random(opts.seed);
	const { units, rows: unitRows } = makeUnits(rng, opts);
	const evaluations: Row[] = [];
	const funding: Row[] = [];
	const indicators: Row[] = [];
	const metrics: Row[] = [];
	const planted: Planted[] = [];

	for (const unit of units) {
		for (const kind of ['static_targets', 'low_targets', 'qualitative_heavy'] as const) {
			const on =
				kind === 'static_targets'
					? unit.staticTargets
					: kind === 'low_targets'
						? unit.lowTargets
						: unit.qualitativeHeavy;
			if (on) planted.push({ kind, unit_id: unit.id, eval_id: null, seq: null });
		}
		const lastTargets = new Map<string, number>();
		let budget = unit.sector.budgetMedian * unit.size * rng.uniform(0.8, 1.1);
		let activity = unit.size * rng.uniform(0.8, 1.2);
		for (let year = unit.firstYear; year <= opts.lastYear; year++) {
			// Budgets grow a few percent a year; the 2018 supervision reform enlarged discipline commissions.
			const growth =
				1 +
				rng.normal(0.05, 0.04) +
				(year === 2018 && unit.sector.slug === 'jiwei' ? 0.2 : 0) -
				(year === 2020 ? 0.04 : 0);
			budget *= growth;
			activity *=
				1 + rng.normal(0.04, 0.06) + (year === 2018 && unit.sector.slug === 'jiwei' ? 0.25 : 0);
			const forms: FormSpec[] = [
				{ form: 'department', name: null, amount: budget, suffix: 'dept' },
				...unit.projects.map((name): FormSpec => ({
					form: 'project',
					name,
					amount: budget * rng.uniform(0.01, 0.08),
					suffix: `p${String(unit.projects.indexOf(name) + 1).padStart(2, '0')}`
				}))
			];
			const projectFinalTotal = { value: 0 };
			const projectExecTotal = { value: 0 };
			for (const f of forms) {
				const evalId = `${unit.id}-${year}-${f.suffix}`;
				const budgetInitial = round(f.amount, 2);
				let budgetFinal = round(budgetInitial * (1 + Math.max(-0.2, rng.normal(0.06, 0.1))), 2);
				if (f.form === 'department')
					budgetFinal = round(Math.max(budgetFinal, projectFinalTotal.value + 1), 2);
				const r = rng.next();
				let rate =
					r < 0.12
						? rng.uniform(0.6, 0.9)
						: r < 0.16
							? rng.uniform(1.0, 1.06)
							: rng.uniform(0.93, 1.0);
				if (rng.chance(0.3) && r >= 0.16) rate = 1;
				let executed = round(budgetFinal * rate, 2);
				if (f.form === 'department')
					executed = round(Math.max(executed, projectExecTotal.value), 2);
				else {
					projectFinalTotal.value += budgetFinal;
					projectExecTotal.value += executed;
				}
				const trueRate = budgetFinal > 0 ? executed / budgetFinal : 0;
				let printedRate = round(trueRate, 4);
				let execScore = round(Math.min(10, 10 * trueRate), 2);
				if (rng.chance(0.01)) {
					// Full marks for low execution, or points off a fully scored rate.
					execScore = trueRate < 0.9 ? 10 : round(execScore - 2, 2);
					planted.push({
						kind: 'exec_score_mismatch',
						unit_id: unit.id,
						eval_id: evalId,
						seq: null
					});
				}
				if (trueRate > 1)
					planted.push({ kind: 'exec_over_100', unit_id: unit.id, eval_id: evalId, seq: null });
				const ctx: FormContext = {
					rng,
					unit,
					year,
					evalId,
					form: f.form,
					budgetInitial,
					budgetFinal,
					executed,
					lastTargets,
					planted
				};
				const ind = makeIndicators(ctx);
				let total = round(execScore + ind.sum, 2);
				if (rng.chance(0.015)) {
					printedRate = round(trueRate + rng.pick([-0.08, 0.05, 0.1]), 4);
					planted.push({
						kind: 'exec_rate_mismatch',
						unit_id: unit.id,
						eval_id: evalId,
						seq: null
					});
				}
				const totalPlanted = rng.chance(0.015);
				if (totalPlanted) {
					total = round(total + rng.pick([3, 5, -2]), 2);
					planted.push({ kind: 'total_mismatch', unit_id: unit.id, eval_id: evalId, seq: null });
				}
				let printedGrade = gradeOf(total);
				if (!totalPlanted && rng.chance(0.01)) {
					printedGrade = printedGrade === '优' ? '良' : '优';
					planted.push({ kind: 'grade_mismatch', unit_id: unit.id, eval_id: evalId, seq: null });
				}
				let totalWeight = 10 + ind.weights;
				if (rng.chance(0.01)) {
					totalWeight = 100 + rng.pick([5, 10]);
					planted.push({ kind: 'weights_not_total', unit_id: unit.id, eval_id: evalId, seq: null });
				}
				const execReason =
					trueRate < 0.9 && rng.chance(0.75)
						? rng.pick([
								'部分项目资金下半年才下达',
								'政府采购流程较长，资金未及时支付',
								'项目进度滞后'
							])
						: null;
				if (trueRate < 0.9 && execReason === null)
					planted.push({
						kind: 'exec_low_no_reason',
						unit_id: unit.id,
						eval_id: evalId,
						seq: null
					});
				const pct = `${(printedRate * 100).toFixed(2)}%`;
				const rateShort = printedRate === 1 ? '100%' : pct;
				evaluations.push({
					eval_id: evalId,
					unit_id: unit.id,
					year,
					form: f.form,
					project_name: f.name,
					budget_initial: budgetInitial,
					budget_initial_text: fmt(budgetInitial),
					budget_final: budgetFinal,
					budget_final_text: fmt(budgetFinal),
					executed,
					executed_text: fmt(executed),
					exec_rate_reported: printedRate,
					exec_rate_reported_text: rateShort,
					exec_weight: 10,
					exec_weight_text: '10',
					exec_score: execScore,
					exec_score_text: fmt(execScore),
					total_weight: totalWeight,
					total_weight_text: String(totalWeight),
					total_score: total,
					total_score_text: fmt(total),
					grade_reported: rng.chance(0.6) || printedGrade !== gradeOf(total) ? printedGrade : null,
					exec_reason: execReason,
					goal_planned: `${f.name ?? '部门整体'}：完成年度重点工作任务（合成演示数据）`,
					goal_achieved: `${year}年度目标基本完成（合成演示数据）`,
					problems: null,
					improvements: null,
					source: `Jixiao 合成演示数据 seed=${opts.seed}`,
					notes: null,
					provenance: 'synthetic'
				});
				indicators.push(...ind.rows);
				if (f.form === 'project') {
					const carry = rng.chance(0.2) ? round(budgetFinal * rng.uniform(0.05, 0.3), 2) : 0;
					const mismatch = rng.chance(0.01);
					if (mismatch)
						planted.push({
							kind: 'funding_sum_mismatch',
							unit_id: unit.id,
							eval_id: evalId,
							seq: null
						});
					const thisYearFinal = round(
						budgetFinal - carry + (mismatch ? round(budgetFinal * 0.1, 2) : 0),
						2
					);
					const carryExec = round(Math.min(carry, executed), 2);
					const source: [string, number, number, number][] = [
						['当年财政拨款', budgetInitial, thisYearFinal, round(executed - carryExec, 2)],
						['上年结转资金', 0, carry, carryExec],
						['其他资金', 0, 0, 0]
					];
					for (const [item, bi, bf, ex] of source)
						funding.push(fundingRow(evalId, 'source', item, bi, bf, ex));
				}
			}
			// Department: revenue, nature and economic splits, computed after its projects.
			const dept = evaluations[evaluations.length - forms.length];
			const deptFinal = dept.budget_final as number;
			const deptExec = dept.executed as number;
			const basicExec = round(deptExec - projectExecTotal.value, 2);
			const basicFinal = round(deptFinal - projectFinalTotal.value, 2);
			funding.push(
				fundingRow(dept.eval_id as string, 'revenue', '一般公共预算', null, deptFinal, deptExec)
			);
			funding.push(fundingRow(dept.eval_id as string, 'revenue', '政府性基金拨款', null, 0, 0));
			funding.push(
				fundingRow(dept.eval_id as string, 'nature', '基本支出', null, basicFinal, basicExec)
			);
			funding.push(
				fundingRow(
					dept.eval_id as string,
					'nature',
					'项目支出',
					null,
					round(projectFinalTotal.value, 2),
					round(projectExecTotal.value, 2)
				)
			);
			const wages = round(basicExec * rng.uniform(0.58, 0.72), 2);
			const personal = round(basicExec * rng.uniform(0.005, 0.03), 2);
			const capital = rng.chance(0.3) ? round(basicExec * rng.uniform(0.01, 0.05), 2) : 0;
			const goods = round(basicExec - wages - personal - capital, 2);
			for (const [item, v] of [
				['工资福利支出', wages],
				['商品和服务支出', goods],
				['对个人和家庭的补助支出', personal],
				['资本性支出', capital]
			] as [string, number][])
				funding.push(fundingRow(dept.eval_id as string, 'economic', item, null, null, v));
			metrics.push(...makeMetrics(rng, unit, year, activity));
		}
	}
	// Sub-rows are numbered in the order they were written, which is the order a form prints them.
	const seqs = new Map<string, number>();
	for (const f of funding) {
		const n = (seqs.get(f.eval_id as string) ?? 0) + 1;
		seqs.set(f.eval_id as string, n);
		f.seq = n;
	}
	const directions = DEMO_DIRECTIONS.map((d) => ({ ...d }));
	planted.push(...unusedDirections(directions, indicators, evaluations));
	return {
		tables: { units: unitRows, evaluations, funding, indicators, metrics, directions },
		planted
	};
}

/**
 * The demo publisher's directions (synthetic, as the rest): its cost of work (工作投入成本) is
 * lower-is-better, stated once instead of inferred from the group on the forms that print no
 * comparator. Some forms print 定性 for it: the printed one wins, and the audit says so.
 */
export const DEMO_DIRECTIONS: readonly Row[] = [
	{
		level3: '工作投入成本',
		level2: '成本指标',
		unit_id: null,
		year: null,
		comparator: '≤',
		note: '合成示例：投入不超过目标为好',
		provenance: 'synthetic'
	}
];

/** Rows a direction matches whose form prints another comparator: the audit reports each (direction_not_applied). */
function unusedDirections(
	directions: readonly Row[],
	indicators: readonly Row[],
	evaluations: readonly Row[]
): Planted[] {
	const unitOf = new Map(evaluations.map((e) => [e.eval_id, e.unit_id as string]));
	const out: Planted[] = [];
	for (const r of indicators) {
		const d = directions.find((x) => x.level3 === r.level3 && x.level2 === r.level2);
		if (!d) continue;
		const parsed = parseValue(r.target_text as string | null);
		const printed =
			(r.comparator as string | null) ??
			(parsed.kind === 'qualitative' ? 'qualitative' : parsed.comparator);
		if (printed && printed !== d.comparator)
			out.push({
				kind: 'direction_not_applied',
				unit_id: unitOf.get(r.eval_id)!,
				eval_id: r.eval_id as string,
				seq: r.seq as number
			});
	}
	return out;
}

function fundingRow(
	evalId: string,
	dimension: FundingDimension,
	item: string,
	bi: number | null,
	bf: number | null,
	ex: number | null
): Row {
	return {
		eval_id: evalId,
		dimension,
		item,
		budget_initial: bi,
		budget_initial_text: bi === null ? null : fmt(bi),
		budget_final: bf,
		budget_final_text: bf === null ? null : fmt(bf),
		executed: ex,
		executed_text: ex === null ? null : fmt(ex)
	};
}

function makeMetrics(rng: Random, unit: DemoUnit, year: number, activity: number): Row[] {
	const out: Row[] = [];
	const staff = Math.round(55 * unit.size * (1 + (year - 2016) * 0.01) * rng.uniform(0.97, 1.03));
	const clues = Math.round(260 * activity * rng.uniform(0.85, 1.15));
	const cases = Math.round(clues * rng.uniform(0.3, 0.5));
	const values: Record<string, number | null> = {
		clues_handled: clues,
		cases_filed: cases,
		persons_disciplined: Math.round(cases * rng.uniform(0.65, 0.9)),
		org_handling: Math.round(clues * rng.uniform(0.35, 0.6)),
		// 留置 exists only since the 2018 supervision law.
		detentions: year >= 2018 ? Math.round(cases * rng.uniform(0.03, 0.1)) : null,
		losses_recovered: round(rng.logNormal(1800 * activity, 0.6), 0),
		staff,
		retirees: Math.round(staff * rng.uniform(0.08, 0.2)),
		students_enrolled: Math.round(42000 * unit.size * rng.uniform(0.95, 1.05)),
		reservoirs_maintained: Math.round(30 * activity * rng.uniform(0.7, 1.3)),
		farmland_irrigated: Math.round(5000 * activity * rng.uniform(0.6, 1.4)),
		patients_served: Math.round(380000 * unit.size * rng.uniform(0.9, 1.1))
	};
	for (const key of unit.sector.metrics) {
		const v = values[key];
		if (v === null || v === undefined) continue;
		const text =
			key === 'losses_recovered' && v >= 1000
				? `${Math.floor(v / 100) * 100}余万元`
				: `${v}${metricDef(key)!.unit}`;
		out.push({
			unit_id: unit.id,
			year,
			metric: key,
			value: key === 'losses_recovered' && v >= 1000 ? Math.floor(v / 100) * 100 : v,
			value_text: text,
			source: '合成演示数据'
		});
	}
	return out;
}

/** Column order of each data table, from the schema. */
export function headerOf(table: DataTableName): string[] {
	return tableDef(table).columns.map((c) => c.name);
}
