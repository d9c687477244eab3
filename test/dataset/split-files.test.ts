// Dropped files sorted into tables and documents: a .txt or .xlsx is a document only when no sheet has a canonical table's header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toXlsxBook } from '../../src/lib/export/xlsx';
import { splitFiles } from '../../src/lib/dataset/split-files';
import { ROOT } from '../helpers/data';
import { utf16le, utf8 } from '../helpers/encode';

const file = (name: string, bytes: Uint8Array) => ({ name, bytes });
const fixture = (p: string) =>
	file(p.split('/').pop()!, new Uint8Array(readFileSync(join(ROOT, p))));

describe('splitFiles', () => {
	it('keeps tables as tables: CSV, a tab-separated .txt with canonical headers, a canonical workbook', async () => {
		const book = toXlsxBook([
			{
				name: '单位',
				header: ['单位编号', '单位名称', '数据来源性质'],
				rows: [['u1', '甲', '公开']]
			}
		]);
		const { sources, documents } = await splitFiles([
			file('units.csv', utf8('unit_id,name,provenance\nu1,甲,published\n')),
			file('units.txt', utf16le('单位编号\t单位名称\t数据来源性质\r\nu1\t甲单位\t公开\r\n')),
			file('book.xlsx', book)
		]);
		expect(documents).toEqual([]);
		expect(sources.map((s) => s.name)).toEqual(['units.csv', 'units.txt', 'book.xlsx › 单位']);
	});

	it('sends documents to the reader: the reference .txt, Word, a web page, a form-layout workbook', async () => {
		const { sources, documents } = await splitFiles([
			fixture('test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt'),
			fixture('test/fixtures/documents/lukou-2023.docx'),
			fixture('test/fixtures/documents/lukou-2023.html'),
			fixture('test/fixtures/documents/lukou-2023.xlsx'),
			file('notice.txt', utf8('关于召开会议的通知\n请按时参加。\n'))
		]);
		expect(sources).toEqual([]);
		expect(documents.map((d) => d.name)).toEqual([
			'hunan-zhuzhou-lukou-jiwei-2023.txt',
			'lukou-2023.docx',
			'lukou-2023.html',
			'lukou-2023.xlsx',
			'notice.txt'
		]);
	});

	it('leaves a file that cannot be read at all as a table source, whose error says why', async () => {
		const { sources, documents } = await splitFiles([
			file('broken.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))
		]);
		expect(documents).toEqual([]);
		expect(sources[0].error?.en).toContain('not a readable XLSX workbook');
	});
});
