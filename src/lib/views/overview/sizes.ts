// How much of a year's units the overview shows at once: the ranking's first page and the chart's bars (plain numbers, for the page and the tests alike).

/** Ranking rows a prerendered page (or a year's first answer) carries: the table's first page; the rest load with DuckDB. */
export const PRERENDERED_UNITS = 50;
/** Units with a bar each; past this many the chart shows the lowest execution rates only. */
export const MAX_BARS = 60;
