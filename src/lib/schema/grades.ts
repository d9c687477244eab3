// The grade bands of a self-evaluation (自评等级): 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60 on 100 points, with their labels.
import { msg, type Msg } from './msg';

/** The grades a form may print, best first (evaluations.grade_reported). */
export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeBand {
	grade: Grade;
	/** Lowest score on 100 points that earns the grade (inclusive). */
	min: number;
	label: Msg;
}

/** Best first; a score takes the first band whose `min` it reaches (差 also below 0). */
export const GRADE_BANDS: readonly GradeBand[] = [
	{ grade: '优', min: 90, label: msg('优', 'Excellent') },
	{ grade: '良', min: 80, label: msg('良', 'Good') },
	{ grade: '中', min: 60, label: msg('中', 'Fair') },
	{ grade: '差', min: 0, label: msg('差', 'Poor') }
];

/** The grade of a score on 100 points (below the lowest band's `min`, or not a number: the lowest grade). */
export function gradeOf(scorePct: number): Grade {
	return (GRADE_BANDS.find((b) => scorePct >= b.min) ?? GRADE_BANDS[GRADE_BANDS.length - 1]).grade;
}

export const GRADE_LABEL = Object.fromEntries(GRADE_BANDS.map((b) => [b.grade, b.label])) as Record<
	Grade,
	Msg
>;

export const isGrade = (g: string): g is Grade => (GRADES as readonly string[]).includes(g);

/**
 * The bands as a sentence writes them, best first: "优 ≥ 90，良 80–89，中 60–79，差 < 60"
 * (`name` picks each band's word, `sep` joins them).
 */
export function gradeBandsText(name: (b: GradeBand) => string, sep: string): string {
	const last = GRADE_BANDS.length - 1;
	return GRADE_BANDS.map((b, i) =>
		i === 0
			? `${name(b)} ≥ ${b.min}`
			: i === last
				? `${name(b)} < ${GRADE_BANDS[i - 1].min}`
				: `${name(b)} ${b.min}–${GRADE_BANDS[i - 1].min - 1}`
	).join(sep);
}
