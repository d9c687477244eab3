// Unit: the XLSX (printed-form layout) and PDF readers on the reference document's three forms: tables, spans, rows as the text export prints them, references, refusals.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseForms } from '../../scripts/fixtures/text-forms';
import { DocumentError } from '../../src/lib/documents/errors';
import { gridRows, type Cell, type Doc, type DocTable } from '../../src/lib/documents/grid';
import { readPdf } from '../../src/lib/documents/read-pdf';
import { readXlsxForm } from '../../src/lib/documents/read-xlsx';

const DIR = 'test/fixtures/documents';
const fixture = (f: string) => new Uint8Array(readFileSync(`${DIR}/${f}`));
const forms = parseForms(readFileSync('test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt', 'utf8'));

/** Cell text compared with the text export: ends trimmed (U+3000 too), line breaks removed. */
const trimmed = (s: string) => s.replaceAll('\n', '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
/** A PDF says neither where a line was wrapped nor how many spaces were typed: all whitespace removed. */
const inked = (s: string) => s.replace(/[\s\u3000]/g, '');

const tablesOf = (d: Doc) => d.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const textRows = (t: DocTable, norm: (s: string) => string) =>
	gridRows(t).map((r) => r.map((c) => norm(c.text)));
const cellsOf = (t: DocTable): Cell[] => t.rows.flat();
const cellWith = (t: DocTable, text: string) => cellsOf(t).find((c) => c.text === text);

/** The grid rows of one form: from the nth row that opens a form (预算部门名称 / 项目支出名称), as many as the text has. */
function formRows(rows: string[][], nth: number, length: number): string[][] {
	const starts = rows.flatMap((r, i) =>
		['预算部门名称', '项目支出名称'].includes(r[0]) ? [i] : []
	);
	expect(starts.length).toBeGreaterThan(nth);
	return rows.slice(starts[nth], starts[nth] + length);
}

function refusal(run: () => unknown): DocumentError {
	try {
		run();
	} catch (e) {
		expect(e).toBeInstanceOf(DocumentError);
		return e as DocumentError;
	}
	throw new Error('no DocumentError');
}

describe('the text export the fixtures are made from', () => {
	it('holds three forms with the indicator rows as printed', () => {
		expect(forms.map((f) => f.rows.length)).toEqual([21, 20, 20]);
		expect(forms[0].rows[11].map(trimmed)).toEqual([
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
	});
});

describe('readXlsxForm on the form-layout workbook (LibreOffice-saved)', () => {
	const doc = readXlsxForm('lukou-2023.xlsx', fixture('lukou-2023.xlsx'));
	const [dept, projects] = tablesOf(doc);

	it('reads one table per sheet, named by the sheet, with no notes', () => {
		expect(tablesOf(doc).map((t) => t.id)).toEqual([
			'部门整体支出绩效自评表',
			'项目支出绩效自评表'
		]);
		expect(doc.format).toBe('xlsx');
		expect(doc.notes).toEqual([]);
		expect(dept.width).toBe(9);
	});

	it('gives every row of the 部门整体 form as the text export prints it', () => {
		const rows = textRows(dept, trimmed);
		expect(formRows(rows, 0, forms[0].rows.length)).toEqual(
			forms[0].rows.map((r) => r.map(trimmed))
		);
		expect(rows.find((r) => r[3] === '查处问题线索数')).toEqual([
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
	});

	it('gives both 项目支出 forms of the second sheet, one below the other', () => {
		const rows = textRows(projects, trimmed);
		expect(formRows(rows, 0, forms[1].rows.length)).toEqual(
			forms[1].rows.map((r) => r.map(trimmed))
		);
		expect(formRows(rows, 1, forms[2].rows.length)).toEqual(
			forms[2].rows.map((r) => r.map(trimmed))
		);
	});

	it('lays merged ranges out as spans, the title across the form', () => {
		const span = (t: DocTable, text: string) => {
			const c = cellWith(t, text);
			return c && [c.rowSpan, c.colSpan];
		};
		expect(span(dept, '部门整体支出绩效自评表')).toEqual([1, 9]);
		expect(span(dept, '年度预\n算申请\n（万元）')).toEqual([7, 1]);
		expect(span(dept, '年度总体目标')).toEqual([2, 1]);
		expect(span(dept, '绩\n效\n指\n标')).toEqual([10, 1]);
		expect(span(dept, '产出指标\n(50分)')).toEqual([4, 1]);
		expect(span(dept, '满意度指标（10分）')).toEqual([1, 1]);
		expect(span(dept, '总分')).toEqual([1, 6]);
		expect(span(projects, '项目  资金\n（万元）')).toEqual([5, 1]);
	});

	it('keeps Excel row numbers: grid row i is sheet row i + 1, empty rows kept', () => {
		const budget = cellWith(dept, '1262.27')!;
		expect(budget.ref).toEqual({
			file: 'lukou-2023.xlsx',
			table: '部门整体支出绩效自评表',
			row: 6,
			col: 4
		});
		expect([budget.row, budget.col]).toEqual([5, 3]);
		const attachments = cellsOf(projects).filter((c) => c.text.startsWith('附件3'));
		expect(attachments.map((c) => c.ref.row)).toEqual([1, 26]);
		expect(projects.rows[23]).toEqual([]);
		expect(projects.rows[24]).toEqual([]);
		// A cell merged from above is not repeated: the row below 绩效指标 starts at column 2.
		expect(dept.rows[14][0].col).toBe(1);
	});

	it('refuses an Excel 97–2003 workbook and a damaged file with a message', () => {
		const xls = refusal(() => readXlsxForm('lukou-2023.xls', fixture('lukou-2023.xls')));
		expect(xls.msg.zh).toContain('.xls');
		expect(xls.msg.en).toContain('save it as .xlsx');
		expect(xls.kind).toBe('wrong-format');
		// Synthetic: a compound file whose directory names an EncryptionInfo stream is a locked XLSX.
		const locked = new Uint8Array([
			0xd0,
			0xcf,
			0x11,
			0xe0,
			0xa1,
			0xb1,
			0x1a,
			0xe1,
			...[...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0])
		]);
		const lockedError = refusal(() => readXlsxForm('locked.xlsx', locked));
		expect(lockedError.kind).toBe('encrypted');
		expect(lockedError.msg.zh).toContain('密码');
		const broken = refusal(() => readXlsxForm('x.xlsx', fixture('lukou-2023.xlsx').slice(0, 3000)));
		expect(broken.msg.en).toContain('not a readable XLSX workbook');
		expect(broken.kind).toBe('corrupt');
	});
});

describe('readXlsxForm on a synthetic workbook (cell kinds the fixture does not hold)', () => {
	const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	const book = zipSync({
		'_rels/.rels': strToU8(
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${rel}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`
		),
		'xl/workbook.xml': strToU8(
			`<x:workbook xmlns:x="${ns}" xmlns:r="${rel}"><x:sheets><x:sheet name="表&amp;1" sheetId="1" r:id="a"/></x:sheets></x:workbook>`
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${rel}/worksheet" Target="worksheets/s.xml"/><Relationship Id="b" Type="${rel}/sharedStrings" Target="strings.xml"/><Relationship Id="c" Type="${rel}/styles" Target="styles.xml"/></Relationships>`
		),
		'xl/strings.xml': strToU8(
			`<sst xmlns="${ns}"><si><r><t>项目</t></r><r><t xml:space="preserve"> 名称</t></r><rPh><t>xiangmu</t></rPh></si><si><t>a_x000D_b&lt;c</t></si></sst>`
		),
		'xl/styles.xml': strToU8(
			`<styleSheet xmlns="${ns}"><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="0.00&quot;万元&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`
		),
		'xl/worksheets/s.xml': strToU8(
			`<x:worksheet xmlns:x="${ns}"><x:sheetData>` +
				`<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:r><x:t>行内</x:t></x:r><x:r><x:t>文字</x:t></x:r></x:is></x:c><x:c r="D2" s="3"><x:v>0.30000000000000004</x:v></x:c><x:c r="E2"><x:v>1E-7</x:v></x:c></x:row>` +
				`<x:row r="3"><x:c r="B3" t="b"><x:v>1</x:v></x:c><x:c r="C3" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="D3" s="1"><x:v>45292</x:v></x:c><x:c r="E3" s="2"><x:v>45292</x:v></x:c></x:row>` +
				`<x:row r="4"><x:c r="B4" t="str"><x:f>A1</x:f><x:v>公式文字</x:v></x:c><x:c r="C4"><x:f>SUM(A1)</x:f></x:c><x:c r="D4" t="s"><x:v>1</x:v></x:c><x:c r="E4" t="inlineStr"><x:is><x:t>被合并</x:t></x:is></x:c></x:row>` +
				`</x:sheetData><x:mergeCells><x:mergeCell ref="D4:E5"/></x:mergeCells></x:worksheet>`
		)
	});
	const doc = readXlsxForm('synthetic.xlsx', book);
	const [t] = tablesOf(doc);
	const at = (r: number, c: number) => t.rows[r - 1].find((x) => x.col === c - 1);

	it('reads each kind of cell as its text', () => {
		expect(t.id).toBe('表&1');
		expect(t.rows[0]).toEqual([]);
		expect(t.rows[1].map((c) => c.text)).toEqual(['', '项目 名称', '行内文字', '0.3', '0.0000001']);
		expect(t.rows[2].map((c) => c.text)).toEqual(['', 'TRUE', '#DIV/0!', '45292', '45292']);
		expect(t.rows[3].map((c) => c.text)).toEqual(['', '公式文字', '', 'a\rb<c']);
		expect(at(4, 4)).toMatchObject({ rowSpan: 2, colSpan: 2 });
		expect(t.rows).toHaveLength(5);
		expect(t.width).toBe(5);
	});

	it('says what is not the printed text: errors, dates kept as serials, formulas without results, text under a merge', () => {
		const said = doc.notes.map((n) => [n.level, n.ref?.row, n.ref?.col, n.message.en]);
		expect(said).toEqual([
			['warning', 3, 3, 'the cell holds the error #DIV/0!, kept as printed'],
			[
				'info',
				3,
				4,
				'the cell is formatted as a date; its serial 45292 is kept (not turned into a date)'
			],
			[
				'info',
				3,
				5,
				'the cell is formatted as a date; its serial 45292 is kept (not turned into a date)'
			],
			['warning', 4, 3, 'a formula without a stored result; the cell is read as blank'],
			['warning', 4, 5, 'text “被合并” is stored under a merged cell and is not printed']
		]);
		// The 万元 format is a number format, not a date.
		expect(said.some((n) => n[1] === 2)).toBe(false);
	});
});

describe('readPdf on the page printed by Chromium', () => {
	let doc: Doc;
	let tables: DocTable[];
	beforeAll(async () => {
		doc = await readPdf('lukou-2023.pdf', fixture('lukou-2023.pdf'));
		tables = tablesOf(doc);
	}, 120_000);

	it('finds the three forms as three tables from their drawn borders', () => {
		expect(doc.format).toBe('pdf');
		expect(tables).toHaveLength(3);
		expect(tables.map((t) => t.width)).toEqual([9, 9, 9]);
		expect(tables.map((t) => t.rows.length)).toEqual([21, 20, 20]);
	});

	it('gives every row of each form as the text export prints it, merged first column included', () => {
		forms.forEach((form, i) => {
			expect(formRows(textRows(tables[i], inked), 0, form.rows.length)).toEqual(
				form.rows.map((r) => r.map(inked))
			);
		});
		expect(textRows(tables[0], inked)[11]).toEqual([
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
	});

	it('recovers spans where a border is missing', () => {
		const span = (t: DocTable, text: string) => {
			const c = cellsOf(t).find((x) => inked(x.text) === text);
			return c && [c.rowSpan, c.colSpan];
		};
		expect(span(tables[0], '年度预算申请（万元）')).toEqual([7, 1]);
		expect(span(tables[0], '绩效指标')).toEqual([10, 1]);
		expect(span(tables[0], '效益指标（30分）')).toEqual([4, 1]);
		expect(span(tables[0], '中共株洲市渌口区纪律检查委员会')).toEqual([1, 7]);
	});

	it('refers to page, table, row and column; a form cut by a page break goes on in one table', () => {
		const first = cellsOf(tables[0]).find((c) => c.text.includes('预算部门名称'))!;
		expect(first.ref).toEqual({ file: 'lukou-2023.pdf', page: 1, table: 1, row: 1, col: 1 });
		const pages = (t: DocTable) => [...new Set(cellsOf(t).map((c) => c.ref.page))];
		expect(pages(tables[2]).length).toBe(2);
		const total = cellsOf(tables[2]).find((c) => inked(c.text) === '总分')!;
		expect(total.ref.row).toBe(20);
		expect(total.ref.page).toBe(pages(tables[2])[1]);
	});

	it('keeps the running text as paragraphs with their pages, and reads Chromium’s radicals back as characters', () => {
		const paras = doc.blocks.flatMap((b) => (b.kind === 'text' ? b.paragraphs : []));
		const staff = paras.find((p) => p.text.includes('在职人员71人'));
		expect(staff?.ref).toMatchObject({ page: 2, line: 7 });
		expect(paras.some((p) => /[\u2e80-\u2fdf]/.test(p.text))).toBe(false);
		expect(cellsOf(tables[0]).some((c) => c.text.includes('纳入专户管理'))).toBe(true);
		expect(doc.notes.map((n) => n.level)).toEqual(['info']);
	});

	it('refuses a scan (no text layer) and a damaged file, guessing nothing', async () => {
		const scan = await readPdf('scan.pdf', fixture('lukou-2023-scanned.pdf')).catch((e) => e);
		expect(scan).toBeInstanceOf(DocumentError);
		expect(scan.msg.zh).toContain('没有文字层');
		expect(scan.msg.en).toContain('guesses nothing');
		expect(scan.kind).toBe('empty');
		const bad = await readPdf('bad.pdf', fixture('lukou-2023-corrupt.pdf')).catch((e) => e);
		expect(bad).toBeInstanceOf(DocumentError);
		expect(bad.msg.en).toContain('not a readable PDF');
		expect(bad.kind).toBe('corrupt');
	}, 60_000);
});

describe('readPdf without drawn borders (column bands)', () => {
	it('reads one-line rows into the columns their text stands in', async () => {
		const doc = await readPdf('unruled.pdf', fixture('lukou-2023-unruled.pdf'));
		const [t] = tablesOf(doc);
		expect(tablesOf(doc)).toHaveLength(1);
		const text = forms[0].rows.slice(forms[0].rows.findIndex((r) => r[1] === '一级指标'));
		// Nothing marks an empty cell or a merge without borders: the printed cells, in order.
		const printed = (r: string[]) => r.map(inked).filter((x) => x !== '');
		expect(t.rows.map((r) => r.map((c) => c.text))).toEqual(text.map(printed));
		// Each cell sits in the column its text starts in, the text export's column.
		const cols = (r: string[]) => r.flatMap((x, i) => (inked(x) === '' ? [] : [i]));
		expect(t.rows.slice(0, -1).map((r) => r.map((c) => c.col))).toEqual(
			text.slice(0, -1).map(cols)
		);
		expect(t.rows[2][0].ref).toEqual({
			file: 'unruled.pdf',
			page: 1,
			table: 1,
			row: 3,
			col: 3
		});
	}, 60_000);
});
