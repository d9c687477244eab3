// Audits one form: its budget block, indicator rows and funding sub-rows; returns the recomputed score and the flags.
import { columnLabel, FUNDING_DIMENSION_LABEL, GRADE_LABEL, gradeOf, RULE_IDS } from '../schema';
import type { Direction } from './direction';
import type { AuditDirection, AuditEvaluation, AuditFunding, AuditIndicator } from './input';
import {
	overrideLookup,
	resolveDirection,
	type OverrideLookup,
	type ResolvedDirection,
	type UnusedOverride
} from './override';
import { EPS, halfUnit, MONEY_HALF_UNIT, rateHalfUnit, ratioSlack } from './precision';
import { RULE_BY_ID, type RuleId } from './rules';
import { isMet, ruleScore } from './score';
import { num, numbers, pctText, shown } from './text';
import type {
	AuditFlag,
	AuditFormRow,
	AuditIndicatorRow,
	ExecBasis,
	IndicatorStatus
} from './types';

/** The labels of the budget columns, as the messages quote them. */
const EXECUTED = columnLabel('evaluations', 'executed').zh;
const FINAL = columnLabel('evaluations', 'budget_final').zh;

export interface FormAudit {
	form: AuditFormRow;
	indicators: AuditIndicatorRow[];
	flags: AuditFlag[];
}

const DIRECTION_ZH: Record<Direction, string> = {
	'≥': '越高越好（≥）',
	'≤': '越低越好（≤）',
	'=': '等于目标（=）'
};
const DIRECTION_EN: Record<Direction, string> = {
	'≥': 'higher is better (≥)',
	'≤': 'lower is better (≤)',
	'=': 'equal to target (=)'
};

function sourceNote(d: ResolvedDirection, level2: string | null): { zh: string; en: string } {
	if (d.source === 'override')
		return {
			zh: `方向由发布方指定${d.note ? `：${d.note}` : ''}`,
			en: `direction set by the publisher${d.note ? `: ${d.note}` : ''}`
		};
	if (d.source === 'group')
		return {
			zh: `表中未印指标性质，按“${level2 ?? '二级指标'}”推断`,
			en: `no comparator printed; inferred from “${level2 ?? 'the group'}”`
		};
	if (d.source === 'target_text')
		return { zh: '方向取自目标值所印', en: 'as printed in the target' };
	return { zh: '方向取自指标性质栏', en: 'from the comparator column' };
}

type FlagDraft = Omit<
	AuditFlag,
	'id' | 'severity' | 'unit_id' | 'year' | 'eval_id' | 'form' | 'project_name'
>;

/** A publisher's row as a message names it: its comparator and scope. */
function overrideText(o: AuditDirection): { zh: string; en: string } {
	const zh = [
		o.level2 !== null ? `二级指标“${o.level2}”` : null,
		o.unit_id !== null ? `单位 ${o.unit_id}` : null,
		o.year !== null ? `${o.year}年` : null
	].filter((x) => x !== null);
	const en = [
		o.level2 !== null ? `group “${o.level2}”` : null,
		o.unit_id !== null ? `unit ${o.unit_id}` : null,
		o.year !== null ? String(o.year) : null
	].filter((x) => x !== null);
	return {
		zh: `${o.comparator}（${zh.length ? zh.join('，') : '所有表'}${o.note ? `；${o.note}` : ''}）`,
		en: `${o.comparator} (${en.length ? en.join(', ') : 'every form'}${o.note ? `; ${o.note}` : ''})`
	};
}

