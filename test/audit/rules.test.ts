// The audit's rules one by one on real-shaped forms (the Hunan 2023 reference and national 100-point forms): when each fires, when it does not, and what it says.
import { describe, expect, it } from 'vitest';
import {
	RULES,
	isMet,
	readDirection,
	ruleScore,
	runAudit,
	type AuditEvaluation,
	type AuditFlag,
	type AuditDirection,
	type AuditFunding,
	type AuditIndicator,
	type AuditInput,
	type RuleId
} from '../../src/lib/audit';
import { overrideLookup } from '../../src/lib/audit/override';
import { auditForm } from '../../src/lib/audit/form';
import { auditUnit } from '../../src/lib/audit/unit';
import { printedDecimals } from '../../src/lib/audit/precision';

// ---------------------------------------------------------------------------------------------
// Factories: every figure gets a printed text beside it, as the forms print it, unless a case
// prints it differently itself.

/** 96.35 → "96.35"; 16 → "16.00" (money as the forms print it, two decimals). */
const money = (v: number) => v.toFixed(2);
/** 0.9635 → "96.35%". */
const percent = (v: number) => `${(v * 100).toFixed(2)}%`;
/** 9.5 → "9.5"; 10 → "10". */
const points = (v: number) => String(Number(v.toFixed(2)));
const printed = (v: number | null, f: (v: number) => string) => (v === null ? null : f(v));

const EVAL_ID = 'demo-2023-p01';

/**
 * A complete national 100-point project form: 96.35 of 100 万元 spent, printed "96.35%", execution
 * weight 10 scored 9.64, total 99.64 of 100, graded 优. With nationalRows() nothing fires.
 */
function evaluation(over: Partial<AuditEvaluation> = {}): AuditEvaluation {
	const v = {
		eval_id: EVAL_ID,
		unit_id: 'demo',
		year: 2023,
		form: 'project' as const,
		project_name: '办案经费',
		budget_initial: 100,
		budget_final: 100,
		executed: 96.35,
		exec_rate_reported: 0.9635,
		exec_weight: 10,
		exec_score: 9.64,
		total_weight: 100,
		total_score: 99.64,
		grade_reported: '优' as const,
		exec_reason: null,
		provenance: 'published' as const,
		...over
	};
	return {
		...v,
		budget_initial_text: printed(v.budget_initial, money),
		budget_final_text: printed(v.budget_final, money),
		executed_text: printed(v.executed, money),
		exec_rate_reported_text: printed(v.exec_rate_reported, percent),
		exec_weight_text: printed(v.exec_weight, points),
		exec_score_text: printed(v.exec_score, points),
		total_weight_text: printed(v.total_weight, points),
		total_score_text: printed(v.total_score, points),
		...over
	};
}

const valueText = (v: number | null, unit: string | null) =>
	v === null ? null : `${points(v)}${unit ?? ''}`;

/** A numeric 数量指标 row, met with full marks: "80件" planned, "130件" done, 10/10. */
function indicator(over: Partial<AuditIndicator> = {}): AuditIndicator {
	const v = {
		eval_id: EVAL_ID,
		seq: 1,
		level1: '产出指标',
		level2: '数量指标',
		level3: '办理案件数',
		comparator: null,
		target_value: 80,
		actual_value: 130,
		unit: '件',
		weight: 10,
		score: 10,
		deviation_reason: null,
		...over
	};
	return {
		...v,
		target_text: valueText(v.target_value, v.unit),
		actual_text: valueText(v.actual_value, v.unit),
		...over
	};
}

/** A 定性 row as the Hunan forms print it: target "定性", nothing in the actual column. */
function qualitative(over: Partial<AuditIndicator> = {}): AuditIndicator {
	return indicator({
		level1: '效益指标',
		level2: '社会效益指标',
		level3: '形成反腐高压态势',
		comparator: 'qualitative',
		target_text: '定性',
		target_value: null,
		actual_text: null,
		actual_value: null,
		unit: null,
		...over
	});
}

/** One funding sub-row with the same amount in its three money columns (`amount`), printed. */
function funding(
	dimension: AuditFunding['dimension'],
	seq: number,
	item: string,
	amount: number | null,
	over: Partial<AuditFunding> = {}
): AuditFunding {
	const text = amount === null ? null : points(amount);
	return {
		eval_id: EVAL_ID,
		dimension,
		seq,
		item,
		budget_initial: amount,
		budget_initial_text: text,
		budget_final: amount,
		budget_final_text: text,
		executed: amount,
		executed_text: text,
		...over
	};
}

/**
 * The national scheme's indicator block, weights 90 (产出 50, 效益 30, 满意度 10) beside the
 * execution rate's 10, every row met with full marks; seq 2, 3, 5, 6 have no numeric target.
 */
function nationalRows(): AuditIndicator[] {
	return [
		indicator({
			seq: 1,
			level3: '办理案件数',
			target_value: 80,
			actual_value: 130,
			weight: 20,
			score: 20
		}),
		indicator({
			seq: 2,
			level2: '质量指标',
			level3: '案件质量',
			target_text: '无不合格案件',
			target_value: null,
			actual_text: '0',
			actual_value: 0,
			unit: null
		}),
		qualitative({
			seq: 3,
			level1: '产出指标',
			level2: '时效指标',
			level3: '按时办理各类案件',
			target_text: '在审批时限内办结',
			actual_text: '完成'
		}),
		indicator({
			seq: 4,
			level2: '成本指标',
			level3: '人均办案成本',
			target_text: '≤2万元',
			target_value: 2,
			actual_text: '1.85万元',
			actual_value: 1.85,
			unit: '万元'
		}),
		qualitative({ seq: 5, weight: 20, score: 20 }),
		qualitative({ seq: 6, level2: '可持续影响指标', level3: '案件的三效果统一' }),
		indicator({
			seq: 7,
			level1: '满意度指标',
			level2: '服务对象满意度指标',
			level3: '群众满意度',
			comparator: '≥',
			target_text: '96%以上',
			target_value: 96,
			actual_text: '97%',
			actual_value: 97,
			unit: '%'
		})
	];
}

/** Rows with the one at `seq` changed; a changed value gets a printed text unless one is given. */
function patch(
	rows: readonly AuditIndicator[],
	seq: number,
	over: Partial<AuditIndicator>
): AuditIndicator[] {
	return rows.map((r) => {
		if (r.seq !== seq) return r;
		const m = { ...r, ...over };
		if ('target_value' in over && !('target_text' in over))
			m.target_text = valueText(m.target_value, m.unit);
		if ('actual_value' in over && !('actual_text' in over))
			m.actual_text = valueText(m.actual_value, m.unit);
		return m;
	});
}

interface Form {
	e: AuditEvaluation;
	rows: AuditIndicator[];
	funding: AuditFunding[];
}

/** A form: the evaluation, its indicator rows and funding rows, all under the evaluation's id. */
function form(
	over: Partial<AuditEvaluation> = {},
	rows: readonly AuditIndicator[] = nationalRows(),
	fundingRows: readonly AuditFunding[] = []
): Form {
	const e = evaluation(over);
	return {
		e,
		rows: rows.map((r) => ({ ...r, eval_id: e.eval_id })),
		funding: fundingRows.map((f) => ({ ...f, eval_id: e.eval_id }))
	};
}

const audit = (f: Form) => auditForm(f.e, f.rows, f.funding);
const rulesOf = (flags: readonly AuditFlag[]) => flags.map((f) => f.rule);
const input = (...forms: Form[]): AuditInput => ({
	evaluations: forms.map((f) => f.e),
	indicators: forms.flatMap((f) => f.rows),
	funding: forms.flatMap((f) => f.funding)
});

/** The one flag of `rule`, with its severity from RULES and both messages quoting `quotes`. */
function flagOf(flags: readonly AuditFlag[], rule: RuleId, quotes: string[] = []): AuditFlag {
	const hits = flags.filter((f) => f.rule === rule);
	expect(hits, `${rule} in ${JSON.stringify(rulesOf(flags))}`).toHaveLength(1);
	const f = hits[0];
	expect(f.severity).toBe(RULES.find((r) => r.id === rule)?.severity);
	for (const q of quotes) {
		expect(f.message_zh).toContain(q);
		expect(f.message_en).toContain(q);
	}
	return f;
}

