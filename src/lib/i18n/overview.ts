// Texts of the overview (总览) of a year, beside the shared words in messages.ts.
import { m } from './messages';

export const O = {
	scoreBin: m('得分区间', 'Score bin'),
	inflatedForms: m('{n} 张表自评比重算高 5 分以上', '{n} forms score 5+ points above the rules')
} as const;
