// The audit page's state: flags filtered by rule, severity, unit and year; the chart and tables over them.
import { RULES, RULE_BY_ID } from '$lib/audit';
import { hbarOption } from '$lib/charts/bars';
import { COLOR } from '$lib/charts/theme';
import type { Column } from '$lib/components/table';
import { lang, tr, type Bilingual } from '$lib/i18n/lang.svelte';
import { AUDIT } from '$lib/i18n/audit';
import { M, m } from '$lib/i18n/messages';
import { formHref, formsHref, unitHref } from './links';
import {
	auditPageData,
	type FlagCountRow,
	type FlagFilter,
	type FlagRow
} from '$lib/queries/audit';
import {
	FUNDING_DIMENSION_LABEL,
	RULE_IDS,
	SEVERITIES,
	SEVERITY_LABEL,
	columnLabel,
	type RuleId,
	type Severity
} from '$lib/schema';
import { oneYear, unitChoices, yearChoices } from './choices.svelte';
import { filterable } from './filterable.svelte';
import type { AuditPrerendered } from './audit-load';
import { int, oneOf, text } from './url';
import { auditNeeds } from './needs';

/** A rule as the page lists it: its name and what it checks, in both languages. */
export interface RuleText {
	id: RuleId;
	severity: Severity;
	name: Bilingual;
	detail: Bilingual;
}

export const RULE_TEXTS: readonly RuleText[] = RULES.map((r) => ({
	id: r.id,
	severity: r.severity,
	name: m(r.zh, r.en),
	detail: m(r.zhDetail, r.enDetail)
}));

/** The flags table's schema labels. */
const FLAG = {
	rule: columnLabel('audit_flags', 'rule'),
	severity: columnLabel('audit_flags', 'severity'),
	indicator: columnLabel('audit_flags', 'indicator'),
	numbers: columnLabel('audit_flags', 'numbers'),
	eval_id: columnLabel('audit_flags', 'eval_id'),
	seq: columnLabel('audit_flags', 'seq'),
	id: columnLabel('audit_flags', 'id')
};
/** The filter controls' labels: the rule and severity columns'. */
export const FILTER_LABEL = { rule: FLAG.rule, severity: FLAG.severity };

const SEV_COLOR: Record<Severity, string> = {
	error: COLOR.published,
	warning: COLOR.below,
	info: COLOR.axis
};

export const ruleName = (id: RuleId): string => tr(RULE_BY_ID[id]);
export const severityName = (s: Severity): string => tr(SEVERITY_LABEL[s]);
export { SEVERITIES };

/** A funding flag names its split by key (source, economic …): the split's label instead. */
const indicatorText = (r: FlagRow): string | null =>
	r.rule === 'funding_sum_mismatch' &&
	r.indicator &&
	Object.hasOwn(FUNDING_DIMENSION_LABEL, r.indicator)
		? tr(FUNDING_DIMENSION_LABEL[r.indicator as keyof typeof FUNDING_DIMENSION_LABEL])
		: r.indicator;

const formText = (r: FlagRow): string =>
	r.eval_id === null
		? tr(AUDIT.unitAllYears)
		: r.form === 'department'
			? tr(M.formDepartment)
			: (r.project_name ?? r.eval_id);

/** The per-rule counts; a rule's form count opens the grid on exactly those forms. */
export function countColumns(f: FlagFilter = {}): Column<FlagCountRow>[] {
	return [
		{ key: 'rule', label: FLAG.rule, value: (r) => ruleName(r.rule) },
		{ key: 'severity', label: FLAG.severity, value: (r) => severityName(r.severity) },
		{ key: 'flags', label: M.flags, value: (r) => r.flags, format: 'int' },
		{
			key: 'forms',
			label: M.formsCount,
			value: (r) => r.forms,
			format: 'int',
			href: (r) => formsHref({ rule: r.rule, unitId: f.unitId, year: f.year })
		},
		{ key: 'units', label: M.units, value: (r) => r.units, format: 'int' }
	];
}