function expectNo(flags: readonly AuditFlag[], rule: RuleId) {
	expect(rulesOf(flags)).not.toContain(rule);
}

// ---------------------------------------------------------------------------------------------
// The reference: 株洲市渌口区纪委监委 2023 (data/sample). The Hunan template prints the total (90)
// in the execution row's weight and score columns, and the indicator weights add up to 90.

const HUNAN = '430212-jiwei';

function hunanEvaluation(
	id: string,
	budget: { initial: number; final: number; executed: number },
	score: number,
	over: Partial<AuditEvaluation> = {}
): AuditEvaluation {
	return evaluation({
		eval_id: id,
		unit_id: HUNAN,
		form: 'project',
		budget_initial: budget.initial,
		budget_initial_text: String(budget.initial),
		budget_final: budget.final,
		budget_final_text: String(budget.final),
		executed: budget.executed,
		executed_text: String(budget.executed),
		exec_rate_reported: 1,
		exec_rate_reported_text: '100%',
		exec_weight: 90,
		exec_weight_text: '90',
		exec_score: score,
		exec_score_text: String(score),
		total_weight: 90,
		total_weight_text: '90',
		total_score: score,
		total_score_text: String(score),
		grade_reported: null,
		...over
	});
}

function hunanDept(): Form {
	const id = `${HUNAN}-2023-dept`;
	const e = hunanEvaluation(id, { initial: 1262.27, final: 1715.85, executed: 1715.85 }, 90, {
		form: 'department',
		project_name: null,
		exec_weight_text: '90分'
	});
	const row = (o: Partial<AuditIndicator>) => indicator({ eval_id: id, ...o });
	const q = (o: Partial<AuditIndicator>) => qualitative({ eval_id: id, ...o });
	const rows = [
		row({
			seq: 1,
			level3: '查处问题线索数',
			target_text: '300个',
			target_value: 300,
			actual_text: '313个',
			actual_value: 313,
			unit: '个'
		}),
		row({
			seq: 2,
			level2: '质量指标',
			level3: '无不合格案件',
			target_text: '0',
			target_value: 0,
			actual_text: '0',
			actual_value: 0,
			unit: null,
			weight: 15,
			score: 15
		}),
		q({
			seq: 3,
			level1: '产出指标',
			level2: '时效指标',
			level3: '按时办理各类案件',
			target_text: '在审批时限内办结',
			actual_text: '完成'
		}),
		row({
			seq: 4,
			level2: '成本指标',
			level3: '工作投入成本',
			target_text: '1262.27万',
			target_value: 1262.27,
			actual_text: '1715.85',
			actual_value: 1715.85,
			unit: '万元',
			weight: 15,
			score: 15
		}),
		row({
			seq: 5,
			level1: '效益指标',
			level2: '经济效益指标',
			level3: '挽回经济损失',
			target_text: '2000万',
			target_value: 2000,
			actual_text: '8000万',
			actual_value: 8000,
			unit: '万元'
		}),
		q({ seq: 6, level3: '人民群众的拥护支持' }),
		q({ seq: 7, level2: '生态效益指标', level3: '风清气正的社会环境', weight: 5, score: 5 }),
		q({ seq: 8, level2: '可持续影响指标', level3: '案件的三效果统一', weight: 5, score: 5 }),
		row({
			seq: 9,
			level1: '满意度指标',
			level2: '服务对象满意度指标',
			level3: '干群满意度',
			target_text: '96%',
			target_value: 96,
			actual_text: '96%',
			actual_value: 96,
			unit: '%'
		})
	];
	const f = (
		dimension: AuditFunding['dimension'],
		seq: number,
		item: string,
		final: number | null,
		executed: number | null,
		executedText: string | null = executed === null ? null : String(executed)
	) =>
		funding(dimension, seq, item, null, {
			eval_id: id,
			budget_final: final,
			budget_final_text: final === null ? null : String(final),
			executed,
			executed_text: executedText
		});
	const fundingRows = [
		f('revenue', 1, '一般公共预算', 1715.85, null),
		f('revenue', 2, '政府性基金拨款', 0, null),
		f('revenue', 3, '纳入专户管理的非税收入拨款', 0, null),
		f('revenue', 4, '其他资金', 0, null),
		f('nature', 5, '基本支出', 1682.85, 1682.85, '1682.85万元'),
		f('nature', 6, '项目支出', 33, 33, '33万'),
		f('economic', 7, '工资福利支出', null, 1112.75, '1112.75万元'),
		f('economic', 8, '商品和服务支出', null, 565.98, '565.98万元'),
		f('economic', 9, '对个人和家庭的补助支出', null, 4.12, '4.12万元')
	];
	return { e, rows, funding: fundingRows };
}

/** 乡镇纪委工作经费 (n = 1) and 办案经费 (n = 2): the same template, most rows shared. */
function hunanProject(
	n: 1 | 2,
	over: Partial<AuditEvaluation> = {},
	rowsOver: (rows: AuditIndicator[]) => AuditIndicator[] = (r) => r
): Form {
	const id = `${HUNAN}-2023-p0${n}`;
	const amount = n === 1 ? 16 : 17;
	const score = n === 1 ? 89 : 90;
	const e = hunanEvaluation(id, { initial: amount, final: amount, executed: amount }, score, {
		project_name: n === 1 ? '乡镇纪委工作经费' : '办案经费',
		...over
	});
	const row = (o: Partial<AuditIndicator>) => indicator({ eval_id: id, ...o });
	const q = (o: Partial<AuditIndicator>) =>
		qualitative({ eval_id: id, target_text: '定性指标', ...o });
	const rows = [
		n === 1
			? row({
					seq: 1,
					target_text: '50件',
					target_value: 50,
					actual_text: '47',
					actual_value: 47,
					weight: 15,
					score: 14,
					deviation_reason: '少数案件2024年结案。'
				})
			: row({ seq: 1, target_text: '80件', actual_text: '130', actual_value: 130 }),
		row({
			seq: 2,
			level2: '质量指标',
			level3: '案件质量',
			target_text: '无不合格案件',
			target_value: null,
			actual_text: '0',
			actual_value: 0,
			unit: null
		}),
		q({
			seq: 3,
			level1: '产出指标',
			level2: '时效指标',
			level3: '按时办理各类案件',
			target_text: '在审批时限内办结',
			actual_text: '完成'
		}),
		n === 1
			? row({
					seq: 4,
					level2: '成本指标',
					level3: '纪检工作投入',
					target_text: '16万',
					target_value: 16,
					actual_text: '16万',
					actual_value: 16,
					unit: '万元',
					weight: 15,
					score: 15
				})
			: row({
					seq: 4,
					level2: '成本指标',
					level3: '足额保障办案投入',
					target_text: '17',
					target_value: 17,
					actual_text: '255.6万',
					actual_value: 255.6,
					unit: '万元',
					weight: 20,
					score: 20
				}),
		q({ seq: 5, level2: '经济效益指标', level3: n === 1 ? '优化营商环境' : '挽回经济损失' }),
		q({ seq: 6, level3: '形成反腐高压态势' }),
		q({ seq: 7, level2: '生态效益指标', level3: '营造风正气正的社会氛围', weight: 5, score: 5 }),
		q({ seq: 8, level2: '可持续影响指标', level3: '案件的三效果统一', weight: 5, score: 5 }),
		row({
			seq: 9,
			level1: '满意度指标',
			level2: '服务对象满意度指标',
			level3: '群众满意度',
			comparator: '≥',
			target_text: '96%以上',
			target_value: 96,
			actual_text: '96%',
			actual_value: 96,
			unit: '%'
		})
	];
	// 办案经费's 挽回经济损失 is numeric on the printed form: "2000万" → "8000万".
	if (n === 2)
		rows[4] = row({
			seq: 5,
			level1: '效益指标',
			level2: '经济效益指标',
			level3: '挽回经济损失',
			target_text: '2000万',
			target_value: 2000,
			actual_text: '8000万',
			actual_value: 8000,
			unit: '万元'
		});
	const fundingRows = [
		funding('source', 1, '当年财政拨款', amount, { eval_id: id }),
		funding('source', 2, '上年结转资金', 0, { eval_id: id }),
		funding('source', 3, '其他资金', 0, { eval_id: id })
	];
	return { e, rows: rowsOver(rows), funding: fundingRows };
}

