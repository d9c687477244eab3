// The kinds a form is of (部门整体支出 or 项目支出; published or synthetic): named by the evaluations and by the audit's tables.

/** Kinds of form: 部门整体支出 (department) or 项目支出 (project). */
export const FORMS = ['department', 'project'] as const;
export type FormKind = (typeof FORMS)[number];

/** Where a row's figures come from: a published document, or the demo's generator. */
export const PROVENANCES = ['published', 'synthetic'] as const;
export type Provenance = (typeof PROVENANCES)[number];
