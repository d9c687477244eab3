// Makes every move into a unit's page a full page load (`loadsWhole`): links are marked for SvelteKit before it preloads or follows them, Back and Forward reload in place, goto is loaded by the browser. With imported data in the tab, the unit is shown from its database instead.
import { beforeNavigate, goto } from '$app/navigation';
import { base } from '$app/paths';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { duck } from './db.svelte';
import { importedUnitUrl, loadsWhole, unitPageId } from './whole-load';

/**
 * Events that come before SvelteKit preloads a link (its own mousemove, including the one Chrome
 * sends when the page moves under a still pointer; a tap) or follows it (click, Enter).
 */
const LINK_EVENTS = ['mousemove', 'touchstart', 'mousedown', 'focusin', 'click'] as const;

/** Imported data lives only in this tab: a load would drop it, so such moves are rerouted instead. */
const holdsImported = () => duck.source === 'local';

/** A link into a unit's page gets `data-sveltekit-reload`: SvelteKit neither preloads its data nor routes it. */
function markLink(e: Event): void {
	if (holdsImported()) return;
	const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
	if (!(a instanceof HTMLAnchorElement) || a.hasAttribute('data-sveltekit-reload')) return;
	if (loadsWhole(new URL(location.href), new URL(a.href), base))
		a.setAttribute('data-sveltekit-reload', '');
}

/**
 * Back or Forward onto a unit's page: the address is already that page, which the browser reloads
 * in place. Runs before SvelteKit's own listener (capture listeners come first at the window) and
 * stops it, so it never asks for the data file.
 */
function reloadOnHistory(e: PopStateEvent): void {
	if (holdsImported() || !loadsWhole(page.url, new URL(location.href), base)) return;
	e.stopImmediatePropagation();
	location.reload();
}

/** Call once, in the root layout's initialisation. */
export function loadUnitPagesWhole(): void {
	beforeNavigate((nav) => {
		if (!nav.from || !nav.to || nav.willUnload) return;
		if (!loadsWhole(nav.from.url, nav.to.url, base)) return;
		nav.cancel();
		if (!holdsImported()) {
			location.assign(nav.to.url.href);
			return;
		}
		// The unit is read from the tab's database. Cancelling Back or Forward first returns to the
		// page shown (a popstate SvelteKit ignores); the unit's entry follows it.
		const to = importedUnitUrl(nav.to.url, unitPageId(nav.to.url.pathname, base)!, base);
		if (nav.type === 'popstate') addEventListener('popstate', () => void goto(to), { once: true });
		else void goto(to);
	});
	onMount(() => {
		for (const t of LINK_EVENTS) document.addEventListener(t, markLink, { capture: true });
		window.addEventListener('popstate', reloadOnHistory, { capture: true });
		return () => {
			for (const t of LINK_EVENTS) document.removeEventListener(t, markLink, { capture: true });
			window.removeEventListener('popstate', reloadOnHistory, { capture: true });
		};
	});
}