// ---------------------------------------------------------------------------------------------

describe('the reference forms and a clean national form', () => {
	it('raises nothing on a consistent national 100-point form', () => {
		const a = audit(form());
		expect(a.flags).toEqual([]);
		expect(a.form.exec_basis).toBe('scored');
		expect(a.form.scale).toBe(100);
	});

	it('flags exactly the two overscored cost rows and the impossible cost on the Hunan 2023 forms', () => {
		const r = runAudit(input(hunanDept(), hunanProject(1), hunanProject(2)));
		expect(r.flags.map((f) => f.id).sort()).toEqual([
			`cost_exceeds_spending:${HUNAN}-2023-p02:4`,
			`full_marks_on_miss:${HUNAN}-2023-dept:4`,
			`full_marks_on_miss:${HUNAN}-2023-p02:4`
		]);
		expect(r.forms.map((f) => f.exec_basis)).toEqual([
			'total_in_exec_row',
			'total_in_exec_row',
			'total_in_exec_row'
		]);
		expect(r.indicators).toHaveLength(27);
	});
});

describe('exec_rate_mismatch', () => {
	it('fires when 100% is printed for 95 spent of 100', () => {
		const a = audit(
			form({
				executed: 95,
				exec_rate_reported: 1,
				exec_rate_reported_text: '100%',
				exec_score: 9.5,
				total_score: 99.5
			})
		);
		const f = flagOf(a.flags, 'exec_rate_mismatch', ['100%', '95.00', '100.00', '95%', '5 ']);
		expect(f.id).toBe(`exec_rate_mismatch:${EVAL_ID}`);
		expect(f.seq).toBeNull();
		expect(f.numbers).toContain('exec_rate=0.95');
	});

	it('does not fire when "96.35%" is printed for 96.35 of 100', () => {
		expectNo(audit(form()).flags, 'exec_rate_mismatch');
	});

	it('allows integer-percent rounding: "100%" printed for 99.6 of 100', () => {
		const a = audit(
			form({
				executed: 99.6,
				exec_rate_reported: 1,
				exec_rate_reported_text: '100%',
				exec_score: 9.96,
				total_score: 99.96
			})
		);
		expect(a.flags).toEqual([]);
	});

	it('does not allow it when the rate is printed to two decimals: "100.00%" for 99.6 of 100', () => {
		const a = audit(
			form({
				executed: 99.6,
				exec_rate_reported: 1,
				exec_rate_reported_text: '100.00%',
				exec_score: 9.96,
				total_score: 99.96
			})
		);
		flagOf(a.flags, 'exec_rate_mismatch', ['100.00%', '99.60', '99.6%', '0.4 ']);
	});

	it('does not fire on the Hunan forms, whose amounts are printed as whole 万元', () => {
		expectNo(audit(hunanProject(1)).flags, 'exec_rate_mismatch');
	});
});

describe('exec_score_mismatch', () => {
	const reason = { exec_reason: '部分办案经费跨年度结算，于次年初支付' };

	it('fires when weight 10 at 85% execution is scored 10', () => {
		const a = audit(
			form({ ...reason, executed: 85, exec_rate_reported: 0.85, exec_score: 10, total_score: 100 })
		);
		const f = flagOf(a.flags, 'exec_score_mismatch', ['10', '85%', '8.5']);
		expect(f.message_zh).not.toContain('封顶');
	});

	it('does not fire when weight 10 at 85% is scored 8.5', () => {
		const a = audit(
			form({
				...reason,
				executed: 85,
				exec_rate_reported: 0.85,
				exec_score: 8.5,
				total_score: 98.5
			})
		);
		expect(a.flags).toEqual([]);
	});

	it('caps the score at the weight: 104% scored 10 does not fire', () => {
		const a = audit(
			form({ executed: 104, exec_rate_reported: 1.04, exec_score: 10, total_score: 100 })
		);
		expectNo(a.flags, 'exec_score_mismatch');
		expect(a.form.exec_expected).toBe(10);
	});

	it('says when it capped: 104% scored 9 fires with the expected 10 "capped at the weight"', () => {
		const a = audit(
			form({ executed: 104, exec_rate_reported: 1.04, exec_score: 9, total_score: 99 })
		);
		const f = flagOf(a.flags, 'exec_score_mismatch', ['104%', '9']);
		expect(f.message_zh).toContain('以分值封顶');
		expect(f.message_en).toContain('capped at the weight');
	});

	it('does not fire on the Hunan layout, where the execution row prints the total (90, 89)', () => {
		for (const f of [hunanDept(), hunanProject(1), hunanProject(2)]) {
			const a = audit(f);
			expect(a.form.exec_basis).toBe('total_in_exec_row');
			expectNo(a.flags, 'exec_score_mismatch');
			expect(a.form.exec_expected).toBeNull();
		}
	});
});

describe('exec_over_100', () => {
	it('fires at 102.59%', () => {
		const a = audit(
			form({ executed: 102.59, exec_rate_reported: 1.0259, exec_score: 10, total_score: 100 })
		);
		flagOf(a.flags, 'exec_over_100', ['102.59%', '102.59', '100.00', '2.59 万元']);
	});

	it('does not fire at exactly 100%', () => {
		const a = audit(
			form({ executed: 100, exec_rate_reported: 1, exec_score: 10, total_score: 100 })
		);
		expect(a.flags).toEqual([]);
	});

	it('reads the printed rate when the amounts are not printed', () => {
		const a = audit(
			form({
				budget_initial: null,
				budget_final: null,
				executed: null,
				exec_rate_reported: 1.0259,
				exec_score: 10,
				total_score: 100
			})
		);
		flagOf(a.flags, 'exec_over_100', ['102.59%']);
		expectNo(a.flags, 'exec_rate_mismatch');
	});
});

describe('exec_low_no_reason', () => {
	const low = { executed: 72.74, exec_rate_reported: 0.7274, exec_score: 7.27, total_score: 97.27 };

	it('fires at 72.74% with no reason printed', () => {
		const a = audit(form(low));
		flagOf(a.flags, 'exec_low_no_reason', ['72.74%']);
		expect(a.flags.map((f) => f.rule)).toEqual(['exec_low_no_reason']);
	});

	it('fires when the reason cell holds only blanks', () => {
		flagOf(audit(form({ ...low, exec_reason: '　 ' })).flags, 'exec_low_no_reason', ['72.74%']);
	});

	it('does not fire when a reason is printed', () => {
		const a = audit(
			form({ ...low, exec_reason: '部分项目因政府采购流程未完成，资金未能在年内支付' })
		);
		expect(a.flags).toEqual([]);
	});

	it('does not fire at 90%', () => {
		const a = audit(
			form({ executed: 90, exec_rate_reported: 0.9, exec_score: 9, total_score: 99 })
		);
		expect(a.flags).toEqual([]);
	});
});

describe('score_above_weight', () => {
	it('fires when a row of weight 10 is scored 12', () => {
		const rows = patch(nationalRows(), 4, { score: 12 });
		const a = audit(form({ total_score: 101.64 }, rows));
		const f = flagOf(a.flags, 'score_above_weight', ['人均办案成本', '12', '10']);
		expect(f.seq).toBe(4);
		expect(f.id).toBe(`score_above_weight:${EVAL_ID}:4`);
	});

	it('does not fire on full marks (10 of 10)', () => {
		expectNo(audit(form()).flags, 'score_above_weight');
	});
});

describe('weights_not_total', () => {
	it('does not fire on the Hunan layout: indicator weights 90, total 90 printed in the execution row', () => {
		expectNo(audit(hunanDept()).flags, 'weights_not_total');
	});

	it('does not fire on 10 + 90 = 100', () => {
		expectNo(audit(form()).flags, 'weights_not_total');
	});

	it('fires on execution 10 + indicators 95 against a printed total of 100', () => {
		const rows = patch(nationalRows(), 1, { weight: 25, score: 25 });
		const a = audit(form({ total_score: 104.64 }, rows));
		flagOf(a.flags, 'weights_not_total', ['105', '10', '95', '100']);
	});

	it('fires on a form printing no execution weight whose indicators add up to 90 of a printed 100', () => {
		const a = audit(form({ exec_weight: null, exec_score: null, total_score: 90 }));
		expect(a.form.exec_basis).toBe('absent');
		const f = flagOf(a.flags, 'weights_not_total', ['90', '100']);
		expect(f.message_zh).toContain('未印执行率分值');
	});
});

