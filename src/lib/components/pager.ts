// The rows a pager says are shown: the first and last row numbers of the page, past the last page the last page's.
export interface PageRange {
	from: number;
	to: number;
	total: number;
}

/** `page` (1-based) of `pageSize` rows shows `shown` of `total` rows, over `pages` pages. */
export function pageRange(
	page: number,
	pageSize: number,
	shown: number,
	total: number,
	pages: number
): PageRange {
	if (shown === 0 && total > 0) return { from: (pages - 1) * pageSize + 1, to: total, total };
	const from = (page - 1) * pageSize + 1;
	return { from, to: from + shown - 1, total };
}
