// The national scoring rules for one indicator: met or not under its comparator, and the score the rule gives.
import type { Direction } from './direction';

/** Whether the actual meets the target: ≥ at or above, ≤ at or below, = equal. */
export function isMet(direction: Direction, target: number, actual: number): boolean {
	const eps = 1e-9 * Math.max(1, Math.abs(target));
	if (direction === '≥') return actual >= target - eps;
	if (direction === '≤') return actual <= target + eps;
	return Math.abs(actual - target) <= eps;
}

/**
 * Score by rule (财预〔2020〕10号 as the provinces publish it):
 * - ≥: full weight when met, else actual / target × weight;
 * - ≤: full weight when met; between target and 2 × target, (1 − (actual − target) / target) × weight; 0 beyond;
 * - =: full weight when equal, else (1 − |actual − target| / target) × weight, not below 0.
 * A target of 0 that is missed scores 0 (no proportion can be taken).
 */
export function ruleScore(
	direction: Direction,
	target: number,
	actual: number,
	weight: number
): number {
	if (isMet(direction, target, actual)) return weight;
	if (target === 0) return 0;
	const t = Math.abs(target);
	let share: number;
	if (direction === '≥') share = actual / target;
	else if (direction === '≤') share = 1 - (actual - target) / t;
	else share = 1 - Math.abs(actual - target) / t;
	return Math.min(weight, Math.max(0, share * weight));
}
