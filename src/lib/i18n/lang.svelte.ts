// The UI language: zh by default, en on request (?lang=en or the header switch), kept in localStorage.
import type { Msg } from '../schema/msg';
import type { Lang } from './text';

export type { Lang };

/** A text in both languages: the schema's Msg (column labels and UI texts are one shape). */
export type Bilingual = Msg;

class LangState {
	current: Lang = $state('zh');
}

export const lang = new LangState();

/** Values for a text's `{name}` placeholders. */
export type Fill = Record<string, string | number>;

/** Fills `{name}` placeholders; a name without a value stays as written. */
export function fill(text: string, values: Fill): string {
	return text.replace(/\{(\w+)\}/g, (whole, k: string) =>
		Object.hasOwn(values, k) ? String(values[k]) : whole
	);
}

/**
 * The current language's text (reactive in templates and $derived), its `{name}` placeholders
 * filled from `values` when given.
 */
export function tr(text: Bilingual, values?: Fill): string {
	const s = text[lang.current];
	return values ? fill(s, values) : s;
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
