// Makes every move into a unit's page a full page load (`loadsWhole`): a link is followed by the browser, goto and Back or Forward load the page, and SvelteKit never preloads or renders one. With imported data in the tab, the unit is shown from its database instead.
import { beforeNavigate, goto } from '$app/navigation';
import { base } from '$app/paths';
import { page } from '$app/state';
import { onMount } from 'svelte';
import { duck } from './db.svelte';
import { importedUnitUrl, loadsWhole, unitPageId } from './whole-load';

/** Keys SvelteKit writes into a history entry: its place in the history, and the page's address. */
const HISTORY_INDEX = 'sveltekit:history';
const PAGE_URL = 'sveltekit:pageurl';

/** Imported data lives only in this tab: a load would drop it, so such moves are rerouted instead. */
const holdsImported = () => duck.source === 'local';

/** Goes to `to`, a unit's page: loaded whole, or with imported data the same unit from the tab's database. */
function enterUnitPage(to: URL, id: string): void {
	if (holdsImported()) void goto(importedUnitUrl(to, id, base));
	else location.assign(to.href);
}

/**
 * `goto` for a link that may lead into a unit's page (a chart's bar, a picked unit): such a move
 * must not be left to SvelteKit, which would ask for the unit page's data file.
 */
export function visit(href: string): Promise<void> {
	const to = new URL(href, location.href);
	if (!loadsWhole(new URL(location.href), to, base)) return goto(href);
	enterUnitPage(to, unitPageId(to.pathname, base)!);
	return Promise.resolve();
}

/** The link an event concerns, with where it leads, when following it would enter a unit's page. */
function unitLink(e: Event): { a: HTMLAnchorElement; to: URL } | null {
	const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
	if (!(a instanceof HTMLAnchorElement)) return null;
	const to = new URL(a.href);
	return loadsWhole(new URL(location.href), to, base) ? { a, to } : null;
}

/**
 * Before SvelteKit preloads a link (its own mousemove, including the one Chrome sends when the page
 * moves under a still pointer; a tap; focus): a link into a unit's page is marked not to be
 * preloaded, as its data file does not exist.
 */
function markLink(e: Event): void {
	const link = unitLink(e);
	if (link) link.a.setAttribute('data-sveltekit-preload-data', 'off');
}
const PRELOAD_EVENTS = ['mousemove', 'touchstart', 'mousedown', 'focusin'] as const;

/**
 * A plain click on a link into a unit's page (not one opening another tab or a download): taken
 * before SvelteKit's handler, which leaves a click whose default is prevented alone.
 */
function followLink(e: MouseEvent): void {
	if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
		return;
	const link = unitLink(e);
	if (!link || link.a.hasAttribute('download')) return;
	if (link.a.target && link.a.target !== '_self') return;
	e.preventDefault();
	enterUnitPage(link.to, unitPageId(link.to.pathname, base)!);
}

/**
 * Back or Forward onto a unit's page. Runs before SvelteKit's own listener (capture listeners come
 * first at the window) and stops it, so it never asks for the data file: the browser reloads the
 * page in place; with imported data, the entry becomes the imported-data page of the same unit and
 * SvelteKit is given that move instead (the history keeps its order).
 */
function onHistory(e: PopStateEvent): void {
	const to = new URL(location.href);
	if (!loadsWhole(page.url, to, base)) return;
	e.stopImmediatePropagation();
	if (!holdsImported()) {
		location.reload();
		return;
	}
	const url = new URL(importedUnitUrl(to, unitPageId(to.pathname, base)!, base), location.href);
	const state = history.state as Record<string, unknown> | null;
	// An entry SvelteKit did not make (a hash typed in the address bar): it would not move.
	if (!state?.[HISTORY_INDEX]) {
		void goto(url, { replaceState: true });
		return;
	}
	// Without the page address SvelteKit keeps in an entry (its replaceState writes one, as the
	// language switch does), so that it goes where the address now says.
	const next = Object.fromEntries(Object.entries(state).filter(([k]) => k !== PAGE_URL));
	history.replaceState(next, '', url);
	dispatchEvent(new PopStateEvent('popstate', { state: next }));
}

/** Call once, in the root layout's initialisation. */
export function loadUnitPagesWhole(): void {
	// What the handlers above do not see: another `goto` (use `visit`), a form.
	beforeNavigate((nav) => {
		if (!nav.from || !nav.to || nav.willUnload || nav.type === 'popstate') return;
		if (!loadsWhole(nav.from.url, nav.to.url, base)) return;
		nav.cancel();
		enterUnitPage(nav.to.url, unitPageId(nav.to.url.pathname, base)!);
	});
	onMount(() => {
		for (const t of PRELOAD_EVENTS) document.addEventListener(t, markLink, { capture: true });
		document.addEventListener('click', followLink, { capture: true });
		window.addEventListener('popstate', onHistory, { capture: true });
		return () => {
			for (const t of PRELOAD_EVENTS) document.removeEventListener(t, markLink, { capture: true });
			document.removeEventListener('click', followLink, { capture: true });
			window.removeEventListener('popstate', onHistory, { capture: true });
		};
	});
}
