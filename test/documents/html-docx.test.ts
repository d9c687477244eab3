// The HTML and DOCX readers on the reference document as a web page (UTF-8, GBK) and as a Word file: the same forms, row for row, as the text the document was saved as.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/lib/documents/errors';
import { gridRows, type Doc, type DocTable } from '../../src/lib/documents/grid';
import { readDocx } from '../../src/lib/documents/read-docx';
import { readHtml } from '../../src/lib/documents/read-html';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, 'documents', name)));
const TXT = readFileSync(join(FIXTURES, 'hunan-zhuzhou-lukou-jiwei-2023.txt'), 'utf8').split('\n');

/** A cell's text as the comparison sees it: line breaks removed, ends trimmed (U+3000 too), &nbsp; as a space. */
const norm = (s: string) =>
	s
		.replace(/\u00a0/g, ' ')
		.replace(/\n/g, '')
		.trim();

/** The cells of the text document's row printed on lines from..to (a cell starts with a tab; other lines continue it). */
function txtRow(from: number, to: number): string[] {
	const cells: string[][] = [];
	for (let i = from; i <= to; i++) {
		const l = TXT[i - 1];
		if (l.startsWith('\t')) cells.push([l.slice(1)]);
		else cells[cells.length - 1].push(l);
	}
	return cells.map((c) => norm(c.join('\n')));
}

/** The first line of each row of the three forms in the text document, and the last line of the last row. */
const FORMS = [
	{
		name: '部门整体支出绩效自评表',
		starts: [
			4, 7, 20, 29, 33, 37, 41, 45, 49, 53, 57, 72, 84, 95, 107, 119, 130, 143, 156, 170, 181
		],
		end: 184
	},
	{
		name: '项目支出绩效自评表 (乡镇纪委工作经费)',
		starts: [
			230, 233, 238, 251, 260, 269, 278, 287, 291, 295, 310, 321, 331, 341, 351, 364, 376, 388, 398,
			410
		],
		end: 412
	},
	{
		name: '项目支出绩效自评表 (办案经费)',
		starts: [
			452, 455, 460, 473, 482, 491, 500, 509, 513, 517, 532, 543, 553, 563, 573, 585, 596, 607, 617,
			629
		],
		end: 631
	}
];

const txtRows = (form: (typeof FORMS)[number]) =>
	form.starts.map((s, k) =>
		txtRow(s, k + 1 < form.starts.length ? form.starts[k + 1] - 1 : form.end)
	);

const tables = (doc: Doc): DocTable[] =>
	doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const paragraphs = (doc: Doc) => doc.blocks.flatMap((b) => (b.kind === 'text' ? b.paragraphs : []));

/** The grid rows of a form from its first row (the page prints title rows above it in the table). */
function formRows(t: DocTable): string[][] {
	const rows = gridRows(t).map((r) => r.map((c) => norm(c.text)));
	const first = rows.findIndex((r) => r[0] === '预算部门名称' || r[0] === '项目支出名称');
	return rows.slice(first);
}

const findCell = (t: DocTable, text: string) => t.rows.flat().find((c) => c.text === text);

const READS = {
	'lukou-2023.html': () => readHtml('lukou-2023.html', bytes('lukou-2023.html')),
	'lukou-2023-gbk.html': () => readHtml('lukou-2023-gbk.html', bytes('lukou-2023-gbk.html')),
	'lukou-2023.docx': () => readDocx('lukou-2023.docx', bytes('lukou-2023.docx'))
};

