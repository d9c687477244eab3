// The UI language: zh by default, en on request (?lang=en or the header switch), kept in localStorage.

export type Lang = 'zh' | 'en';

/** A text in both languages. */
export interface Bilingual {
	zh: string;
	en: string;
}

class LangState {
	current: Lang = $state('zh');
}

export const lang = new LangState();

/**
 * Picks the current language's text (reactive in templates and $derived), filling its `{name}`
 * placeholders from `values` when given.
 */
export function tr(text: Bilingual, values?: Record<string, string | number>): string {
	const s = text[lang.current];
	return values ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`)) : s;
}

const KEY = 'jixiao.lang';

/** Reads the language from the URL or storage; call once in the browser. */
export function initLang(url: URL): void {
	const q = url.searchParams.get('lang');
	const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
	setLang(q === 'en' || q === 'zh' ? q : stored === 'en' ? 'en' : 'zh');
}

export function setLang(next: Lang): void {
	lang.current = next;
	if (typeof document !== 'undefined')
		document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
	if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, next);
}
