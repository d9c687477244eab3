// Ids the form pages give their parts, so links (search hits, flags) can lead to one form or one indicator row.

/** The id of an indicator's row on its unit's year page. */
export const indicatorRowId = (evalId: string, seq: number): string => `${evalId}-i${seq}`;
