// What the forms grid prerenders: the first page of every form in the default order, the total, and the filters' choices.
import type { Connector } from '$lib/db/connector';
import { formsPage, type FormsPageData } from '$lib/queries/forms';
import { years } from '$lib/queries/overview';
import { run } from '$lib/queries/query';
import { unitList, type UnitListRow } from '$lib/queries/unit';
import { DEFAULT_PAGE_SIZE } from './forms-params';

export interface FormsPrerendered {
	grid: FormsPageData;
	years: number[];
	/** Units with forms: the unit filter lists them, and their regions and sectors. */
	units: UnitListRow[];
}

export async function loadForms(db: Connector): Promise<FormsPrerendered> {
	const [grid, ys, units] = await Promise.all([
		formsPage(db, {}, { page: 1, pageSize: DEFAULT_PAGE_SIZE }),
		run(db, years()),
		run(db, unitList())
	]);
	return { grid, years: ys.map((y) => y.year), units: units.filter((u) => u.forms > 0) };
}
