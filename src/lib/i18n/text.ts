// The two UI languages and a text picked in one of them, without the page's reactive state: for pure modules such as the chart builders.
import type { Msg } from '../schema/msg';

export type Lang = 'zh' | 'en';

/** A text as data (a unit's name, printed as it is) or a catalogue entry, read in the chosen language. */
export type Label = string | Msg;

export function inLang(text: Label, lang: Lang): string {
	return typeof text === 'string' ? text : text[lang];
}