/** The flag for a publisher's direction that matches a row but is not used for it. */
function unusedFlag(
	r: AuditIndicator,
	d: ResolvedDirection,
	unused: UnusedOverride
): Omit<FlagDraft, 'rule'> {
	const list = unused.overrides.map(overrideText);
	const zhList = list.map((x) => x.zh).join('、');
	const enList = list.map((x) => x.en).join(', ');
	const name = r.level3;
	const nums = numbers({
		override: [...new Set(unused.overrides.map((o) => o.comparator))].join(','),
		direction: d.qualitative ? 'qualitative' : d.direction,
		direction_from: d.source
	});
	if (unused.reason === 'ambiguous') {
		const src = sourceNote(d, r.level2);
		return {
			seq: r.seq,
			indicator: name,
			message_zh: `「${name}」有 ${list.length} 条发布方指定的方向互相矛盾：${zhList}，均未采用（${src.zh}）`,
			message_en: `“${name}”: ${list.length} directions set by the publisher disagree: ${enList}; none is used (${src.en})`,
			numbers: nums
		};
	}
	const fromColumn = d.source === 'column';
	const printed = fromColumn
		? d.qualitative
			? '定性'
			: (d.direction ?? '')
		: (r.target_text ?? '').trim();
	return {
		seq: r.seq,
		indicator: name,
		message_zh: `「${name}」发布方指定方向 ${zhList}，而表中${fromColumn ? '指标性质栏' : '目标值'}印为“${printed}”，按表中所印${d.qualitative ? '作定性处理' : `（${d.direction}）计分`}`,
		message_en: `“${name}”: the publisher set ${enList}, but the form prints “${printed}” in ${fromColumn ? 'the comparator column' : 'the target'}; the printed one is used${d.qualitative ? ' (qualitative)' : ` (${d.direction})`}`,
		numbers: nums
	};
}

/** Factor from an indicator's money unit to 万元, the unit of the form's budget figures. */
const TO_WAN: Record<string, number> = { 万元: 1, 万: 1, 元: 1e-4, 亿元: 1e4, 亿: 1e4 };

/**
 * Execution scoring of the form: see ExecBasis. The Hunan template prints the form's total weight and
 * total score in the execution row. An execution weight equal to the total weight cannot be a real
 * weight when indicators are scored too, so that layout is recognised by it; where no total weight
 * was transcribed, by an execution weight equal to the indicators' weights together.
 */
export function execBasis(e: AuditEvaluation, indicatorWeights: number | null): ExecBasis {
	if (e.exec_weight === null && e.exec_score === null) return 'absent';
	if (indicatorWeights === null || e.exec_weight === null) return 'scored';
	const total = e.total_weight ?? indicatorWeights;
	return Math.abs(e.exec_weight - total) < EPS ? 'total_in_exec_row' : 'scored';
}

/** Execution score by the national rule: weight × rate, capped at the weight. */
const execRuleScore = (weight: number, rate: number) =>
	Math.min(weight, weight * Math.max(0, rate));

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Every value present, or null when any is missing (a sum that would silently skip rows). */
function sumAll(xs: readonly (number | null)[]): number | null {
	return xs.some((x) => x === null) ? null : sum(xs as number[]);
}