describe('total_mismatch', () => {
	// The 社会效益 row scored 10 of 20: the indicators add up to 80.
	const rows = () => patch(nationalRows(), 5, { score: 10 });

	it('allows the printed precision: "89.5" for 9.46 + 80 = 89.46', () => {
		const a = audit(
			form(
				{
					executed: 94.6,
					exec_rate_reported: 0.946,
					exec_score: 9.46,
					total_score: 89.5,
					grade_reported: '良'
				},
				rows()
			)
		);
		expect(a.flags).toEqual([]);
	});

	it('fires on 92 printed for 9 + 80 = 89', () => {
		const a = audit(
			form(
				{
					executed: 90,
					exec_rate_reported: 0.9,
					exec_score: 9,
					total_score: 92,
					grade_reported: '优'
				},
				rows()
			)
		);
		flagOf(a.flags, 'total_mismatch', ['92', '89', '9', '80', '3']);
		expect(rulesOf(a.flags)).toEqual(['total_mismatch']);
	});

	it('does not add the Hunan execution row to the parts: 89 is the indicator scores alone', () => {
		expectNo(audit(hunanProject(1)).flags, 'total_mismatch');
	});

	it('fires on the Hunan layout when the indicator scores do not add up to the total', () => {
		const a = audit(hunanProject(1, { exec_score: 90, total_score: 90, total_score_text: '90' }));
		flagOf(a.flags, 'total_mismatch', ['90', '89', '1']);
	});
});

describe('full_marks_on_miss', () => {
	const alone = (row: AuditIndicator) => audit(form({}, [row]));

	it('fires on ≥: target "50件", actual 47, full marks 15/15', () => {
		const row = indicator({
			target_text: '50件',
			target_value: 50,
			actual_text: '47',
			actual_value: 47,
			weight: 15,
			score: 15
		});
		const a = alone(row);
		const f = flagOf(a.flags, 'full_marks_on_miss', [
			'办理案件数',
			'50件',
			'47',
			'94%',
			'15/15',
			'14.1'
		]);
		expect(f.message_zh).toContain('按“数量指标”推断');
		expect(a.indicators[0]).toMatchObject({
			status: 'missed',
			direction: '≥',
			direction_source: 'group'
		});
		expect(a.indicators[0].expected_score).toBeCloseTo(14.1, 6);
	});

	it('does not fire on the reference row scored 14/15', () => {
		const a = audit(hunanProject(1));
		expectNo(a.flags, 'full_marks_on_miss');
		expect(a.indicators[0].status).toBe('missed');
		expect(a.indicators[0].score_gap).toBeCloseTo(-0.1, 6);
	});

	it('fires on ≤ inferred from 成本指标: target "1262.27万", actual 1715.85, 15/15, and says so', () => {
		const a = audit(hunanDept());
		const f = flagOf(a.flags, 'full_marks_on_miss', [
			'工作投入成本',
			'1262.27万',
			'1715.85',
			'35.9%',
			'15/15',
			'9.61'
		]);
		expect(f.seq).toBe(4);
		expect(f.message_zh).toContain('表中未印指标性质，按“成本指标”推断');
		expect(f.message_en).toContain('no comparator printed; inferred from “成本指标”');
		expect(f.message_zh).toContain('越低越好（≤）');
		expect(f.numbers).toContain('direction_from=group');
		const row = a.indicators.find((r) => r.seq === 4);
		expect(row).toMatchObject({ direction: '≤', direction_source: 'group', status: 'missed' });
		expect(row?.expected_score).toBeCloseTo((1 - (1715.85 - 1262.27) / 1262.27) * 15, 9);
		expect(row?.expected_score).toBeCloseTo(9.61, 2);
	});

	it('fires on ≤ read from the target text: "≤202.6万元", actual 210', () => {
		const row = indicator({
			level2: '成本指标',
			level3: '办案经费支出',
			target_text: '≤202.6万元',
			target_value: 202.6,
			actual_text: '210万元',
			actual_value: 210,
			unit: '万元'
		});
		const f = flagOf(alone(row).flags, 'full_marks_on_miss', [
			'≤202.6万元',
			'210万元',
			'3.7%',
			'9.63'
		]);
		expect(f.message_zh).toContain('方向取自目标值所印');
		expect(f.message_en).toContain('as printed in the target');
	});

	it('fires on =: comparator "=" target 8, actual 7, full marks', () => {
		const row = indicator({
			level3: '开展专项监督',
			comparator: '=',
			target_text: '8个',
			target_value: 8,
			actual_text: '7个',
			actual_value: 7,
			unit: '个'
		});
		const f = flagOf(alone(row).flags, 'full_marks_on_miss', [
			'8个',
			'7个',
			'12.5%',
			'10/10',
			'8.75'
		]);
		expect(f.message_zh).toContain('方向取自指标性质栏');
		expect(f.message_en).toContain('from the comparator column');
	});

	it('does not fire when = is met, nor on ≤ met, nor on a qualitative row', () => {
		const rows = [
			indicator({
				seq: 1,
				comparator: '=',
				target_text: '8个',
				target_value: 8,
				actual_text: '8个',
				actual_value: 8,
				unit: '个'
			}),
			indicator({
				seq: 2,
				level2: '成本指标',
				target_text: '≤100万元',
				target_value: 100,
				actual_value: 95,
				unit: '万元'
			}),
			qualitative({ seq: 3 })
		];
		expect(audit(form({}, rows)).flags.filter((f) => f.seq !== null)).toEqual([]);
	});
});

describe('deduction_when_met', () => {
	it('fires on target "300个", actual "313个", scored 9/10', () => {
		const row = indicator({
			level3: '查处问题线索数',
			target_text: '300个',
			target_value: 300,
			actual_text: '313个',
			actual_value: 313,
			unit: '个',
			score: 9
		});
		const a = audit(form({}, [row]));
		flagOf(a.flags, 'deduction_when_met', ['查处问题线索数', '300个', '313个', '9/10']);
		expect(a.indicators[0]).toMatchObject({ status: 'met', expected_score: 10, score_gap: -1 });
	});

	it('does not fire on a qualitative row scored 8/10', () => {
		const a = audit(form({}, [qualitative({ score: 8 })]));
		expectNo(a.flags, 'deduction_when_met');
		expect(a.indicators[0]).toMatchObject({ status: 'qualitative', expected_score: null });
	});
});

describe('cost_exceeds_spending', () => {
	it('fires on 成本 actual "255.6万" on a form that spent 17', () => {
		const a = audit(hunanProject(2));
		const f = flagOf(a.flags, 'cost_exceeds_spending', ['足额保障办案投入', '255.6万', '17', '15']);
		expect(f.seq).toBe(4);
		expect(f.numbers).toBe('actual=255.6; executed=17');
	});

	it('does not fire when the cost equals the spending (16万 of 16; 1715.85 of 1715.85)', () => {
		expectNo(audit(hunanProject(1)).flags, 'cost_exceeds_spending');
		expectNo(audit(hunanDept()).flags, 'cost_exceeds_spending');
	});

	it('does not compare a cost row measured in %', () => {
		const row = indicator({
			level2: '成本指标',
			level3: '成本控制率',
			target_text: '≤100%',
			target_value: 100,
			actual_text: '98%',
			actual_value: 98,
			unit: '%'
		});
		expectNo(
			audit(form({ executed: 17, exec_rate_reported: 0.17 }, [row])).flags,
			'cost_exceeds_spending'
		);
	});
	// BUG: a 度量单位 column of 元 (Sichuan-style templates) leaves target/actual in 元, and the rule
	// compares 18500 元 with 17 万元 unconverted; 元 is in its MONEY_UNITS but never scaled to 万元.
	it('converts a cost printed in 元: 18500 元 per case on a form that spent 17 万元 does not fire', () => {
		const row = indicator({
			level2: '成本指标',
			level3: '人均办案成本',
			comparator: '≤',
			target_text: '20000',
			target_value: 20000,
			actual_text: '18500',
			actual_value: 18500,
			unit: '元'
		});
		expectNo(
			audit(form({ budget_final: 17, executed: 17, exec_rate_reported: 1 }, [row])).flags,
			'cost_exceeds_spending'
		);
	});
});

