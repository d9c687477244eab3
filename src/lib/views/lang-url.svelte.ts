// The UI language in the URL: `lang=en` on every page while English is chosen, so a shared link opens in English.
import { afterNavigate, replaceState } from '$app/navigation';
import { page } from '$app/state';
import { untrack } from 'svelte';
import { lang, setLang } from '$lib/i18n/lang.svelte';
import { hrefWithLang } from './url';

/** `href` carrying the chosen language (`lang=en`, or nothing for Chinese). */
export function withLang(href: string): string {
	return hrefWithLang(href, lang.current);
}

/** Whether the URL says what the language is: `lang=en` while English, no `lang` while Chinese. */
function urlAgrees(url: URL): boolean {
	const q = url.searchParams.get('lang');
	return lang.current === 'en' ? q === 'en' : q === null;
}

/** Rewrites the address in place (no new history entry, no navigation) when it does not carry the language. */
function sync(): void {
	const url = page.url;
	if (urlAgrees(url)) return;
	replaceState(withLang(`${url.pathname}${url.search}${url.hash}`), page.state);
}

/**
 * Keeps the address bar carrying the language; call once in the root layout, after the language
 * was read (initLang). A `lang` in a URL navigated to wins; a link without one keeps the language,
 * and the parameter is added back once the navigation is done. Choosing a language rewrites it.
 */
export function followLang(): void {
	let started = false;
	afterNavigate(({ to }) => {
		const q = to?.url.searchParams.get('lang');
		if ((q === 'en' || q === 'zh') && q !== lang.current) setLang(q);
		started = true;
		sync();
	});
	$effect(() => {
		void lang.current;
		// The router must be running before the address can be replaced: the first call waits for afterNavigate.
		if (started) untrack(sync);
	});
}