export function auditForm(
	e: AuditEvaluation,
	rows: readonly AuditIndicator[],
	funding: readonly AuditFunding[],
	overrides: OverrideLookup = overrideLookup()
): FormAudit {
	const drafts: FlagDraft[] = [];
	const flag = (rule: RuleId, d: Omit<FlagDraft, 'rule'>) => drafts.push({ rule, ...d });
	const A = e.budget_final;
	const B = e.executed;

	// Budget block.
	const rate = A !== null && B !== null && A > 0 ? B / A : null;
	// Money is exact to the 元 (MONEY_HALF_UNIT); a printed zero is exactly zero.
	const rateSlack = rate === null ? 0 : ratioSlack(B!, A!, moneySlack(B!), moneySlack(A!));
	const nothingBudgeted = A === 0 && B !== null;
	const rateUsed = rate ?? e.exec_rate_reported;
	const rateUsedSlack = rate !== null ? rateSlack : rateHalfUnit(e.exec_rate_reported_text);
	const printedRate = shown(e.exec_rate_reported_text, e.exec_rate_reported);

	if (rate !== null && e.exec_rate_reported !== null) {
		const diff = e.exec_rate_reported - rate;
		if (Math.abs(diff) > rateHalfUnit(e.exec_rate_reported_text) + rateSlack + EPS)
			flag('exec_rate_mismatch', {
				seq: null,
				indicator: null,
				message_zh: `印刷执行率 ${printedRate}，而 ${EXECUTED} ${shown(e.executed_text, B)} ÷ ${FINAL} ${shown(e.budget_final_text, A)} = ${pctText(rate)}，相差 ${num(Math.abs(diff) * 100)} 个百分点`,
				message_en: `Printed execution rate ${printedRate}, but executed ${shown(e.executed_text, B)} ÷ final budget ${shown(e.budget_final_text, A)} = ${pctText(rate)}, ${num(Math.abs(diff) * 100)} percentage points apart`,
				numbers: numbers({
					exec_rate_reported: e.exec_rate_reported,
					executed: B,
					budget_final: A,
					exec_rate: rate
				})
			});
	}
	if (nothingBudgeted && B! > 0)
		flag('exec_over_100', {
			seq: null,
			indicator: null,
			message_zh: `${FINAL}为 0，却执行了 ${shown(e.executed_text, B)} 万元`,
			message_en: `The final budget is 0, yet ${shown(e.executed_text, B)} 万元 was spent`,
			numbers: numbers({ executed: B, budget_final: A })
		});
	else if (!nothingBudgeted && rateUsed !== null && rateUsed > 1 + rateUsedSlack + EPS) {
		const over = rate !== null ? B! - A! : null;
		flag('exec_over_100', {
			seq: null,
			indicator: null,
			message_zh:
				rate !== null
					? `执行率 ${pctText(rate)}：${EXECUTED} ${shown(e.executed_text, B)} 超过${FINAL} ${shown(e.budget_final_text, A)}，超支 ${num(over!)} 万元`
					: `印刷执行率 ${printedRate}，超过100%`,
			message_en:
				rate !== null
					? `Execution ${pctText(rate)}: ${shown(e.executed_text, B)} spent against a final budget of ${shown(e.budget_final_text, A)}, ${num(over!)} 万元 over`
					: `Printed execution rate ${printedRate} is above 100%`,
			numbers: numbers({ exec_rate: rateUsed, executed: B, budget_final: A })
		});
	}
	if (!nothingBudgeted && rateUsed !== null && rateUsed < 0.9 && !e.exec_reason?.trim())
		flag('exec_low_no_reason', {
			seq: null,
			indicator: null,
			message_zh: `执行率 ${pctText(rateUsed)}，低于90%，表中未说明偏差原因`,
			message_en: `Execution ${pctText(rateUsed)} is below 90% and no reason is given`,
			numbers: numbers({ exec_rate: rateUsed, executed: B, budget_final: A })
		});

	// Indicator rows.
	const indicatorRows: AuditIndicatorRow[] = [];
	let measurableWeight = 0;
	let qualitativeWeight = 0;
	let inferred = 0;
	let recomputedIndicators = 0;
	for (const r of rows) {
		const { read: d, unused } = resolveDirection(r, e, overrides);
		if (unused) flag('direction_not_applied', unusedFlag(r, d, unused));
		const t = r.target_value;
		const a = r.actual_value;
		const measurable = !d.qualitative && d.direction !== null && t !== null && a !== null;
		const status: IndicatorStatus = d.qualitative
			? 'qualitative'
			: !measurable
				? 'not_numeric'
				: isMet(d.direction!, t!, a!)
					? 'met'
					: 'missed';
		const expected =
			measurable && r.weight !== null ? ruleScore(d.direction!, t!, a!, r.weight) : null;
		indicatorRows.push({
			eval_id: r.eval_id,
			seq: r.seq,
			unit_id: e.unit_id,
			year: e.year,
			form: e.form,
			project_name: e.project_name,
			provenance: e.provenance,
			direction: d.direction,
			direction_source: d.qualitative ? null : d.source,
			direction_note: d.qualitative ? null : d.note,
			status,
			expected_score: expected,
			score_gap: expected !== null && r.score !== null ? r.score - expected : null
		});
		if (measurable) {
			measurableWeight += r.weight ?? 0;
			if (d.source === 'group') inferred++;
		} else qualitativeWeight += r.weight ?? 0;
		// Rows the rule cannot score keep their self-score, but never more than their weight.
		recomputedIndicators +=
			expected ??
			(r.score !== null && r.weight !== null ? Math.min(r.score, r.weight) : (r.score ?? 0));

		const name = r.level3;
		const tText = shown(r.target_text, t);
		const aText = shown(r.actual_text, a);
		const nums = () =>
			numbers({
				target: t,
				actual: a,
				direction: d.direction,
				direction_from: d.source,
				weight: r.weight,
				score: r.score,
				expected
			});
		if (r.score !== null && r.weight !== null && r.score > r.weight + EPS)
			flag('score_above_weight', {
				seq: r.seq,
				indicator: name,
				message_zh: `「${name}」得分 ${num(r.score)}，高于分值 ${num(r.weight)}`,
				message_en: `“${name}” scored ${num(r.score)}, above its weight ${num(r.weight)}`,
				numbers: nums()
			});
		if (status === 'missed' && r.weight !== null && r.score !== null && r.score >= r.weight - EPS) {
			const src = sourceNote(d, r.level2);
			const dir = d.direction!;
			const howZh =
				dir === '≥'
					? `完成目标的 ${pctText(a! / t!, 1)}`
					: dir === '≤'
						? `超出目标 ${pctText((a! - t!) / Math.abs(t!), 1)}`
						: `偏离目标 ${pctText(Math.abs(a! - t!) / Math.abs(t!), 1)}`;
			const howEn =
				dir === '≥'
					? `${pctText(a! / t!, 1)} of the target`
					: dir === '≤'
						? `${pctText((a! - t!) / Math.abs(t!), 1)} over the target`
						: `${pctText(Math.abs(a! - t!) / Math.abs(t!), 1)} off the target`;
			const zeroTarget = t === 0;
			flag('full_marks_on_miss', {
				seq: r.seq,
				indicator: name,
				message_zh: `「${name}」目标 ${tText}，实际 ${aText}，按${DIRECTION_ZH[dir]}未达标（${zeroTarget ? '' : howZh + '；'}${src.zh}），却得满分 ${num(r.score)}/${num(r.weight)}；按规则应得 ${num(expected!)}`,
				message_en: `“${name}”: target ${tText}, actual ${aText} misses it, ${DIRECTION_EN[dir]} (${zeroTarget ? '' : howEn + '; '}${src.en}), yet scored full marks ${num(r.score)}/${num(r.weight)}; the rule gives ${num(expected!)}`,
				numbers: nums()
			});
		}
		if (status === 'met' && r.weight !== null && r.score !== null && r.score < r.weight - EPS)
			flag('deduction_when_met', {
				seq: r.seq,
				indicator: name,
				message_zh: `「${name}」目标 ${tText}，实际 ${aText}，按${DIRECTION_ZH[d.direction!]}已达标，却只得 ${num(r.score)}/${num(r.weight)}`,
				message_en: `“${name}”: target ${tText}, actual ${aText} meets it, ${DIRECTION_EN[d.direction!]}, yet scored ${num(r.score)}/${num(r.weight)}`,
				numbers: nums()
			});
		const toWan = TO_WAN[r.unit ?? ''];
		const costWan = toWan !== undefined && a !== null ? a * toWan : null;
		if (
			/成本/.test(r.level2 ?? '') &&
			costWan !== null &&
			B !== null &&
			costWan > B + 2 * MONEY_HALF_UNIT + EPS
		)
			flag('cost_exceeds_spending', {
				seq: r.seq,
				indicator: name,
				message_zh: `成本指标「${name}」实际值 ${aText}${toWan !== 1 ? `（${num(costWan)} 万元）` : ''}，超过本表${EXECUTED} ${shown(e.executed_text, B)} 万元${B > 0 ? `（${num(costWan / B, 1)} 倍）` : ''}`,
				message_en: `Cost indicator “${name}” reports ${aText}${toWan !== 1 ? ` (${num(costWan)} 万元)` : ''}, more than the ${shown(e.executed_text, B)} 万元 this form spent${B > 0 ? ` (${num(costWan / B, 1)}×)` : ''}`,
				numbers: numbers({
					actual: a,
					actual_wan: toWan !== 1 ? costWan : null,
					executed: B
				})
			});
	}

	// Weights, total, grade.
	const hasRows = rows.length > 0;
	const weightSum = hasRows ? sumAll(rows.map((r) => r.weight)) : null;
	const scoreSum = hasRows ? sumAll(rows.map((r) => r.score)) : null;
	// Rows without a weight leave the sum unknown; the layout then rests on the printed total weight.
	const basis = execBasis(e, hasRows ? (weightSum ?? e.total_weight) : null);
	const execW = basis === 'scored' ? (e.exec_weight ?? 0) : 0;
	if (basis === 'scored' && e.exec_weight !== null && e.exec_score !== null && rateUsed !== null) {
		const expected = execRuleScore(e.exec_weight, rateUsed);
		const capped = e.exec_weight * rateUsed > e.exec_weight;
		const slack = halfUnit(e.exec_score_text) + e.exec_weight * rateUsedSlack + EPS;
		if (Math.abs(e.exec_score - expected) > slack)
			flag('exec_score_mismatch', {
				seq: null,
				indicator: null,
				message_zh: `执行率得分印为 ${shown(e.exec_score_text, e.exec_score)}，按 分值 ${shown(e.exec_weight_text, e.exec_weight)} × 执行率 ${pctText(rateUsed)} 应为 ${num(expected)}${capped ? '（以分值封顶）' : ''}`,
				message_en: `Execution score printed ${shown(e.exec_score_text, e.exec_score)}; weight ${shown(e.exec_weight_text, e.exec_weight)} × rate ${pctText(rateUsed)} gives ${num(expected)}${capped ? ' (capped at the weight)' : ''}`,
				numbers: numbers({
					exec_score: e.exec_score,
					exec_weight: e.exec_weight,
					exec_rate: rateUsed,
					expected
				})
			});
	}
	if (e.total_weight !== null && weightSum !== null) {
		const expectedTotal = execW + weightSum;
		const why =
			basis === 'total_in_exec_row'
				? { zh: '执行率行印的是总分，执行率不计分', en: 'the execution row prints the total' }
				: { zh: '未印执行率分值', en: 'no execution weight printed' };
		if (Math.abs(expectedTotal - e.total_weight) > EPS)
			flag('weights_not_total', {
				seq: null,
				indicator: null,
				message_zh:
					basis === 'scored'
						? `分值合计 ${num(expectedTotal)}（执行率 ${num(execW)} + 指标 ${num(weightSum)}），印刷总分值为 ${shown(e.total_weight_text, e.total_weight)}`
						: `指标分值合计 ${num(weightSum)}，印刷总分值为 ${shown(e.total_weight_text, e.total_weight)}（${why.zh}）`,
				message_en:
					basis === 'scored'
						? `Weights add up to ${num(expectedTotal)} (execution ${num(execW)} + indicators ${num(weightSum)}), but the printed total weight is ${shown(e.total_weight_text, e.total_weight)}`
						: `Indicator weights add up to ${num(weightSum)}, but the printed total weight is ${shown(e.total_weight_text, e.total_weight)} (${why.en})`,
				numbers: numbers({
					exec_weight: basis === 'scored' ? execW : null,
					indicator_weights: weightSum,
					total_weight: e.total_weight
				})
			});
	}
	const execPart = basis === 'scored' ? e.exec_score : 0;
	if (e.total_score !== null && scoreSum !== null && execPart !== null) {
		const parts = execPart + scoreSum;
		const diff = e.total_score - parts;
		// The execution score is computed (weight × rate), so its printed figure may be rounded.
		const slack =
			halfUnit(e.total_score_text) + (basis === 'scored' ? halfUnit(e.exec_score_text) : 0) + EPS;
		if (Math.abs(diff) > slack)
			flag('total_mismatch', {
				seq: null,
				indicator: null,
				message_zh: `自评总分印为 ${shown(e.total_score_text, e.total_score)}，各项得分之和为 ${num(parts)}（${basis === 'scored' ? `执行率 ${num(execPart)} + ` : ''}指标 ${num(scoreSum)}），${diff > 0 ? '多' : '少'} ${num(Math.abs(diff))} 分`,
				message_en: `Total printed ${shown(e.total_score_text, e.total_score)}; the parts add up to ${num(parts)} (${basis === 'scored' ? `execution ${num(execPart)} + ` : ''}indicators ${num(scoreSum)}), ${num(Math.abs(diff))} ${diff > 0 ? 'more' : 'less'}`,
				numbers: numbers({
					total_score: e.total_score,
					exec_score: basis === 'scored' ? execPart : null,
					indicator_scores: scoreSum
				})
			});
	}
	const scale = weightSum !== null ? execW + weightSum : e.total_weight;
	if (e.grade_reported && e.total_score !== null) {
		const k = scale && scale > 0 ? 100 / scale : 1;
		const pct = e.total_score * k;
		const slack = halfUnit(e.total_score_text) * k;
		const expectedGrade = gradeOf(pct);
		if (
			expectedGrade !== e.grade_reported &&
			gradeOf(pct - slack) !== e.grade_reported &&
			gradeOf(pct + slack) !== e.grade_reported
		) {
			const scaled = Math.abs(k - 1) > EPS;
			flag('grade_mismatch', {
				seq: null,
				indicator: null,
				message_zh: `自评等级印为“${e.grade_reported}”，而总分 ${shown(e.total_score_text, e.total_score)}${scaled ? `（满分 ${num(scale!)}，折合百分制 ${num(pct, 1)}）` : ''} 对应“${expectedGrade}”`,
				message_en: `Grade printed ${e.grade_reported} (${GRADE_LABEL[e.grade_reported].en}), but a total of ${shown(e.total_score_text, e.total_score)}${scaled ? ` (out of ${num(scale!)}, ${num(pct, 1)} of 100)` : ''} is ${expectedGrade} (${GRADE_LABEL[expectedGrade].en})`,
				numbers: numbers({
					total_score: e.total_score,
					scale,
					grade_reported: e.grade_reported,
					grade_expected: expectedGrade
				})
			});
		}
	}

	for (const d of fundingFlags(e, funding)) drafts.push(d);

	// Recomputed score.
	const execExpected =
		basis === 'scored' && e.exec_weight !== null && rateUsed !== null
			? execRuleScore(e.exec_weight, rateUsed)
			: null;
	const recomputed = hasRows
		? (basis === 'scored' ? (execExpected ?? e.exec_score ?? 0) : 0) + recomputedIndicators
		: null;
	const self =
		e.total_score ?? (scoreSum !== null && execPart !== null ? execPart + scoreSum : null);
	// Of 100 on the printed total weight, as the views show the self-score; the sum of the weights
	// when none is printed. A printed total weight that misadds is flagged, not silently replaced.
	const base = e.total_weight !== null && e.total_weight > 0 ? e.total_weight : scale;
	const per100 = (x: number | null) => (x !== null && base && base > 0 ? (x / base) * 100 : null);
	const gap = self !== null && recomputed !== null ? self - recomputed : null;

	const flags: AuditFlag[] = drafts.map((d) => ({
		id: [d.rule, e.eval_id, d.seq ?? (d.rule === 'funding_sum_mismatch' ? d.indicator : null)]
			.filter((x) => x !== null)
			.join(':'),
		severity: RULE_BY_ID[d.rule].severity,
		unit_id: e.unit_id,
		year: e.year,
		eval_id: e.eval_id,
		// The form named in the flag itself: its list and its CSV read without the forms.
		form: e.form,
		project_name: e.project_name,
		...d
	}));
	const count = (s: string) => flags.filter((f) => f.severity === s).length;
	return {
		form: {
			eval_id: e.eval_id,
			unit_id: e.unit_id,
			year: e.year,
			exec_basis: basis,
			exec_rate: rate,
			exec_expected: execExpected,
			scale,
			self_score: self,
			recomputed_score: recomputed,
			gap,
			self_pct: per100(self),
			recomputed_pct: per100(recomputed),
			gap_pct: per100(gap),
			measurable_weight: measurableWeight,
			qualitative_weight: qualitativeWeight,
			inferred_rows: inferred,
			flags_error: count('error'),
			flags_warning: count('warning'),
			flags_info: count('info'),
			rules: RULE_IDS.filter((id) => flags.some((f) => f.rule === id)).join(' ') || null
		},
		indicators: indicatorRows,
		flags
	};
}

