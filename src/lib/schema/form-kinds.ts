// The kinds of form (部门整体支出 or 项目支出): named by the evaluations and by the audit's flags.

/** Kinds of form: 部门整体支出 (department) or 项目支出 (project). */
export const FORMS = ['department', 'project'] as const;
export type FormKind = (typeof FORMS)[number];
