// Texts of the import page (/data/): choosing files, the check's report, loading, export and templates.
import { m } from './messages';

export const D = {
	title: m('导入数据', 'Import data'),
	heading: m('导入数据', 'Import your data'),
	notice: m(
		'文件只在本浏览器中读取和查询，不会上传到任何地方。支持 CSV（UTF-8、带 BOM 的 UTF-8、GBK/GB18030、UTF-16；逗号、分号或制表符分隔）、Excel XLSX（每个工作表一张表）和 Parquet，表头可用中文；也可以直接放入公开的自评文档（Word .docx、网页 .html、.txt、PDF，或按原表排版的 XLSX），载入前会列出从中识别的自评表供核对。',
		'Files are read and queried in this browser only; nothing is uploaded. CSV in UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16, comma, semicolon or tab separated; Excel XLSX (each sheet a table); Parquet. Chinese headers are fine. Published self-evaluation documents work too (Word .docx, web pages .html, .txt, PDF, or an XLSX laid out like the form): the forms read from them are shown for review before loading.'
	),
	dataFormat: m('数据格式', 'Data format'),
	dropLabel: m('拖放文件', 'Drop files'),
	dropHere: m(
		'把 CSV、XLSX、Parquet 文件或自评文档拖到这里，或',
		'Drop CSV, XLSX or Parquet files or self-evaluation documents here, or'
	),
	mode: m('导入方式', 'Mode'),
	modeReplace: m('替换当前数据', 'Replace the current data'),
	modeAdd: m(
		'追加到当前数据（主键冲突不覆盖，逐条报告）',
		'Add to the current data (key conflicts are reported, never overwritten)'
	),
	stage: {
		read: m('读取', 'reading'),
		decode: m('识别编码', 'decoding'),
		parse: m('解析', 'parsing'),
		validate: m('校验', 'validating'),
		prepare: m('准备载入', 'preparing the load'),
		document: m('读取文档', 'reading the document'),
		recognise: m('识别自评表', 'recognising forms')
	},
	sizeChosen: m(
		'所选 {files} 个文件共 {mb} MB，检查和载入约需 {memory} MB 内存（约为文件大小的 {factor} 倍）。',
		'The {files} chosen file(s) hold {mb} MB; checking and loading them takes about {memory} MB of memory (about {factor}× the file size).'
	),
	sizeRefuse: m(
		'超过本浏览器可处理的上限 {limit} MB（其 JS 内存上限为 {heap} MB，超出时标签页会直接崩溃）：文件未读取。请把数据拆成几个较小的文件，或用命令行 npm run validate / npm run audit 处理。',
		'This is above the {limit} MB this browser can handle (its JS memory cap is {heap} MB; past it the tab crashes outright): the files were not read. Split the data into smaller files, or use npm run validate / npm run audit on the command line.'
	),
	sizeAsk: m(
		'页面在检查时仍可使用，但内存较少的设备上标签页可能崩溃。',
		'The page stays usable while it checks, but on a device with little memory the tab may crash.'
	),
	sizeWarn: m(
		'检查需要一些时间，页面在此期间仍可使用。',
		'Checking takes a while; the page stays usable meanwhile.'
	),
	checkAnyway: m('仍然检查', 'Check them anyway'),
	cancel: m('取消', 'Cancel'),
	mappingTitle: m('识别结果与列映射', 'Recognised tables and columns'),
	tableOf: m('{file}: 表', '{file}: table'),
	unreadable: m('无法读取', 'unreadable'),
	missingColumns: m('缺少必填列：', 'Missing required columns: '),
	reportTitle: m('校验报告', 'Validation report'),
	read: m('读取', 'Read'),
	accepted: m('接受', 'accepted'),
	rejected: m('拒绝', 'rejected'),
	rows: m('行', 'rows'),
	file: m('文件', 'File'),
	table: m('表', 'Table'),
	line: m('行', 'Line'),
	column: m('列', 'Column'),
	value: m('值', 'Value'),
	rule: m('规则', 'Rule'),
	message: m('说明', 'Message'),
	key: m('主键', 'Key'),
	acceptedHead: m('接受', 'Accepted'),
	rejectedHead: m('拒绝', 'Rejected'),
	errors: m('错误 {n} 条（行被拒绝）', '{n} errors (rows rejected)'),
	warnings: m('提示 {n} 条（值已保留）', '{n} warnings (values kept)'),
	auditing: m('审计全部数据…', 'auditing all the data…'),
	loadingRows: m('载入{table}：{done} / {rows} 行', 'loading{table}: {done} / {rows} rows'),
	replaceWith: m('用 {n} 行替换当前数据', 'Replace the data with {n} rows'),
	addRows: m('追加 {n} 行', 'Add {n} rows'),
	exportTitle: m('下载当前数据', 'Download the current data'),
	exportLocal: m(
		'当前为你导入的本地数据。ZIP 内每张表一个 CSV（规范格式，可直接用于 npm run build 发布）和一个 Parquet，均在本浏览器中生成。',
		'Currently your imported data. The ZIP holds one canonical CSV (ready for npm run build) and one Parquet per table, both written in this browser.'
	),
	exportPublished: m(
		'当前为发布的数据。ZIP 内每张表一个 CSV（规范格式，可直接用于 npm run build 发布）和一个 Parquet，均在本浏览器中生成。',
		'Currently the published data. The ZIP holds one canonical CSV (ready for npm run build) and one Parquet per table, both written in this browser.'
	),
	loadWhyBusy: m('正在检查或载入，完成后可载入', 'Checking or loading: wait until it is done'),
	loadWhyNone: m('没有通过检查的行可载入', 'No row passed the check, so there is nothing to load'),
	exportWhyBusy: m('正在打包下载…', 'Preparing the download…'),
	exportButton: m('下载 CSV + Parquet（ZIP）', 'Download CSV + Parquet (ZIP)'),
	templatesTitle: m('空白模板', 'Empty templates'),
	templatesNote: m(
		'中文表头，附一行示例；“原文”列不必填写，导入时从数值列的原文生成。',
		'Chinese headers and one example row; the “as printed” columns are filled from the values on import.'
	),
	loadedTitle: m('已载入本浏览器', 'Loaded in this browser'),
	conflicts: m(
		'{n} 行主键已存在，未覆盖：',
		'{n} rows have keys that already exist and were not loaded:'
	),
	loadedAudit: m(
		'审计：{forms} 张表，{flags} 个疑点（用时 {ms} 毫秒）。',
		'Audit: {forms} forms, {flags} flags ({ms} ms).'
	),
	seeFlags: m('查看疑点 →', 'See the flags →'),
	seeOverview: m('去总览查看 →', 'See the overview →')
} as const;
