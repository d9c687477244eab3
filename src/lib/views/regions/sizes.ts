// The region ranking's page sizes: the first page at the default size is prerendered.
export const PAGE_SIZES = [5, 10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