/** The money columns a form and its funding sub-rows share, with their labels as a sentence quotes them. */
const MONEY_COLUMNS = (['budget_initial', 'budget_final', 'executed'] as const).map((col) => {
	const label = columnLabel('funding', col);
	return { col, zh: label.zh, en: label.en.toLowerCase() };
});

/** A printed zero is exact ("0" means nothing was there); other amounts carry 元 rounding. */
const moneySlack = (v: number) => (v === 0 ? 0 : MONEY_HALF_UNIT);

/** Funding sub-rows against the form's totals; the economic split may add up to 基本支出 instead. */
function fundingFlags(e: AuditEvaluation, funding: readonly AuditFunding[]): FlagDraft[] {
	const out: FlagDraft[] = [];
	const dims = [...new Set(funding.map((f) => f.dimension))];
	for (const dim of dims) {
		const rows = funding.filter((f) => f.dimension === dim);
		const problems: { zh: string; en: string; nums: Record<string, number> }[] = [];
		for (const m of MONEY_COLUMNS) {
			const present = rows.filter((r) => r[m.col] !== null);
			const total = e[m.col];
			if (present.length === 0 || total === null) continue;
			const s = sum(present.map((r) => r[m.col] as number));
			const slack = sum(present.map((r) => moneySlack(r[m.col] as number))) + EPS;
			const targets: { value: number; text: string | null; zh: string; en: string }[] = [
				{ value: total, text: e[`${m.col}_text`], zh: `表中${m.zh}`, en: `the form’s ${m.en}` }
			];
			if (dim === 'economic') {
				const basic = funding.find(
					(f) => f.dimension === 'nature' && /基本支出/.test(f.item) && f[m.col] !== null
				);
				if (basic)
					targets.push({
						value: basic[m.col] as number,
						text: basic[`${m.col}_text`],
						zh: `基本支出${m.zh}`,
						en: `基本支出 (basic) ${m.en}`
					});
			}
			const ok = targets.some((t) => Math.abs(s - t.value) <= slack + moneySlack(t.value));
			if (ok) continue;
			const against = targets.map((t) => `${t.zh} ${shown(t.text, t.value)}`).join('、');
			const againstEn = targets.map((t) => `${t.en} ${shown(t.text, t.value)}`).join(' or ');
			problems.push({
				zh: `${m.zh}分项合计 ${num(s)}，不等于${against}`,
				en: `${m.en} sub-rows add up to ${num(s)}, not ${againstEn}`,
				nums: { [`${m.col}_rows`]: s, [m.col]: total }
			});
		}
		if (problems.length === 0) continue;
		const label = FUNDING_DIMENSION_LABEL[dim];
		out.push({
			rule: 'funding_sum_mismatch',
			seq: null,
			indicator: dim,
			message_zh: `${label.zh}：${problems.map((p) => p.zh).join('；')}`,
			message_en: `${label.en}: ${problems.map((p) => p.en).join('; ')}`,
			numbers: numbers(Object.assign({}, ...problems.map((p) => p.nums)))
		});
	}
	return out;
}
