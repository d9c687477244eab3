// Texts of the shared widgets: data tables, the column mapping, audit flag notes.
import { m } from './messages';

export const W = {
	rows: m('{n} 行', '{n} rows'),
	rowsPartial: m('共 {total} 行，已载入前 {loaded} 行', '{total} rows, the first {loaded} loaded'),
	sortedLoaded: m('，排序只及已载入的行', ', sorted among those loaded'),
	firstShown: m('（显示前 {n} 行）', ' (first {n} shown)'),
	showMore: m('再显示 {more} 行（共 {all} 行）', 'Show {more} more (of {all})'),
	showAll: m('全部 {n} 行', 'All {n} rows'),
	loadAll: m('载入全部 {total} 行（约 {size}）', 'Load all {total} rows ({size})'),
	downloadWhenAll: m(
		'载入全部行后即可下载',
		'Every row can be downloaded once all of them are loaded'
	),
	filterHeaders: m('筛选表头', 'Filter headers'),
	fileHeader: m('文件表头', 'Header'),
	mappedColumn: m('对应列', 'Column'),
	unmatchedOnly: m('只看未匹配（{n}）', 'Unmatched only ({n})'),
	unmatched: m('— 未匹配（拒绝该文件）—', '— unmatched (rejects the file) —'),
	ignoreColumn: m('不导入该列（数据将被丢弃）', 'Do not load (values dropped)'),
	previous: m('上一页', 'Previous'),
	next: m('下一页', 'Next'),
	firstPage: m('已是第一页', 'This is the first page'),
	lastPage: m('已是最后一页', 'This is the last page'),
	headersPage: m('第 {from}–{to} 个，共 {count} 个表头', '{from}–{to} of {count} headers'),
	headersInAll: m('（全部 {n} 个）', ' ({n} in all)'),
	// The pager of a paged table.
	range: m('第 {from}–{to} 行，共 {total} 行', 'rows {from}–{to} of {total}'),
	noRows: m('共 0 行', '0 rows'),
	pageSize: m('每页行数', 'Rows per page'),
	first: m('首页', 'First'),
	last: m('末页', 'Last'),
	pageOf: m('第 {page} / {pages} 页', 'page {page} of {pages}'),
	pager: m('翻页', 'Pages'),
	// The unit picker (a combobox that searches).
	pickSearch: m('输入名称、简称、代码或地区', 'Type a name, short name, code or region'),
	pickCount: m('{n} 个匹配', '{n} matches'),
	pickShown: m(
		'{n} 个匹配，显示前 {shown} 个，请输入更多字缩小范围',
		'{n} matches, the first {shown} shown: type more to narrow them'
	),
	pickNone: m('没有单位匹配“{q}”', 'No unit matches “{q}”'),
	pickClear: m('清除：{all}', 'Clear: {all}'),
	pickHelp: m(
		'上下键选择，回车确定，Esc 关闭',
		'Up and down to choose, Enter to pick, Esc to close'
	)
} as const;