describe.each(Object.entries(READS))('%s', (file, read) => {
	const doc = read();
	const ts = tables(doc);

	it('holds the three forms as tables, the report as text, and nothing to warn about', () => {
		expect(doc.format).toBe(file.endsWith('.docx') ? 'docx' : 'html');
		expect(ts.map((t) => t.id)).toEqual([1, 2, 3]);
		expect(ts.map((t) => t.width)).toEqual([9, 9, 9]);
		expect(doc.notes).toEqual([]);
		const text = paragraphs(doc).map((p) => p.text);
		expect(text).toContain('2023年底共有在职人员71人，退休人员9人。');
		expect(text).toContain('部门整体支出绩效自评报告');
		expect(text.some((t) => t.includes('工资福利支'))).toBe(true);
		// Blocks alternate: text before each form and after it.
		expect(doc.blocks.map((b) => b.kind)).toEqual([
			'text',
			'table',
			'text',
			'table',
			'text',
			'table',
			'text'
		]);
	});

	it.each(FORMS.map((f, i) => [f.name, i] as const))(
		'%s: every grid row reads as the text document prints it',
		(_name, i) => {
			expect(formRows(ts[i])).toEqual(txtRows(FORMS[i]));
		}
	);

	it('gives the indicator rows with the merged cells above as blanks', () => {
		const rows = formRows(ts[0]);
		expect(rows[11]).toEqual([
			'',
			'产出指标(50分)',
			'数量指标',
			'查处问题线索数',
			'300个',
			'313个',
			'10',
			'10',
			''
		]);
		expect(rows[12]).toEqual(['', '', '质量指标', '无不合格案件', '0', '0', '15', '15', '']);
		expect(rows[20]).toEqual(['总分', '90', '90', '']);
		expect(formRows(ts[2])[10]).toEqual([
			'',
			'产出指标(50分)',
			'数量指标',
			'办理案件数',
			'80件',
			'130',
			'10',
			'10',
			''
		]);
	});

	it('keeps the spans of the merged cells', () => {
		const span = (t: DocTable, text: string) => {
			const c = findCell(t, text);
			return c && [c.rowSpan, c.colSpan];
		};
		expect(span(ts[0], '绩\n效\n指\n标')).toEqual([10, 1]);
		expect(span(ts[0], '年度预\n算申请\n（万元）')).toEqual([7, 1]);
		expect(span(ts[0], '年度资金总额')).toEqual([2, 2]);
		expect(span(ts[0], '产出指标\n(50分)')).toEqual([4, 1]);
		expect(span(ts[0], '效益指标\n（30分）　')).toEqual([4, 1]);
		expect(span(ts[0], '总分')).toEqual([1, 6]);
		expect(span(ts[0], '年度总体目标')).toEqual([2, 1]);
		for (const t of ts.slice(1)) {
			expect(span(t, '绩\n效\n指\n标')).toEqual([10, 1]);
			expect(span(t, '效益指标\n（30分）')).toEqual([4, 1]);
			expect(span(t, '项目支出名称')).toEqual([1, 2]);
		}
		const funds = findCell(ts[1], '项目\u00a0\u00a0资金\n（万元）');
		expect(funds && [funds.rowSpan, funds.colSpan]).toEqual([5, 1]);
	});

	it('keeps every cell text as printed: spaces, full-width spaces and empty lines', () => {
		expect(findCell(ts[0], '全年\u00a0\u00a0预算数')).toBeDefined();
		expect(findCell(ts[0], '\u00a0\u00a0其中：\u00a0\u00a0一般公共预算：1715.85')).toBeDefined();
		expect(findCell(ts[0], '中共株洲市渌口区纪律检查委员会　')).toBeDefined();
		// "→" + "定性" and "→" + a blank line in the text: an empty first line, an empty last one.
		const social = ts[0].rows.find((r) => r.some((c) => c.text === '人民群众的拥护支持'))!;
		// LibreOffice drops the empty lines of a cell that holds nothing else: "" in the Word file.
		expect(social.map((c) => c.text)).toEqual([
			'社会效益指标',
			'人民群众的拥护支持',
			'\n定性',
			file.endsWith('.docx') ? '' : '\n',
			'10',
			'10',
			'　\n　'
		]);
	});

	it('refers each cell to its table, row and grid column, and each paragraph to its number', () => {
		for (const t of ts)
			for (const c of t.rows.flat())
				expect(c.ref).toEqual({ file, table: t.id, row: c.row + 1, col: c.col + 1 });
		const titleRows = file.endsWith('.html') ? 2 : 0;
		expect(findCell(ts[0], '313个')!.ref).toEqual({
			file,
			table: 1,
			row: 12 + titleRows,
			col: 6
		});
		const ps = paragraphs(doc);
		expect(ps[0]).toEqual({ text: '附件1', ref: { file, paragraph: 1 } });
		const lines = ps.map((p) => p.ref.paragraph!);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
		expect(new Set(lines).size).toBe(lines.length);
	});
});

describe('the same page in GBK and in UTF-8', () => {
	it('reads alike, cell for cell and paragraph for paragraph', () => {
		const utf8 = readHtml('page.html', bytes('lukou-2023.html'));
		const gbk = readHtml('page.html', bytes('lukou-2023-gbk.html'));
		expect(gbk).toEqual(utf8);
	});

	it('is really two encodings: the GBK bytes are not UTF-8', () => {
		expect(() =>
			new TextDecoder('utf-8', { fatal: true }).decode(bytes('lukou-2023-gbk.html'))
		).toThrow();
	});
});

