// Which way an indicator is scored (≥, ≤, =), and where that came from: the comparator column, the printed target, or the group.
import { parseValue } from '../normalize/value';
import type { Direction, DirectionSource } from '../schema';
import type { AuditIndicator } from './input';

export type { Direction, DirectionSource };

export interface DirectionRead {
	/** Null for qualitative rows. */
	direction: Direction | null;
	source: DirectionSource | null;
	qualitative: boolean;
}

const TIME_UNITS = new Set(['天', '日', '个月', '月', '年', '小时', '工作日']);

/**
 * The comparator column wins; then a comparator printed in the target ("≥95%", "96%以上", "≤202.6万元");
 * otherwise the group tells the usual direction (domain rules): 成本 (cost) is lower-is-better,
 * a target of 0 (no incidents) and a 时效 (timeliness) figure in days or months are lower-is-better,
 * everything else higher-is-better.
 */
export function readDirection(
	row: Pick<AuditIndicator, 'comparator' | 'target_text' | 'target_value' | 'level2' | 'unit'>
): DirectionRead {
	const c = row.comparator;
	if (c === 'qualitative') return { direction: null, source: 'column', qualitative: true };
	if (c === '≥' || c === '≤' || c === '=')
		return { direction: c, source: 'column', qualitative: false };
	const parsed = parseValue(row.target_text);
	if (parsed.kind === 'qualitative')
		return { direction: null, source: 'target_text', qualitative: true };
	if (parsed.comparator && parsed.comparator !== 'qualitative')
		return { direction: parsed.comparator, source: 'target_text', qualitative: false };
	const group = row.level2 ?? '';
	const unit = row.unit ?? parsed.unit ?? '';
	if (/成本/.test(group)) return { direction: '≤', source: 'group', qualitative: false };
	// A target of 0 counts incidents to avoid (无不合格案件 0, 安全事故 0): more is worse.
	if (row.target_value === 0) return { direction: '≤', source: 'group', qualitative: false };
	if (/时效/.test(group) && TIME_UNITS.has(unit))
		return { direction: '≤', source: 'group', qualitative: false };
	return { direction: '≥', source: 'group', qualitative: false };
}
