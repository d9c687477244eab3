// Small builders for column definitions, so each table reads as a list of facts (their literal types give Row<…>).
import type { ColumnDef, ColumnType, Required } from './types';

type Extra = Partial<Omit<ColumnDef, 'name' | 'type' | 'zh' | 'en' | 'description'>>;
type NoExtra = Record<never, never>;

/**
 * A column as its builder made it: a ColumnDef whose name, type, requiredness and allowed values
 * keep their literal types, so a table's row type can be derived from it (see rows.ts).
 */
export type Column<
	N extends string,
	T extends ColumnType,
	E extends Extra = NoExtra
> = ColumnDef & {
	readonly name: N;
	readonly type: T;
	readonly required: E extends { required: infer R } ? R : false;
	readonly values: E extends { values: infer V } ? V : undefined;
};

function builder<T extends ColumnType>(type: T) {
	return <const N extends string, const E extends Extra = NoExtra>(
		name: N,
		zh: string,
		en: string,
		description: string,
		extra?: E
	): Column<N, T, E> =>
		({
			name,
			type,
			required: false,
			zh,
			en,
			description,
			...extra
		}) as Column<N, T, E>;
}

export const text = builder('text');
export const integer = builder('integer');
export const decimal = builder('decimal');

/**
 * A printed figure: the parsed number and, beside it, the text exactly as the form printed it
 * ("90分", "100%", "8000余万元"). The text column is named `<name>_text`.
 */
export function measure<const N extends string, const E extends Extra = NoExtra>(
	name: N,
	zh: string,
	en: string,
	description: string,
	extra?: E & { required?: Required }
): [Column<N, 'decimal', E>, Column<`${N}_text`, 'text'>] {
	return [
		decimal(name, zh, en, description, { ...extra, printedIn: `${name}_text` }) as Column<
			N,
			'decimal',
			E
		>,
		text(
			`${name}_text`,
			`${zh}（原文）`,
			`${en} (as printed)`,
			`${zh} exactly as printed on the form`
		)
	];
}