describe('grade_mismatch', () => {
	// Totals off the parts are total_mismatch's business; these cases look at the grade alone.
	it('fires on a total of 85 printed 优', () => {
		const a = audit(form({ total_score: 85, grade_reported: '优' }));
		const f = flagOf(a.flags, 'grade_mismatch', ['85', '优', '良']);
		expect(f.message_zh).not.toContain('折合');
	});

	it('does not fire on 92 printed 优', () => {
		expectNo(audit(form({ total_score: 92, grade_reported: '优' })).flags, 'grade_mismatch');
	});

	it('does not fire on 85 of 90 printed 优 (94.4 of 100)', () => {
		const a = audit(
			hunanProject(1, { total_score: 85, total_score_text: '85', grade_reported: '优' })
		);
		expectNo(a.flags, 'grade_mismatch');
		expect(a.form.scale).toBe(90);
	});

	it('fires on 75 of 90 printed 优, quoting the 100-point equivalent 83.3', () => {
		const a = audit(
			hunanProject(1, { total_score: 75, total_score_text: '75', grade_reported: '优' })
		);
		const f = flagOf(a.flags, 'grade_mismatch', ['75', '90', '83.3', '良']);
		expect(f.message_zh).toContain('折合百分制 83.3');
	});

	// BUG: when a Hunan form's indicator weights misadd (85 printed beside the total 90 in the
	// execution row), execBasis falls back to 'scored', the 90 is taken for an execution weight and the
	// grade is scaled to 90 + 85 = 175: 89 becomes 50.9 and "优" is flagged as "差".
	it('grades a Hunan form whose indicator weights misadd on its printed 90-point scale', () => {
		const a = audit(
			hunanProject(1, { grade_reported: '优' }, (rows) => patch(rows, 3, { weight: 5, score: 5 }))
		);
		expectNo(a.flags, 'grade_mismatch');
	});

	it('still flags the misadded weights of that Hunan form', () => {
		const a = audit(hunanProject(1, {}, (rows) => patch(rows, 3, { weight: 5, score: 5 })));
		flagOf(a.flags, 'weights_not_total', ['85', '90']);
	});

	it('allows the printed precision: a total printed "90" may be 89.5, so 良 is not flagged', () => {
		const a = audit(form({ total_score: 90, total_score_text: '90', grade_reported: '良' }));
		expectNo(a.flags, 'grade_mismatch');
	});

	it('flags "89.96" printed 优: no rounding of 89.955–89.965 reaches 90', () => {
		const a = audit(form({ total_score: 89.96, grade_reported: '优' }));
		flagOf(a.flags, 'grade_mismatch', ['89.96', '优', '良']);
	});
});

describe('funding_sum_mismatch', () => {
	it('does not fire on source rows 16 + 0 + 0 against a final budget of 16', () => {
		expectNo(audit(hunanProject(1)).flags, 'funding_sum_mismatch');
	});

	it('fires on source rows 8.81 + 0 + 0 against 8.01', () => {
		const rows = [
			funding('source', 1, '当年财政拨款', 8.81),
			funding('source', 2, '上年结转资金', 0),
			funding('source', 3, '其他资金', 0)
		];
		const a = audit(
			form(
				{
					budget_initial: 8.01,
					budget_final: 8.01,
					executed: 8.01,
					exec_rate_reported: 1,
					exec_score: 10,
					total_score: 100
				},
				nationalRows(),
				rows
			)
		);
		const f = flagOf(a.flags, 'funding_sum_mismatch', ['8.81', '8.01']);
		expect(f.id).toBe(`funding_sum_mismatch:${EVAL_ID}:source`);
		expect(f.indicator).toBe('source');
		expect(f.message_zh).toMatch(/^资金来源：/);
		expect(f.message_en).toMatch(/^Source: /);
	});

	it('does not fire on an economic split that adds up to 基本支出 rather than the total', () => {
		// 1112.75 + 565.98 + 4.12 = 1682.85 = 基本支出; the total is 1715.85.
		expectNo(audit(hunanDept()).flags, 'funding_sum_mismatch');
	});

	it('fires on an economic split that adds up to neither 基本支出 nor the total', () => {
		const dept = hunanDept();
		dept.funding = dept.funding.map((f) =>
			f.item === '工资福利支出' ? { ...f, executed: 1121.75, executed_text: '1121.75万元' } : f
		);
		const f = flagOf(audit(dept).flags, 'funding_sum_mismatch', ['1691.85', '1682.85', '1715.85']);
		expect(f.indicator).toBe('economic');
		expect(f.message_zh).toContain('基本支出');
	});

	it('fires on a total of 0 above a non-zero sub-row', () => {
		const rows = [
			funding('source', 1, '当年财政拨款', 12.5),
			funding('source', 2, '上年结转资金', 0),
			funding('source', 3, '其他资金', 0)
		];
		const a = audit(
			form(
				{
					budget_initial: 0,
					budget_initial_text: '0',
					budget_final: 0,
					budget_final_text: '0',
					executed: 0,
					executed_text: '0',
					exec_rate_reported: 1,
					exec_score: 10,
					total_score: 100
				},
				nationalRows(),
				rows
			)
		);
		const f = flagOf(a.flags, 'funding_sum_mismatch', ['12.5', '0']);
		expect(f.numbers).toContain('budget_final_rows=12.5');
		expect(f.numbers).toContain('budget_final=0');
	});
});

// ---------------------------------------------------------------------------------------------
// Unit rules: one department form a year for a district 纪委监委.

/** One department form per year, its rows made by `rowsFor(year)`. */
function history(years: readonly number[], rowsFor: (year: number) => Partial<AuditIndicator>[]) {
	const forms = years.map((year) =>
		evaluation({ eval_id: `demo-${year}-dept`, year, form: 'department', project_name: null })
	);
	const rowsByEval = new Map(
		forms.map((f) => [
			f.eval_id,
			rowsFor(f.year).map((o, i) => indicator({ eval_id: f.eval_id, seq: i + 1, ...o }))
		])
	);
	return { forms, rowsByEval, flags: auditUnit('demo', forms, rowsByEval) };
}

const clues = (target: number, actual: number): Partial<AuditIndicator> => ({
	level3: '查处问题线索数',
	target_text: `${target}个`,
	target_value: target,
	actual_text: `${actual}个`,
	actual_value: actual,
	unit: '个'
});
const cases = (target: number, actual: number): Partial<AuditIndicator> => ({
	level3: '立案数',
	target_text: `${target}件`,
	target_value: target,
	actual_text: `${actual}件`,
	actual_value: actual,
	unit: '件'
});
const losses = (target: number, actual: number): Partial<AuditIndicator> => ({
	level1: '效益指标',
	level2: '经济效益指标',
	level3: '挽回经济损失',
	target_text: `${target}万`,
	target_value: target,
	actual_text: `${actual}万`,
	actual_value: actual,
	unit: '万元'
});

/** A 定性 row of a unit's history. */
const vague = (level2: string, level3: string): Partial<AuditIndicator> => ({
	level1: '效益指标',
	level2,
	level3,
	comparator: 'qualitative',
	target_text: '定性',
	target_value: null,
	actual_value: null,
	unit: null
});

