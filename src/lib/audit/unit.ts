// Unit-wide rules over all of a unit's forms and years: targets that never change, targets set too low, vague indicators.
import type { AuditEvaluation, AuditIndicator } from './input';
import { overrideLookup, resolveDirection, type OverrideLookup } from './override';
import { EPS } from './precision';
import { RULE_BY_ID, type RuleId } from './rules';
import { num, numbers, pctText } from './text';
import type { AuditFlag } from './types';

/** A recurring indicator: the same level-3 name on the same kind of form (department, or the same project). */
interface Series {
	label: string;
	points: { year: number; target: number; actual: number }[];
}

/** A series needs this many years before its targets say anything. */
export const MIN_YEARS = 3;
/** Exceeding the target by this factor every year marks the target as set too low. */
export const LOW_FACTOR = 1.5;
/** Share of a unit's weight in indicators without a numeric target that marks it as mostly qualitative. */
export const QUALITATIVE_SHARE = 2 / 3;

/**
 * Higher-is-better numeric series with a positive target, one point per year (first row of a year wins).
 * Percentages are left out: a 95% satisfaction target is the same everywhere and cannot be exceeded by half.
 */
function recurringSeries(
	forms: readonly AuditEvaluation[],
	rowsByEval: ReadonlyMap<string, readonly AuditIndicator[]>,
	overrides: OverrideLookup
): Series[] {
	const series = new Map<string, Series>();
	for (const f of forms)
		for (const r of rowsByEval.get(f.eval_id) ?? []) {
			if (r.target_value === null || r.actual_value === null || r.target_value <= 0) continue;
			if (r.unit === '%' || /[%％]/.test(r.target_text ?? '')) continue;
			const d = resolveDirection(r, f, overrides).read;
			if (d.qualitative || d.direction !== '≥') continue;
			const key = `${f.form}|${f.project_name ?? ''}|${r.level3}`;
			let s = series.get(key);
			if (!s) {
				s = { label: f.project_name ? `${f.project_name}·${r.level3}` : r.level3, points: [] };
				series.set(key, s);
			}
			if (!s.points.some((p) => p.year === f.year))
				s.points.push({ year: f.year, target: r.target_value, actual: r.actual_value });
		}
	return [...series.values()]
		.filter((s) => s.points.length >= MIN_YEARS)
		.map((s) => ({ ...s, points: s.points.sort((a, b) => a.year - b.year) }));
}

const span = (s: Series) => `${s.points[0].year}–${s.points[s.points.length - 1].year}`;

function unitFlag(
	unitId: string,
	rule: RuleId,
	indicator: string | null,
	zh: string,
	en: string,
	nums: string
): AuditFlag {
	return {
		id: `${rule}:${unitId}`,
		rule,
		severity: RULE_BY_ID[rule].severity,
		unit_id: unitId,
		year: null,
		eval_id: null,
		form: null,
		project_name: null,
		seq: null,
		indicator,
		message_zh: zh,
		message_en: en,
		numbers: nums
	};
}

/** Flags "most" when at least two series and at least half of the eligible ones match. */
const most = (hit: number, of: number) => hit >= 2 && hit >= of / 2;

export function auditUnit(
	unitId: string,
	forms: readonly AuditEvaluation[],
	rowsByEval: ReadonlyMap<string, readonly AuditIndicator[]>,
	overrides: OverrideLookup = overrideLookup()
): AuditFlag[] {
	const flags: AuditFlag[] = [];
	const series = recurringSeries(forms, rowsByEval, overrides);

	const fixed = series.filter((s) =>
		s.points.every((p) => Math.abs(p.target - s.points[0].target) <= EPS)
	);
	if (most(fixed.length, series.length)) {
		const ex = fixed.slice(0, 3);
		flags.push(
			unitFlag(
				unitId,
				'static_targets',
				fixed.map((s) => s.label).join('、'),
				`${series.length} 项连续${MIN_YEARS}年以上的数量类指标中有 ${fixed.length} 项目标值从未调整，如${ex.map((s) => `「${s.label}」每年 ${num(s.points[0].target)}（${span(s)}，${s.points.length} 年）`).join('、')}`,
				`${fixed.length} of ${series.length} numeric indicators recurring for ${MIN_YEARS}+ years never changed their target, e.g. ${ex.map((s) => `“${s.label}” ${num(s.points[0].target)} every year (${span(s)}, ${s.points.length} years)`).join(', ')}`,
				numbers({ static_series: fixed.length, recurring_series: series.length })
			)
		);
	}

	const low = series.filter((s) => s.points.every((p) => p.actual >= LOW_FACTOR * p.target - EPS));
	if (most(low.length, series.length)) {
		const ratio = (s: Series) => s.points.map((p) => p.actual / p.target);
		const ex = low.slice(0, 3);
		flags.push(
			unitFlag(
				unitId,
				'low_targets',
				low.map((s) => s.label).join('、'),
				`${series.length} 项连续${MIN_YEARS}年以上的指标中有 ${low.length} 项每年都超过目标${pctText(LOW_FACTOR - 1, 0)}以上，如${ex.map((s) => `「${s.label}」实际为目标的 ${num(Math.min(...ratio(s)), 1)}–${num(Math.max(...ratio(s)), 1)} 倍（${span(s)}）`).join('、')}`,
				`${low.length} of ${series.length} indicators recurring for ${MIN_YEARS}+ years beat their target by ${pctText(LOW_FACTOR - 1, 0)} or more every year, e.g. ${ex.map((s) => `“${s.label}” ${num(Math.min(...ratio(s)), 1)}–${num(Math.max(...ratio(s)), 1)}× the target (${span(s)})`).join(', ')}`,
				numbers({ low_series: low.length, recurring_series: series.length })
			)
		);
	}

	let weight = 0;
	let vague = 0;
	let rows = 0;
	let vagueRows = 0;
	for (const f of forms)
		for (const r of rowsByEval.get(f.eval_id) ?? []) {
			const d = resolveDirection(r, f, overrides).read;
			const isVague = d.qualitative || r.target_value === null;
			rows++;
			if (isVague) vagueRows++;
			weight += r.weight ?? 0;
			if (isVague) vague += r.weight ?? 0;
		}
	const share = weight > 0 ? vague / weight : rows > 0 ? vagueRows / rows : 0;
	if (rows > 0 && share >= QUALITATIVE_SHARE - EPS) {
		const years = [...new Set(forms.map((f) => f.year))].sort((a, b) => a - b);
		const yr = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]);
		flags.push(
			unitFlag(
				unitId,
				'qualitative_heavy',
				null,
				`无数值目标（定性或文字）的指标占全部分值的 ${pctText(share, 0)}（${num(vague)}/${num(weight)} 分；${vagueRows}/${rows} 行，${forms.length} 张表，${yr}），多数指标无法核实`,
				`Indicators without a numeric target (qualitative or text) carry ${pctText(share, 0)} of the weight (${num(vague)} of ${num(weight)} points; ${vagueRows} of ${rows} rows on ${forms.length} forms, ${yr}), so most cannot be checked`,
				numbers({ vague_weight: vague, weight, vague_rows: vagueRows, rows })
			)
		);
	}
	return flags;
}
