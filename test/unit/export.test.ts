import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../src/lib/export/download';
import { neutralize } from '../../src/lib/export/neutralize';
import { toXlsx } from '../../src/lib/export/xlsx';

describe('neutralize', () => {
	it('prefixes text that a spreadsheet would run as a formula', () => {
		expect(['=SUM(A1)', '+1', '-2', '@x', '\tx', '\rx'].map(neutralize)).toEqual([
			"'=SUM(A1)",
			"'+1",
			"'-2",
			"'@x",
			"'\tx",
			"'\rx"
		]);
		expect(neutralize('渌口区纪委监委')).toBe('渌口区纪委监委');
		expect(neutralize('96%以上')).toBe('96%以上');
	});
});

describe('tableCsv', () => {
	it('starts with a BOM, neutralises risky text and leaves numbers as numbers', () => {
		const csv = tableCsv(
			['单位', '执行率'],
			[
				['=HYPERLINK("x")', -0.05],
				['渌口区纪委监委', 1]
			]
		);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('单位,执行率\n"\'=HYPERLINK(""x"")",-0.05\n渌口区纪委监委,1\n');
	});
});

describe('toXlsx', () => {
	it('writes a workbook whose sheet has the header, text as inline strings and numbers as numbers', () => {
		const bytes = toXlsx(
			'单位',
			['单位', '全年预算数'],
			[
				['<渌口>', 1715.85],
				['-1', null]
			]
		);
		const files = unzipSync(bytes);
		expect(Object.keys(files)).toContain('xl/worksheets/sheet1.xml');
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
		expect(sheet).toContain(
			'<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">单位</t></is></c>'
		);
		expect(sheet).toContain('<t xml:space="preserve">&lt;渌口&gt;</t>');
		expect(sheet).toContain('<c r="B2"><v>1715.85</v></c>');
		expect(sheet).toContain('<t xml:space="preserve">\'-1</t>');
		expect(strFromU8(files['xl/workbook.xml'])).toContain('<sheet name="单位"');
	});
});
