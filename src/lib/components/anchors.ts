// Ids the form pages give their parts, so links (search hits, flags) can lead to one form or one indicator row.

/** The id of an indicator's row on its unit's page (among the forms of its year). */
export const indicatorRowId = (evalId: string, seq: number): string => `${evalId}-i${seq}`;

/** The id of a year's place on its unit's page (where the year's forms begin). */
export const yearAnchorId = (year: number): string => `year-${year}`;

/** Whether an id is a year's place (`yearAnchorId`), not a form's or an indicator row's. */
export const isYearAnchorId = (id: string): boolean => /^year-\d+$/.test(id);