describe('static_targets', () => {
	const YEARS = [2019, 2020, 2021, 2022, 2023];

	it('fires when two recurring indicators keep "300个" and "100件" from 2019 to 2023', () => {
		const h = history(YEARS, (y) => [
			clues(300, 300 + (y - 2018) * 4),
			cases(100, 105 + (y - 2019))
		]);
		const f = flagOf(h.flags, 'static_targets', ['300', '100', '2019–2023', '5']);
		expect(f.id).toBe('static_targets:demo');
		expect(f).toMatchObject({ unit_id: 'demo', year: null, eval_id: null, seq: null });
		expect(f.indicator).toBe('查处问题线索数、立案数');
		expect(f.message_zh).toContain('「查处问题线索数」每年 300（2019–2023，5 年）');
		expectNo(h.flags, 'low_targets');
	});

	it('does not fire when the targets change', () => {
		const h = history(YEARS, (y) => [
			clues(280 + (y - 2019) * 10, 313),
			cases(100 + (y - 2019) * 5, 130)
		]);
		expectNo(h.flags, 'static_targets');
	});

	it('does not fire on fewer than three years', () => {
		const h = history([2022, 2023], () => [clues(300, 313), cases(100, 110)]);
		expect(h.flags).toEqual([]);
	});

	it('ignores percentage targets ("≥95%", "100%")', () => {
		const h = history(YEARS, () => [
			{
				level1: '满意度指标',
				level2: '服务对象满意度指标',
				level3: '群众满意度',
				target_text: '≥95%',
				target_value: 95,
				actual_text: '96%',
				actual_value: 96,
				unit: '%'
			},
			{
				level2: '质量指标',
				level3: '结案率',
				target_text: '100%',
				target_value: 100,
				actual_text: '100%',
				actual_value: 100,
				unit: '%'
			}
		]);
		expect(h.flags).toEqual([]);
	});
});

describe('low_targets', () => {
	it('fires when most recurring targets are beaten by half or more every year', () => {
		// 2021–2023: cases 80/85/90 → 130/150/140; losses 2000/2500/3000万 → 8000/6000/9000万.
		const plan: Record<number, [number, number, number, number]> = {
			2021: [80, 130, 2000, 8000],
			2022: [85, 150, 2500, 6000],
			2023: [90, 140, 3000, 9000]
		};
		const h = history([2021, 2022, 2023], (y) => {
			const [t1, a1, t2, a2] = plan[y];
			return [cases(t1, a1), losses(t2, a2)];
		});
		const f = flagOf(h.flags, 'low_targets', ['2', '50%', '挽回经济损失', '2021–2023']);
		expect(f.message_zh).toContain('「立案数」实际为目标的 1.6–1.8 倍');
		expect(f.message_en).toContain('“挽回经济损失” 2.4–4× the target');
		expectNo(h.flags, 'static_targets');
	});

	it('does not fire on one year only (办案经费 2023: 80件 → 130)', () => {
		const h = history([2023], () => [cases(80, 130), losses(2000, 8000)]);
		expect(h.flags).toEqual([]);
	});

	it('does not fire when a target is beaten by half in only two of three years', () => {
		const h = history([2021, 2022, 2023], (y) => [
			cases(80 + (y - 2021) * 5, y === 2022 ? 100 : 140),
			losses(2000 + (y - 2021) * 500, y === 2023 ? 3600 : 8000)
		]);
		expectNo(h.flags, 'low_targets');
	});
});

