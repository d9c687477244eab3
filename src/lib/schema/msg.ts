// A message in both UI languages: every report the import and validation write says it in zh and en.

export interface Msg {
	zh: string;
	en: string;
}

export const msg = (zh: string, en: string): Msg => ({ zh, en });
