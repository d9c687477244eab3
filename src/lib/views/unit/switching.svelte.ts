// Whether a unit's page is being left for another of its years (the next page is being fetched): its figures are then dimmed.
import { base } from '$app/paths';
import { navigating } from '$app/state';

/** A navigation to another page of this unit (another year, or its profile) is under way; reactive. */
export function switchingYear(unitId: string): boolean {
	const to = navigating.to?.url;
	return (
		!!to &&
		(to.pathname.startsWith(`${base}/units/${unitId}/`) ||
			(to.pathname === `${base}/imported/unit/` && to.searchParams.get('id') === unitId))
	);
}