export const flagColumns: Column<FlagRow>[] = [
	{ key: 'severity', label: FLAG.severity, value: (r) => severityName(r.severity) },
	{ key: 'rule', label: FLAG.rule, value: (r) => ruleName(r.rule) },
	{
		key: 'unit',
		label: M.unit,
		value: (r) => `${r.provenance === 'published' ? '★ ' : ''}${r.short_name}`,
		// A flag is of a year (or of the unit across years): its unit opens at that year.
		href: (r) => unitHref(r.unit_id, r.year ?? undefined)
	},
	{ key: 'year', label: M.year, value: (r) => r.year },
	{
		key: 'form',
		label: M.form,
		value: formText,
		href: (r) =>
			r.eval_id && r.year !== null
				? formHref(r.unit_id, r.year, r.eval_id)
				: unitHref(r.unit_id, r.year ?? undefined)
	},
	{ key: 'indicator', label: FLAG.indicator, value: indicatorText },
	{ key: 'message', label: AUDIT.message, value: (r) => tr(m(r.message_zh, r.message_en)) },
	{ key: 'numbers', label: FLAG.numbers, value: (r) => r.numbers, exportOnly: true },
	{ key: 'rule_id', label: AUDIT.ruleId, value: (r) => r.rule, exportOnly: true },
	{ key: 'eval_id', label: FLAG.eval_id, value: (r) => r.eval_id, exportOnly: true },
	{ key: 'seq', label: FLAG.seq, value: (r) => r.seq, exportOnly: true },
	{ key: 'id', label: FLAG.id, value: (r) => r.id, exportOnly: true }
];

/** The audit page; call during the page component's initialisation. */
export function auditView(data: AuditPrerendered) {
	const page = filterable({
		name: 'audit',
		params: {
			rule: oneOf(RULE_IDS),
			severity: oneOf(SEVERITIES),
			unit: text,
			year: int
		},
		filter: (u): FlagFilter => ({
			rule: u.rule,
			severity: u.severity,
			unitId: u.unit,
			year: u.year
		}),
		initial: data.audit,
		prerendered: (f) => !f.rule && !f.severity && !f.unitId && f.year === null,
		// The prerendered page holds every count but only the first flags.
		partial: data.audit.rows.length < data.audit.total,
		query: (db, f) => auditPageData(db, f),
		needs: auditNeeds,
		narrow: (f) => oneYear(f.year, yearChoices(data.years), (year) => ({ year }))
	});
	const counts = $derived(page.data.counts);
	const fired: Partial<Record<RuleId, number>> = $derived(
		Object.fromEntries(counts.map((c) => [c.rule, c.flags]))
	);
	const formsFlagged: Partial<Record<RuleId, number>> = $derived(
		Object.fromEntries(counts.map((c) => [c.rule, c.forms]))
	);
	/** Flags per rule as bars coloured by severity; a bar's key is its rule. */
	const countsOption = $derived(
		hbarOption(
			lang.current,
			counts.map((c) => ruleName(c.rule)),
			counts.map((c) => c.flags),
			AUDIT.flagCount,
			false,
			{ colors: counts.map((c) => SEV_COLOR[c.severity]), keys: counts.map((c) => c.rule) }
		)
	);
	const filter = $derived(page.filter);
	return {
		page,
		get countColumns() {
			return countColumns(filter);
		},
		/** The grid on the forms a KPI counts: flagged (`any`) or inflated by 5+ points. */
		get flaggedHref() {
			return formsHref({ unitId: filter.unitId, year: filter.year, rule: 'any' });
		},
		get inflatedHref() {
			return formsHref({ unitId: filter.unitId, year: filter.year, gapMin: 5 });
		},
		get years() {
			return yearChoices(data.years);
		},
		get units() {
			return unitChoices(data.units);
		},
		get counts() {
			return counts;
		},
		get countsOption() {
			return countsOption;
		},
		/** How many flags a rule raised under the filter. */
		fired: (id: RuleId) => fired[id] ?? 0,
		/** How many forms a rule flagged under the filter, and the grid of exactly those forms. */
		formsFlagged: (id: RuleId) => formsFlagged[id] ?? 0,
		ruleFormsHref: (id: RuleId) => formsHref({ rule: id, unitId: filter.unitId, year: filter.year })
	};
}