describe('readHtml', () => {
	const page = (body: string, head = '<meta charset="utf-8">') =>
		readHtml(
			't.html',
			new TextEncoder().encode(`<html><head>${head}</head><body>${body}</body></html>`)
		);

	it('gives a page without tables as text only', () => {
		const doc = readHtml('no-table.html', bytes('lukou-2023-no-table.html'));
		expect(tables(doc)).toEqual([]);
		expect(paragraphs(doc).map((p) => p.text)).toContain('2023年底共有在职人员71人，退休人员9人。');
	});

	it('reads text as a browser shows it: collapsed spaces, <br> and blocks, entities, no scripts or styles', () => {
		const doc = page(
			`<style>p{color:red}</style><script>var x = "<p>no</p>";</script>
			<h1> 附件1 </h1><p>  部门 \n 整体&amp;支出 <b>绩效</b>&nbsp;</p>a<br>b<div><span>c</span><span>d</span></div><p style="DISPLAY: none">隐藏</p><p hidden>也隐藏</p>`
		);
		expect(paragraphs(doc).map((p) => [p.text, p.ref.paragraph])).toEqual([
			['附件1', 1],
			['部门 整体&支出 绩效\u00a0', 2],
			['a', 3],
			['b', 4],
			['cd', 5]
		]);
	});

	it('lays out rowspan and colspan, and a cell’s <br>, <p> and <div> as line breaks', () => {
		const doc = page(
			`<table><tr><td rowspan="2">A</td><td colspan="2">B<br>C</td></tr>
			<tr><td><p>p1</p><p>p2</p></td><td><div>d</div>e</td></tr>
			<tr style="display:none"><td>隐藏的行</td></tr>
			<tr><td>x<br><br></td><td colspan=2> y </td></tr></table>`
		);
		const [t] = tables(doc);
		expect(gridRows(t).map((r) => r.map((c) => [c.text, c.col, c.covered]))).toEqual([
			[
				['A', 0, false],
				['B\nC', 1, false]
			],
			[
				['', 0, true],
				['p1\np2', 1, false],
				['d\ne', 2, false]
			],
			[
				['x\n', 0, false],
				['y', 1, false]
			]
		]);
		expect(t.width).toBe(3);
	});

	it('clamps a span past the table’s end, and says so', () => {
		const doc = page(
			`<table><tr><td rowspan="99">A</td><td>B</td></tr><tr><td>C</td></tr></table>`
		);
		const [t] = tables(doc);
		expect(t.rows[0][0].rowSpan).toBe(2);
		expect(doc.notes).toHaveLength(1);
		expect(doc.notes[0]).toMatchObject({ level: 'warning', ref: { table: 1, row: 1, col: 1 } });
		expect(doc.notes[0].message.zh).toContain('rowspan="99"');
	});

	it('reads a frame table around the form as text, and the form inside as a table of its own', () => {
		const doc = page(
			`<table><tr><td><p>附件1</p><table><tr><td>一级指标</td><td>二级指标</td></tr></table><p>说明</p></td></tr></table>
			<table><tr><td>只有一列</td></tr><tr><td>第二行</td></tr></table>`
		);
		expect(
			doc.blocks.map((b) => (b.kind === 'text' ? b.paragraphs.map((p) => p.text) : b.table.id))
		).toEqual([['附件1'], 1, ['说明', '只有一列', '第二行']]);
		expect(gridRows(tables(doc)[0]).map((r) => r.map((c) => c.text))).toEqual([
			['一级指标', '二级指标']
		]);
		expect(doc.notes.map((n) => n.level)).toEqual(['info', 'info']);
	});

	it('honours http-equiv charset, and detects the encoding when the declaration is wrong', () => {
		const gbkPage = bytes('lukou-2023-gbk.html');
		const asGb2312 = new TextDecoder('latin1')
			.decode(gbkPage)
			.replace(
				'<meta charset="gbk">',
				'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
			);
		const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
		const viaEquiv = readHtml('t.html', latin1(asGb2312));
		expect(tables(viaEquiv)).toHaveLength(3);
		expect(viaEquiv.notes).toEqual([]);
		// Declared UTF-8 but GBK bytes: detected as GBK, read right, and warned about.
		const wrong = readHtml(
			't.html',
			latin1(new TextDecoder('latin1').decode(gbkPage).replace('charset="gbk"', 'charset="utf-8"'))
		);
		expect(tables(wrong)).toHaveLength(3);
		expect(wrong.notes).toHaveLength(1);
		expect(wrong.notes[0].message.en).toContain('declares utf-8');
		expect(formRows(tables(wrong)[0])).toEqual(txtRows(FORMS[0]));
	});

	it('detects the encoding of a page that declares none', () => {
		const gbk = new TextDecoder('latin1')
			.decode(bytes('lukou-2023-gbk.html'))
			.replace('<meta charset="gbk">', '');
		const doc = readHtml(
			't.html',
			Uint8Array.from(gbk, (ch) => ch.charCodeAt(0))
		);
		expect(formRows(tables(doc)[1])).toEqual(txtRows(FORMS[1]));
	});

	it('refuses an empty file and one that is not text', () => {
		expect(() => readHtml('e.html', new Uint8Array())).toThrow(DocumentError);
		const e = (() => {
			try {
				readHtml('b.html', new Uint8Array([0x3c, 0x00, 0xff, 0xfe, 0x00, 0x81]));
			} catch (err) {
				return err;
			}
		})();
		expect(e).toBeInstanceOf(DocumentError);
		expect((e as DocumentError).kind).toBe('encoding');
	});
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx made of these body parts: enough package for any reader (content types, relationship, document). */
function docx(body: string): Uint8Array {
	return zipSync({
		'[Content_Types].xml': strToU8(
			'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
		),
		'_rels/.rels': strToU8(
			'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
		),
		'word/document.xml': strToU8(
			`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`
		)
	});
}
const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (content: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${content}</w:tc>`;
const tr = (cells: string, pr = '') => `<w:tr><w:trPr>${pr}</w:trPr>${cells}</w:tr>`;
const tbl = (grid: number, rows: string) =>
	`<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(grid)}</w:tblGrid>${rows}</w:tbl>`;

describe('readDocx', () => {
	it('reads gridSpan, vMerge, gridBefore and gridAfter on Word’s grid', () => {
		const doc = readDocx(
			't.docx',
			docx(
				p(r('标题')) +
					tbl(
						4,
						tr(
							tc(p(r('绩效指标')), '<w:vMerge w:val="restart"/>') +
								tc(p(r('一级')), '<w:gridSpan w:val="2"/>') +
								tc(p(r('x')))
						) +
							tr(tc(p(), '<w:vMerge/>') + tc(p(r('a'))) + tc(p(r('b'))) + tc(p(r('c')))) +
							tr(
								tc(p(), '<w:vMerge w:val="continue"/>') + tc(p(r('d'))),
								'<w:gridAfter w:val="2"/>'
							) +
							tr(tc(p(r('e'))) + tc(p(r('f'))), '<w:gridBefore w:val="2"/>')
					) +
					p(r('说明'))
			)
		);
		const [t] = tables(doc);
		expect(t.width).toBe(4);
		expect(
			t.rows.map((row) => row.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan]))
		).toEqual([
			[
				['绩效指标', 0, 0, 3, 1],
				['一级', 0, 1, 1, 2],
				['x', 0, 3, 1, 1]
			],
			[
				['a', 1, 1, 1, 1],
				['b', 1, 2, 1, 1],
				['c', 1, 3, 1, 1]
			],
			[['d', 2, 1, 1, 1]],
			[
				['e', 3, 2, 1, 1],
				['f', 3, 3, 1, 1]
			]
		]);
		expect(gridRows(t)[2].map((c) => [c.text, c.covered])).toEqual([
			['', true],
			['d', false]
		]);
		expect(t.rows[3][0].ref).toEqual({ file: 't.docx', table: 1, row: 4, col: 3 });
		expect(paragraphs(doc).map((x) => [x.text, x.ref.paragraph])).toEqual([
			['标题', 1],
			['说明', 2]
		]);
		expect(doc.notes).toEqual([]);
	});

	it('reads runs as printed: tabs, breaks, symbols, field results, insertions; no deletions or hidden text', () => {
		const doc = readDocx(
			't.docx',
			docx(
				p(
					r('一'),
					'<w:r><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t></w:r>',
					'<w:ins w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>',
					'<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>',
					'<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>',
					'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
					r('7'),
					'<w:r><w:fldChar w:fldCharType="end"/></w:r>',
					'<w:fldSimple w:instr=" NUMPAGES ">' + r('9') + '</w:fldSimple>',
					'<w:r><w:sym w:font="Symbol" w:char="00B1"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
				) +
					tbl(
						2,
						tr(tc(p(r('格')) + p() + p(r('第三段'))) + tc(p('<w:r><w:t>a</w:t><w:br/></w:r>')))
					)
			)
		);
		expect(paragraphs(doc)[0].text).toBe('一\t二\n三新增79±\uf0fc');
		expect(doc.notes.map((n) => n.level)).toEqual(['info']); // the Wingdings character, kept as its code
		// Cell paragraphs joined by "\n", the empty one kept.
		expect(tables(doc)[0].rows[0].map((c) => c.text)).toEqual(['格\n\n第三段', 'a\n']);
	});

	it('reads a frame table as text and the table inside it as a table', () => {
		const inner = tbl(2, tr(tc(p(r('一级指标'))) + tc(p(r('二级指标')))));
		const doc = readDocx('t.docx', docx(tbl(1, tr(tc(p(r('附件3')) + inner + p(r('说明')))))));
		expect(
			doc.blocks.map((b) => (b.kind === 'text' ? b.paragraphs.map((x) => x.text) : b.table.id))
		).toEqual([['附件3'], 1, ['说明']]);
		expect(doc.notes.map((n) => n.level)).toEqual(['info']);
	});

	it('keeps text that a merged-away cell still holds, and says so', () => {
		const doc = readDocx(
			't.docx',
			docx(
				tbl(
					1 + 1,
					tr(tc(p(r('A')), '<w:vMerge w:val="restart"/>') + tc(p(r('B')))) +
						tr(tc(p(r('藏')), '<w:vMerge/>') + tc(p(r('C'))))
				)
			)
		);
		expect(tables(doc)[0].rows[0][0]).toMatchObject({ text: 'A\n藏', rowSpan: 2 });
		expect(doc.notes).toHaveLength(1);
		expect(doc.notes[0]).toMatchObject({ level: 'warning', ref: { row: 2, col: 1 } });
	});

	const thrown = (f: () => unknown): DocumentError => {
		try {
			f();
		} catch (e) {
			if (e instanceof DocumentError) return e;
			throw e;
		}
		throw new Error('nothing was thrown');
	};

	it.each([
		['lukou-2023-truncated.docx', 'corrupt', '损坏'],
		['encrypted.docx', 'encrypted', '密码'],
		['not-a-docx.docx', 'wrong-format', 'word/document.xml']
	])('refuses %s with a DocumentError (%s) in both languages', (name, kind, zh) => {
		const e = thrown(() => readDocx(name, bytes(name)));
		expect(e.kind).toBe(kind);
		expect(e.msg.zh).toContain(zh);
		expect(e.msg.en).toMatch(/^[\x20-\x7e]+$/); // the English says it in English
		expect(e.message).toBe(`${e.msg.zh} / ${e.msg.en}`);
	});

	it('tells an old .doc, a web page and an empty file from a .docx', () => {
		const doc = new Uint8Array(1024);
		doc.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		doc.set(
			[...'WordDocument'].flatMap((c) => [c.charCodeAt(0), 0]),
			600
		);
		expect(thrown(() => readDocx('old.doc', doc)).msg.en).toContain('.doc');
		expect(thrown(() => readDocx('page.docx', bytes('lukou-2023.html'))).msg.en).toContain(
			'web page'
		);
		expect(thrown(() => readDocx('e.docx', new Uint8Array())).kind).toBe('empty');
		expect(thrown(() => readDocx('x.docx', strToU8('just text'))).kind).toBe('wrong-format');
	});

	it('refuses a zip holding a workbook', () => {
		const xlsx = zipSync({
			'_rels/.rels': strToU8(
				'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
			),
			'xl/workbook.xml': strToU8(
				'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
			)
		});
		expect(thrown(() => readDocx('book.docx', xlsx)).kind).toBe('wrong-format');
	});
});

describe('the DOCX fixture', () => {
	it('was written by a third-party writer, with real vertical merges for 一级指标', () => {
		const parts = unzipSync(bytes('lukou-2023.docx'), {
			filter: (f) => f.name === 'word/document.xml' || f.name === 'docProps/app.xml'
		});
		const xml = new TextDecoder().decode(parts['word/document.xml']);
		// 年度预算申请, 年度资金总额, 年度总体目标, 绩效指标, 产出, 效益 in the first form; five in each project form.
		expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(16);
		expect(xml).toContain('<w:gridSpan w:val="6"/>');
		expect(new TextDecoder().decode(parts['docProps/app.xml'])).toContain('LibreOffice');
	});
});