describe('qualitative_heavy', () => {
	it('fires when indicators without a numeric target carry most of the weight (70 of 90)', () => {
		const h = history([2023], () => [
			{ ...clues(300, 313), weight: 20, score: 20 },
			{
				level2: '时效指标',
				level3: '按时办理各类案件',
				comparator: 'qualitative',
				target_text: '在审批时限内办结',
				target_value: null,
				actual_text: '完成',
				actual_value: null,
				unit: null
			},
			{ ...vague('社会效益指标', '人民群众的拥护支持'), weight: 30, score: 30 },
			{ ...vague('可持续影响指标', '案件的三效果统一'), weight: 30, score: 30 }
		]);
		const f = flagOf(h.flags, 'qualitative_heavy', ['78%', '70', '90', '3', '4', '2023']);
		expect(f.message_zh).toContain('（70/90 分；3/4 行，1 张表，2023）');
	});

	it('does not fire on the reference mix (4 of 9 rows 定性, 30 of 90 points; 120 of 270 over the three forms)', () => {
		const dept = hunanDept();
		const rowsByEval = new Map([[dept.e.eval_id, dept.rows]]);
		expect(auditUnit(HUNAN, [dept.e], rowsByEval)).toEqual([]);
		const all = [hunanDept(), hunanProject(1), hunanProject(2)];
		const all3 = new Map(all.map((f) => [f.e.eval_id, f.rows]));
		expect(
			auditUnit(
				HUNAN,
				all.map((f) => f.e),
				all3
			)
		).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------

describe('recomputed score', () => {
	it('recomputes a plain 100-point form with one missed ≥ row given full marks', () => {
		// Execution 95%: 9.5 of 10. 办理案件数 "50件" → 47 scored 20/20, by rule 47/50 × 20 = 18.8.
		// 社会效益 (定性) scored 16/20 keeps its 16. Printed total 9.5 + 86 = 95.5.
		let rows = patch(nationalRows(), 1, {
			target_text: '50件',
			target_value: 50,
			actual_value: 47
		});
		rows = patch(rows, 5, { score: 16 });
		const a = audit(
			form({ executed: 95, exec_rate_reported: 0.95, exec_score: 9.5, total_score: 95.5 }, rows)
		);
		expect(rulesOf(a.flags)).toEqual(['full_marks_on_miss']);
		expect(a.form).toMatchObject({
			exec_basis: 'scored',
			scale: 100,
			self_score: 95.5,
			measurable_weight: 40,
			qualitative_weight: 50,
			inferred_rows: 1,
			flags_error: 0,
			flags_warning: 1,
			flags_info: 0
		});
		expect(a.form.exec_rate).toBeCloseTo(0.95, 12);
		expect(a.form.exec_expected).toBeCloseTo(9.5, 12);
		expect(a.form.recomputed_score).toBeCloseTo(94.3, 9);
		expect(a.form.gap).toBeCloseTo(1.2, 9);
		expect(a.form.self_pct).toBeCloseTo(95.5, 9);
		expect(a.form.recomputed_pct).toBeCloseTo(94.3, 9);
		expect(a.form.gap_pct).toBeCloseTo(1.2, 9);
		const bySeq = new Map(a.indicators.map((r) => [r.seq, r]));
		expect(bySeq.get(1)?.expected_score).toBeCloseTo(18.8, 9);
		expect(bySeq.get(1)?.score_gap).toBeCloseTo(1.2, 9);
		expect(bySeq.get(5)).toMatchObject({
			status: 'qualitative',
			expected_score: null,
			score_gap: null
		});
		expect(bySeq.get(2)).toMatchObject({
			status: 'qualitative',
			direction: null,
			direction_source: null
		});
		expect(bySeq.get(4)).toMatchObject({
			status: 'met',
			direction: '≤',
			direction_source: 'target_text'
		});
		expect(bySeq.get(7)).toMatchObject({
			status: 'met',
			direction: '≥',
			direction_source: 'column'
		});
	});

	it('recomputes the Hunan department form out of 90: 90 printed, 84.61 by rule', () => {
		const a = audit(hunanDept());
		expect(a.form.scale).toBe(90);
		expect(a.form.self_score).toBe(90);
		expect(a.form.self_pct).toBeCloseTo(100, 9);
		expect(a.form.recomputed_score).toBeCloseTo(75 + (1 - (1715.85 - 1262.27) / 1262.27) * 15, 9);
		expect(a.form.recomputed_score).toBeCloseTo(84.61, 2);
		expect(a.form.recomputed_pct).toBeCloseTo(94.01, 2);
		expect(a.form.gap).toBeCloseTo(5.39, 2);
		expect(a.form).toMatchObject({
			qualitative_weight: 30,
			measurable_weight: 60,
			inferred_rows: 5
		});
	});
});

describe('readDirection', () => {
	type Row = Parameters<typeof readDirection>[0];
	const row = (target_text: string | null, level2: string | null, o: Partial<Row> = {}): Row => ({
		comparator: null,
		target_text,
		target_value: null,
		level2,
		unit: null,
		...o
	});

	it.each([
		[
			'the comparator column wins over "≥95%"',
			row('≥95%', '质量指标', { comparator: '≤' }),
			'≤',
			'column'
		],
		['"≥95%" from the target text', row('≥95%', '服务对象满意度指标'), '≥', 'target_text'],
		['"96%以上" from the target text', row('96%以上', '服务对象满意度指标'), '≥', 'target_text'],
		['"≤202.6万元" from the target text', row('≤202.6万元', '成本指标'), '≤', 'target_text'],
		['"﹦8个" from the target text', row('﹦8个', '数量指标'), '=', 'target_text'],
		[
			'"1262.27万" in 成本指标 inferred ≤',
			row('1262.27万', '成本指标', { unit: '万元' }),
			'≤',
			'group'
		],
		['"300个" in 数量指标 inferred ≥', row('300个', '数量指标', { unit: '个' }), '≥', 'group'],
		['"0" in 质量指标 inferred ≥', row('0', '质量指标'), '≥', 'group'],
		['"30天" in 时效指标 inferred ≤', row('30天', '时效指标', { unit: '天' }), '≤', 'group'],
		['"2000万" in 经济效益指标 inferred ≥', row('2000万', '经济效益指标'), '≥', 'group']
	] as const)('%s', (_, r, direction, source) => {
		expect(readDirection(r)).toEqual({ direction, source, qualitative: false });
	});

	it.each([
		['"定性"', row('定性', '社会效益指标'), 'target_text'],
		['"定性指标"', row('定性指标', '生态效益指标'), 'target_text'],
		['"无不合格案件"', row('无不合格案件', '质量指标'), 'target_text'],
		['"9月前"', row('9月前', '时效指标'), 'target_text'],
		[
			'the comparator column "qualitative"',
			row('在审批时限内办结', '时效指标', { comparator: 'qualitative' }),
			'column'
		]
	] as const)('reads %s as qualitative', (_, r, source) => {
		expect(readDirection(r)).toEqual({ direction: null, source, qualitative: true });
	});
});

describe('isMet and ruleScore', () => {
	it('scores ≤ proportionally between the target and twice it, and 0 from twice on', () => {
		expect(ruleScore('≤', 100, 100, 10)).toBe(10);
		expect(ruleScore('≤', 100, 150, 10)).toBeCloseTo(5, 12);
		expect(ruleScore('≤', 100, 200, 10)).toBe(0);
		expect(ruleScore('≤', 100, 250, 10)).toBe(0);
		expect(ruleScore('≤', 1262.27, 1715.85, 15)).toBeCloseTo(9.61, 2);
		expect(ruleScore('≤', 17, 255.6, 20)).toBe(0);
	});

	it('treats ≥ with a target of 0 as met', () => {
		expect(isMet('≥', 0, 0)).toBe(true);
		expect(ruleScore('≥', 0, 0, 15)).toBe(15);
		expect(ruleScore('≥', 0, 3, 15)).toBe(15);
	});

	it('scores a missed zero target 0', () => {
		expect(isMet('≤', 0, 1)).toBe(false);
		expect(ruleScore('≤', 0, 1, 10)).toBe(0);
	});

	it('scores ≥ as actual / target × weight, never above the weight', () => {
		expect(ruleScore('≥', 50, 47, 15)).toBeCloseTo(14.1, 12);
		expect(ruleScore('≥', 300, 313, 10)).toBe(10);
		expect(isMet('≥', 0.3, 0.1 + 0.2)).toBe(true);
	});

	it('scores = by the deviation either way, not below 0', () => {
		expect(ruleScore('=', 8, 8, 10)).toBe(10);
		expect(ruleScore('=', 8, 7, 10)).toBeCloseTo(8.75, 12);
		expect(ruleScore('=', 8, 9, 10)).toBeCloseTo(8.75, 12);
		expect(ruleScore('=', 8, 20, 10)).toBe(0);
	});
});

// ---------------------------------------------------------------------------------------------

describe('the rules and their flags', () => {
	it('lists each rule once', () => {
		const ids = RULES.map((r) => r.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(16);
	});

	it('gives every flag a unique id, and every rule fires somewhere in a messy dataset', () => {
		const messy = (
			id: string,
			year: number,
			over: Partial<AuditEvaluation>,
			rows = nationalRows(),
			fund: AuditFunding[] = []
		) => form({ eval_id: id, unit_id: 'messy', year, ...over }, rows, fund);
		const forms: Form[] = [
			hunanDept(),
			hunanProject(1),
			hunanProject(2),
			// exec_rate_mismatch, exec_score_mismatch, exec_low_no_reason, total_mismatch, grade_mismatch
			messy('messy-2021-p01', 2021, {
				executed: 72.74,
				exec_rate_reported: 1,
				exec_score: 10,
				total_score: 85,
				grade_reported: '优'
			}),
			// exec_over_100, score_above_weight, weights_not_total, funding_sum_mismatch
			messy(
				'messy-2022-p01',
				2022,
				{ executed: 102.59, exec_rate_reported: 1.0259, exec_score: 10, total_score: 102 },
				patch(patch(nationalRows(), 4, { score: 12 }), 1, { weight: 25, score: 25 }),
				[funding('source', 1, '当年财政拨款', 108.81), funding('source', 2, '上年结转资金', 0)]
			),
			// deduction_when_met, full_marks_on_miss
			messy(
				'messy-2023-p01',
				2023,
				{ total_score: 98.64 },
				patch(patch(nationalRows(), 1, { score: 19 }), 7, { actual_text: '94%', actual_value: 94 })
			)
		];
		// qualitative_heavy, static_targets, low_targets for unit "demo"
		const h = history([2021, 2022, 2023], (y) => [
			{ ...cases(80, 130 + y - 2021), weight: 5, score: 5 },
			{ ...losses(2000, 8000), weight: 5, score: 5 },
			{ ...vague('社会效益指标', '形成反腐高压态势'), weight: 80, score: 80 }
		]);
		const result = runAudit({
			evaluations: [...forms.map((f) => f.e), ...h.forms],
			indicators: [...forms.flatMap((f) => f.rows), ...[...h.rowsByEval.values()].flat()],
			funding: forms.flatMap((f) => f.funding),
			// direction_not_applied: 群众满意度 prints ≥ on messy-2021-p01
			directions: [
				direction({ level3: '群众满意度', comparator: '≤', unit_id: 'messy', year: 2021 })
			]
		});
		const ids = result.flags.map((f) => f.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(rulesOf(result.flags))).toEqual(new Set(RULES.map((r) => r.id)));
		for (const f of result.flags) {
			expect(f.message_zh).toMatch(/\d/);
			expect(f.message_en).toMatch(/\d/);
			expect(f.severity).toBe(RULES.find((r) => r.id === f.rule)?.severity);
		}
	});
});

describe('edges found in review', () => {
	it('reads a budget printed "16" as 16.00 万元: "100%" for 15 of 16 is a misprint', () => {
		const a = audit(
			form({
				budget_final: 16,
				budget_final_text: '16',
				executed: 15,
				executed_text: '15',
				exec_rate_reported: 1,
				exec_rate_reported_text: '100%',
				exec_score: 10,
				total_score: 100.36
			})
		);
		flagOf(a.flags, 'exec_rate_mismatch', ['100%', '93.75%']);
		flagOf(a.flags, 'exec_score_mismatch', ['9.38']);
	});

	it('recognises the Hunan layout when no total weight was transcribed', () => {
		const a = audit(
			hunanProject(1, {
				total_weight: null,
				total_weight_text: null,
				total_score: null,
				total_score_text: null
			})
		);
		expect(a.form.exec_basis).toBe('total_in_exec_row');
		expect(a.form.scale).toBe(90);
		expectNo(a.flags, 'exec_score_mismatch');
		expect(a.form.self_score).toBe(89);
	});

	it('keeps a qualitative self-score only up to its weight in the recomputed score', () => {
		// Row 5 is 定性 with weight 20; printed 25 it would lift the recomputed score with it.
		const rows = patch(nationalRows(), 5, { score: 25 });
		const f = form({ total_score: 104.64 }, rows);
		expect(rows.find((r) => r.seq === 5)!.comparator).toBe('qualitative');
		const a = audit(f);
		flagOf(a.flags, 'score_above_weight', ['25', '20']);
		// The 5 points above the weight are inflation; the rest of the form scores as the rule does.
		expect(a.form.gap).toBeCloseTo(5, 1);
	});

	it('reads 达到95% as a floor: 98% meets it', () => {
		const a = audit(
			form({}, [
				...nationalRows().slice(0, -1),
				indicator({
					seq: 99,
					level1: '满意度指标',
					level2: '服务对象满意度指标',
					level3: '群众满意度',
					target_text: '达到95%',
					target_value: 95,
					actual_text: '98%',
					actual_value: 98,
					unit: '%',
					weight: 10,
					score: 10
				})
			])
		);
		expect(a.indicators.at(-1)).toMatchObject({ direction: '≥', status: 'met' });
	});

	it('treats a target of 0 with no comparator as "none allowed": 3 unqualified cases miss it', () => {
		const row = indicator({
			level2: '质量指标',
			level3: '无不合格案件',
			target_text: '0',
			target_value: 0,
			actual_text: '3',
			actual_value: 3,
			unit: null,
			weight: 15,
			score: 15
		});
		const a = audit(form({}, [row]));
		expect(a.indicators[0]).toMatchObject({ direction: '≤', direction_source: 'group' });
		flagOf(a.flags, 'full_marks_on_miss', ['15/15']);
	});

	it('flags money spent against a final budget of 0, and does not ask a reason for 0 of 0', () => {
		const spent = audit(
			form({ budget_final: 0, executed: 50, exec_rate_reported: null, exec_score: null })
		);
		flagOf(spent.flags, 'exec_over_100', ['50']);
		const nothing = audit(
			form({ budget_final: 0, executed: 0, exec_rate_reported: 0, exec_score: null })
		);
		expectNo(nothing.flags, 'exec_low_no_reason');
		expectNo(nothing.flags, 'exec_over_100');
	});

	it('reads the precision of figures printed with thousands separators', () => {
		expect(printedDecimals('1,715.85')).toBe(2);
		expect(printedDecimals('12,000')).toBe(0);
		expect(printedDecimals('约1,262.2万元')).toBe(1);
	});
});

// ---------------------------------------------------------------------------------------------
// The publisher's directions (the directions table).

/** A publisher's direction: every group, unit and year unless given. */
function direction(over: Partial<AuditDirection> = {}): AuditDirection {
	return {
		level3: '办理案件数',
		level2: null,
		unit_id: null,
		year: null,
		comparator: '≤',
		note: null,
		provenance: 'published',
		...over
	};
}

describe('directions set by the publisher', () => {
	const withDirections = (f: Form, ...d: AuditDirection[]) =>
		auditForm(f.e, f.rows, f.funding, overrideLookup(d));
	// 办理案件数 prints "80件" with no comparator: the group (数量指标) says ≥; 130 meets it, 20/20.
	const base = form({ total_score: 99.64 });

	it('scores an unprinted comparator by the publisher’s direction, and says so', () => {
		const before = audit(base);
		const after = withDirections(
			base,
			direction({ comparator: '≤', note: '案件越少说明预防越好（示例）' })
		);
		const row = (a: typeof before) => a.indicators.find((r) => r.seq === 1)!;
		expect(row(before)).toMatchObject({ direction: '≥', direction_source: 'group', status: 'met' });
		expect(row(before).expected_score).toBe(20);
		expect(row(after)).toMatchObject({
			direction: '≤',
			direction_source: 'override',
			direction_note: '案件越少说明预防越好（示例）',
			status: 'missed'
		});
		// ≤ 80 with 130: overrun 50/80, so (1 − 0.625) × 20 = 7.5 by rule, 12.5 less than before.
		expect(row(after).expected_score).toBeCloseTo(7.5, 12);
		expect(after.form.recomputed_score! - before.form.recomputed_score!).toBeCloseTo(-12.5, 12);
		expect(after.form.gap! - before.form.gap!).toBeCloseTo(12.5, 12);
		// No longer inferred: one inferred row fewer on the form.
		expect(before.form.inferred_rows - after.form.inferred_rows).toBe(1);
		const f = flagOf(after.flags, 'full_marks_on_miss', ['7.5', '20/20']);
		expect(f.message_zh).toContain('方向由发布方指定：案件越少说明预防越好（示例）');
		expect(f.message_en).toContain('direction set by the publisher');
		expect(f.numbers).toContain('direction_from=override');
		expectNo(after.flags, 'direction_not_applied');
	});

	it('keeps a printed comparator and reports a direction that contradicts it', () => {
		// 群众满意度 prints ≥ in the comparator column; 人均办案成本 prints "≤2万元" in the target.
		const a = withDirections(
			base,
			direction({ level3: '群众满意度', comparator: '≤', note: '示例' }),
			direction({ level3: '人均办案成本', comparator: '≤' })
		);
		expect(a.indicators.find((r) => r.seq === 7)).toMatchObject({
			direction: '≥',
			direction_source: 'column',
			direction_note: null,
			status: 'met'
		});
		expect(a.indicators.find((r) => r.seq === 4)).toMatchObject({
			direction: '≤',
			direction_source: 'target_text'
		});
		expect(a.form.recomputed_score).toBeCloseTo(audit(base).form.recomputed_score!, 12);
		// The agreeing one (≤ on "≤2万元") is not reported; the contradicting one is, once.
		const f = flagOf(a.flags, 'direction_not_applied');
		expect(f.seq).toBe(7);
		expect(f.severity).toBe('info');
		expect(f.message_zh).toContain(
			'「群众满意度」发布方指定方向 ≤（所有表；示例），而表中指标性质栏印为“≥”'
		);
		expect(f.message_en).toContain('the printed one is used (≥)');
	});

	it('reports a direction given to a row that prints 定性, and leaves it qualitative', () => {
		const a = withDirections(base, direction({ level3: '案件的三效果统一', comparator: '≥' }));
		expect(a.indicators.find((r) => r.seq === 6)).toMatchObject({ status: 'qualitative' });
		const f = flagOf(a.flags, 'direction_not_applied', ['定性']);
		expect(f.seq).toBe(6);
	});

	it('uses none of two directions that disagree on a row, and says which', () => {
		const a = withDirections(
			base,
			direction({ comparator: '≥' }),
			direction({ comparator: '≤', year: 2023 })
		);
		expect(a.indicators.find((r) => r.seq === 1)).toMatchObject({
			direction: '≥',
			direction_source: 'group'
		});
		const f = flagOf(a.flags, 'direction_not_applied', ['≥', '≤']);
		expect(f.message_zh).toContain('2 条发布方指定的方向互相矛盾');
		expect(f.message_zh).toContain('≤（2023年）');
		expect(f.message_en).toContain('none is used');
	});

	it('applies only within its scope (group, unit, year) and to forms of its own provenance', () => {
		const misses = [
			direction({ level2: '质量指标' }),
			direction({ unit_id: 'another-unit' }),
			direction({ year: 2022 }),
			direction({ provenance: 'synthetic' }),
			direction({ level3: '办理案件数 ' })
		];
		for (const d of misses) {
			const a = withDirections(base, d);
			expect(
				a.indicators.find((r) => r.seq === 1),
				JSON.stringify(d)
			).toMatchObject({
				direction_source: 'group'
			});
			expect(a.flags).toEqual(audit(base).flags);
		}
		const hit = withDirections(
			base,
			direction({ level2: '数量指标', unit_id: 'demo', year: 2023, note: null })
		);
		expect(hit.indicators.find((r) => r.seq === 1)).toMatchObject({
			direction: '≤',
			direction_source: 'override',
			direction_note: null
		});
	});

	it('unit rules follow it too: a series the publisher calls ≤ is not a target set too low', () => {
		const plan: Record<number, [number, number, number, number]> = {
			2021: [80, 130, 2000, 8000],
			2022: [85, 150, 2500, 6000],
			2023: [90, 140, 3000, 9000]
		};
		const h = history([2021, 2022, 2023], (y) => {
			const [t1, a1, t2, a2] = plan[y];
			return [cases(t1, a1), losses(t2, a2)];
		});
		flagOf(h.flags, 'low_targets');
		const d = overrideLookup([direction({ level3: '立案数', comparator: '≤' })]);
		expectNo(auditUnit('demo', h.forms, h.rowsByEval, d), 'low_targets');
	});
});
