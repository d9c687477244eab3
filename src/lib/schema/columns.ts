// Small builders for column definitions, so each table reads as a list of facts.
import type { ColumnDef, Required } from './types';

type Extra = Partial<Omit<ColumnDef, 'name' | 'type' | 'zh' | 'en' | 'description'>>;

function builder(type: ColumnDef['type']) {
	return (
		name: string,
		zh: string,
		en: string,
		description: string,
		extra: Extra = {}
	): ColumnDef => ({
		name,
		type,
		required: false,
		zh,
		en,
		description,
		...extra
	});
}

export const text = builder('text');
export const integer = builder('integer');
export const decimal = builder('decimal');

/**
 * A printed figure: the parsed number and, beside it, the text exactly as the form printed it
 * ("90分", "100%", "8000余万元"). The text column is named `<name>_text`.
 */
export function measure(
	name: string,
	zh: string,
	en: string,
	description: string,
	extra: Extra & { required?: Required } = {}
): [ColumnDef, ColumnDef] {
	return [
		decimal(name, zh, en, description, { ...extra, printedIn: `${name}_text` }),
		text(
			`${name}_text`,
			`${zh}（原文）`,
			`${en} (as printed)`,
			`${zh} exactly as printed on the form`
		)
	];
}
