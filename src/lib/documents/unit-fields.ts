// What a document does not say about its unit (id, region code, sector, provenance): asked of the user with defaults, never guessed.
import { PROVENANCES, units } from '../schema/tables';
import { msg, type Msg } from '../schema/msg';
import type { Recognised } from './recognise';

export interface UnitFields {
	unit_id: string;
	region_code?: string;
	sector?: string;
	provenance?: (typeof PROVENANCES)[number];
	region?: string;
	/** Override the name the document prints. */
	name?: string;
	short_name?: string;
	parent_id?: string;
}

export type UnitFieldName = keyof UnitFields;

/** The fields the reader asks for; `required` ones must be given before the document loads. */
const FIELDS: readonly { name: UnitFieldName; required: boolean; hint: Msg }[] = [
	{
		name: 'unit_id',
		required: true,
		hint: msg('区划代码 + 简写，如 430212-jiwei', 'region code + a slug, e.g. 430212-jiwei')
	},
	{
		name: 'name',
		required: true,
		hint: msg(
			'默认取文档所印的名称（部门表的预算部门名称，或项目表的实施单位）',
			'by default the name the document prints (the department form’s 预算部门名称, or a project form’s 实施单位)'
		)
	},
	{
		name: 'region_code',
		required: false,
		hint: msg('6 位，如 430212', '6 digits, e.g. 430212')
	},
	{
		name: 'sector',
		required: false,
		hint: msg('如 纪检监察、教育、水利', 'e.g. 纪检监察, 教育, 水利')
	},
	{
		name: 'provenance',
		required: true,
		hint: msg(
			'published：公开文档；synthetic：合成数据',
			'published: a published document; synthetic: made-up data'
		)
	},
	{
		name: 'region',
		required: false,
		hint: msg('如 湖南省株洲市渌口区', 'e.g. 湖南省株洲市渌口区')
	},
	{
		name: 'short_name',
		required: false,
		hint: msg('图表中用的短名', 'the name charts use')
	}
];

/** The fields the reader asks for, labelled as the units table labels its columns; `required` ones must be given before the document loads. */
export const UNIT_FIELDS: readonly {
	name: UnitFieldName;
	required: boolean;
	label: Msg;
	hint: Msg;
}[] = FIELDS.map((f) => {
	const c = units.columns.find((x) => x.name === f.name)!;
	return { ...f, label: msg(c.zh, c.en) };
});

/** A unit already loaded, as the matcher sees it. */
export interface KnownUnit {
	unit_id: string;
	name: string;
	short_name?: string | null;
	region?: string | null;
	region_code?: string | null;
	sector?: string | null;
}

/** The unit name a document prints: the department form's 预算部门名称, else a project form's 实施单位 or 主管部门. */
export function printedUnitName(r: Recognised): string | null {
	const dept = r.forms.find((f) => f.form === 'department');
	const proj = r.forms.find((f) => f.form === 'project');
	return (
		dept?.header.unit?.text ??
		proj?.header.implementer?.text ??
		proj?.header.department?.text ??
		null
	);
}

/**
 * Defaults for the fields: a unit already loaded whose name or short name equals a name the
 * document prints (only when exactly one matches), and provenance `published` for a document.
 */
export function suggestUnit(
	r: Recognised,
	known: readonly KnownUnit[]
): { fields: Partial<UnitFields>; matched: KnownUnit | null } {
	const names = new Set(
		r.forms
			.flatMap((f) => [f.header.unit, f.header.implementer, f.header.department])
			.filter((x) => x !== undefined)
			.map((x) => x.text)
	);
	const hits = known.filter((k) => names.has(k.name) || (k.short_name && names.has(k.short_name)));
	const matched = hits.length === 1 ? hits[0] : null;
	const fields: Partial<UnitFields> = { provenance: 'published' };
	const printed = printedUnitName(r);
	if (printed) fields.name = printed;
	if (matched) {
		fields.unit_id = matched.unit_id;
		fields.name = matched.name;
		if (matched.region_code) fields.region_code = matched.region_code;
		if (matched.sector) fields.sector = matched.sector;
		if (matched.region) fields.region = matched.region;
	}
	return { fields, matched };
}

/** Required fields still empty, and optional ones the user may want to give. */
export function missingFields(f: Partial<UnitFields>): {
	required: UnitFieldName[];
	optional: UnitFieldName[];
} {
	const empty = (n: UnitFieldName) => !f[n] || String(f[n]).trim() === '';
	return {
		required: UNIT_FIELDS.filter((x) => x.required && empty(x.name)).map((x) => x.name),
		optional: UNIT_FIELDS.filter((x) => !x.required && empty(x.name)).map((x) => x.name)
	};
}
