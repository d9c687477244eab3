// Drives a view's year control in the browser and reads the query it set off (`jixiao:query:<name>` measures).
import type { Page } from 'playwright-core';

/**
 * A view's year control: links (the overview's year bar) or a select; or, for a range of years (the
 * forms grid's from and to), a link to both set to the year (`params`), the years read from `selector`.
 */
export interface Control {
	kind: 'links' | 'select' | 'range';
	selector: string;
	params?: readonly string[];
}

/** A query the page measured: its name and when it ran (ms since navigation start). */
export interface QueryEntry {
	name: string;
	startTime: number;
	duration: number;
}

/** Whether the page shows the control. */
export async function hasControl(page: Page, c: Control): Promise<boolean> {
	return (await page.locator(c.selector).count()) > 0;
}

/** The years the control offers (4 digits), newest first, and the one it shows now. */
export async function yearChoices(
	page: Page,
	c: Control
): Promise<{ years: string[]; current: string | null }> {
	const { values, current } =
		c.kind === 'links'
			? await page.$$eval(c.selector, (as) => ({
					values: as.map((a) => a.textContent?.trim() ?? ''),
					current:
						as.find((a) => a.getAttribute('aria-current') === 'page')?.textContent?.trim() ?? null
				}))
			: await page.$eval(c.selector, (el) => {
					const s = el as HTMLSelectElement;
					return { values: [...s.options].map((o) => o.value), current: s.value };
				});
	const years = [...new Set(values.filter((v) => /^\d{4}$/.test(v)))].sort().reverse();
	return { years, current };
}

/** Chooses `year` through the control. */
export async function chooseYear(page: Page, c: Control, year: string): Promise<void> {
	if (c.kind === 'links') await page.click(`${c.selector}:text-is("${year}")`);
	else if (c.kind === 'range')
		// One move to the range of that year alone, as a link would make it (SvelteKit follows it in the page).
		await page.evaluate(
			({ params, year }) => {
				const a = document.createElement('a');
				a.href = `?${params.map((p) => `${p}=${year}`).join('&')}`;
				document.body.append(a);
				a.click();
				a.remove();
			},
			{ params: [...(c.params ?? [])], year }
		);
	else await page.selectOption(c.selector, year);
}

/** The page's query measures named `measure` (every one, when undefined), in order. */
function queries(page: Page, measure: string | undefined): Promise<QueryEntry[]> {
	return page.evaluate((m) => {
		const prefix = 'jixiao:query:';
		return performance
			.getEntriesByType('measure')
			.filter((e) => (m ? e.name === prefix + m : e.name.startsWith(prefix)))
			.map((e) => ({
				name: e.name.slice(prefix.length),
				startTime: e.startTime,
				duration: e.duration
			}));
	}, measure ?? '');
}

/**
 * Chooses `year` and waits for a query measure beyond those before (named `measure`, or any);
 * returns the first new one, or null when none came within `timeout` ms.
 */
export async function changeYear(
	page: Page,
	c: Control,
	year: string,
	measure: string | undefined,
	timeout: number
): Promise<QueryEntry | null> {
	const before = (await queries(page, measure)).length;
	await chooseYear(page, c, year);
	const got = await page
		.waitForFunction(
			([m, n]) => {
				const prefix = 'jixiao:query:';
				return (
					performance
						.getEntriesByType('measure')
						.filter((e) => (m ? e.name === prefix + m : e.name.startsWith(prefix))).length > n
				);
			},
			[measure ?? '', before] as const,
			{ timeout }
		)
		.then(
			() => true,
			() => false
		);
	return got ? ((await queries(page, measure))[before] ?? null) : null;
}
