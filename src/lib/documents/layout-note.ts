// What the page and Word readers say when a table is the page's layout rather than a form: a frame around other tables, or a one-column box.
import { msg } from '../schema/msg';
import type { DocNote, SourceRef } from './grid';

export function layoutTableNote(frame: boolean, ref: SourceRef): DocNote {
	return {
		level: 'info',
		ref,
		message: frame
			? msg(
					'一个含有其他表格的外框表格按正文读取，其中的表格各自成表',
					'a frame table holding other tables was read as running text; the tables inside it are tables of their own'
				)
			: msg(
					'一个只有一列的表格按正文读取（版式框，不是表单）',
					'a table of one column was read as running text (a box of the layout, not a form)'
				)
	};
}
