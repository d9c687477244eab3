// Table downloads read back: the CSV with papaparse and the XLSX from its XML and with read-excel-file,
// cell by cell against the table they came from, number formats and the frozen pane included.
import fc from 'fast-check';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it, vi } from 'vitest';
import {
	exportNumber,
	exportTable,
	formatCell,
	numFmt,
	type Column,
	type ColumnFormat
} from '../../src/lib/components/table';
import { numberText, type Cell } from '../../src/lib/export/csv';
import { percentText, tableCsv } from '../../src/lib/export/download';
import { neutralize } from '../../src/lib/export/neutralize';
import { toXlsx, toXlsxBook } from '../../src/lib/export/xlsx';
import { XLSX_MAX_ROWS } from '../../src/lib/format/spreadsheet';
import { grid, readXlsx, renderNumFmt } from '../helpers/xlsx';

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

const NUMERIC: ColumnFormat[] = [
	'wan',
	'pct',
	'pct2',
	'score',
	'int',
	'deltaPp',
	'deltaPct',
	'deltaScore'
];

describe('one column definition for the page and the downloads', () => {
	it('a downloaded number under its Excel format reads exactly as the page cell', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...NUMERIC),
				fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
				(format, raw) => {
					const v = format === 'int' ? Math.round(raw) : format.startsWith('pct') ? raw / 1e5 : raw;
					const stored = exportNumber(v, format);
					expect(renderNumFmt(stored, numFmt(format) ?? 'General')).toBe(formatCell(v, format));
					// No float noise: the stored number is its own shortest decimal.
					expect(String(stored).length).toBeLessThanOrEqual(20);
				}
			),
			{ numRuns: 3000 }
		);
	});

	it('writes grades and provenance as the page shows them, changes of rates in points', () => {
		interface R {
			name: string;
			provenance: string;
			score: number;
			rate: number;
			prev: number;
			sum: number;
		}
		const cols: Column<R>[] = [
			{ key: 'unit', label: { zh: '单位', en: 'Unit' }, value: (r) => r.name },
			{
				key: 'prov',
				label: { zh: '来源', en: 'Source' },
				value: (r) => r.provenance,
				format: 'provenance'
			},
			{ key: 'score', label: { zh: '得分', en: 'Score' }, value: (r) => r.score, format: 'score' },
			{
				key: 'grade',
				label: { zh: '等级（折算）', en: 'Grade' },
				value: (r) => r.score,
				format: 'grade'
			},
			{ key: 'rate', label: { zh: '执行率', en: 'Rate' }, value: (r) => r.rate, format: 'pct2' },
			{
				key: 'chg',
				label: { zh: '执行率变化（百分点）', en: 'Rate change (pp)' },
				value: (r) => r.rate - r.prev,
				format: 'deltaPp'
			},
			{ key: 'sum', label: { zh: '合计', en: 'Sum' }, value: (r) => r.sum, format: 'wan' }
		];
		const rows: R[] = [
			{
				name: '甲',
				provenance: 'synthetic',
				score: 92.5,
				rate: 0.6,
				prev: 0.962,
				sum: 0.1 + 0.2 + 0.92
			},
			{ name: '=乙', provenance: 'published', score: 58, rate: 1, prev: 1, sum: 1715.85 }
		];
		const zh = exportTable(cols, rows, 'zh');
		expect(zh.header).toEqual([
			'单位',
			'来源',
			'得分',
			'等级（折算）',
			'执行率',
			'执行率变化（百分点）',
			'合计'
		]);
		expect(zh.rows).toEqual([
			['甲', '合成', 92.5, '优', 0.6, -36.2, 1.22],
			['=乙', '★ 公开', 58, '差', 1, 0, 1715.85]
		]);
		expect(zh.formats).toEqual([null, null, null, null, '0.00%', '+0.0;"−"0.0;"±"0.0', '#,##0.00']);
		const en = exportTable(cols, rows, 'en');
		expect(en.rows[0].slice(0, 4)).toEqual(['甲', 'Synthetic', 92.5, 'Excellent']);
	});
});

/** A table with every kind of cell a download meets. */
function sampleTable() {
	const header = ['单位', '执行率', '变化', '预算', '得分', '件数', '备注'];
	const formats = [null, '0.00%', '+0.0%;"−"0.0%;"±"0.0%', '#,##0.00', null, '#,##0', null];
	const rows: Cell[][] = [
		['=SUM(A1)', 0.9635, -0.035, 1715.85, 92.5, 1234, '+1'],
		['-2', 1, 0, 0.1 + 0.2, 100, 0, '@x'],
		['<渌口> & "x"', null, 0.123, 1262.27, null, 7, 'a\u0000b\u0001c\u001f\td\ne'],
		['_x0041_ stays', 0.5, null, -12.5, 0.25, null, '']
	];
	return { header, formats, rows };
}

describe('XLSX read back', () => {
	it('holds every cell under its header, text as written (no quote prefix), numbers with their formats, the header frozen', async () => {
		const t = sampleTable();
		const bytes = toXlsx('表', t.header, t.rows, t.formats);
		const [sheet] = readXlsx(bytes);
		expect(sheet.name).toBe('表');
		expect(sheet.frozenRows).toBe(1);
		const g = grid(sheet);
		expect(g[0].map((c) => c?.value)).toEqual(t.header);
		expect(g).toHaveLength(t.rows.length + 1);
		t.rows.forEach((r, ri) =>
			r.forEach((v, ci) => {
				const c = g[ri + 1][ci] ?? null;
				const at = `row ${ri + 1} col ${t.header[ci]}`;
				if (v === null || v === undefined || v === '') return expect(c, at).toBeNull();
				expect(c!.formula, at).toBe(false);
				if (typeof v === 'string') {
					expect(c!.type, at).toBe('s');
					expect(c!.value, at).toBe(v);
				} else {
					expect(c!.type, at).toBe('n');
					expect(c!.value, at).toBe(Number(numberText(v)));
					expect(c!.numFmt, at).toBe(t.formats[ci] ?? 'General');
				}
			})
		);
		// Float noise is gone: 0.1 + 0.2 is stored as 0.3.
		expect(g[2][3]!.value).toBe(0.3);
		// An independent reader sees the same values.
		const [book] = (await readXlsxFile(Buffer.from(bytes))) as unknown as {
			sheet: string;
			data: unknown[][];
		}[];
		expect(book.data[0]).toEqual(t.header);
		expect(book.data[1]).toEqual(['=SUM(A1)', 0.9635, -0.035, 1715.85, 92.5, 1234, '+1']);
		expect(book.data[2].slice(0, 4)).toEqual(['-2', 1, 0, 0.3]);
	});

	it('writes one style per number format and several sheets in one book', () => {
		const t = sampleTable();
		const bytes = toXlsxBook([
			{ name: 'a/b', header: t.header, rows: t.rows, formats: t.formats },
			{ name: 'two', header: ['x'], rows: [[1]] }
		]);
		const sheets = readXlsx(bytes);
		expect(sheets.map((s) => s.name)).toEqual(['a b', 'two']);
		expect(sheets[1].frozenRows).toBe(1);
		expect(grid(sheets[1])[1][0]).toMatchObject({ value: 1, numFmt: 'General' });
	});

	it('writes the same bytes for the same table at any time (the manifest’s sha256 stays)', () => {
		const book = () => toXlsx('表', ['年度', '金额'], [[2023, 1262.27]]);
		vi.useFakeTimers();
		try {
			vi.setSystemTime(new Date('2024-03-05T10:20:30Z'));
			const a = book();
			vi.setSystemTime(new Date('2026-11-30T23:59:58Z'));
			expect(book()).toEqual(a);
		} finally {
			vi.useRealTimers();
		}
	});

	it('writes a sheet of more rows than one string may hold in slices, in order', () => {
		const rows = Array.from({ length: 25_003 }, (_, i) => [i, `行${i}`]);
		const [sheet] = readXlsx(toXlsx('many', ['n', 't'], rows));
		const g = grid(sheet);
		expect(g.length).toBe(25_004);
		expect(g[25_003].map((c) => c?.value)).toEqual([25_002, '行25002']);
		expect(g[10_001].map((c) => c?.value)).toEqual([10_000, '行10000']);
	});

	it('refuses a sheet longer than a spreadsheet holds rather than cutting it', () => {
		const rows: Cell[][] = new Array(XLSX_MAX_ROWS + 1).fill([1]);
		expect(() => toXlsx('big', ['n'], rows)).toThrow(/1048576 rows do not fit/);
		expect(XLSX_MAX_ROWS + 1).toBe(1_048_576);
	});
});

describe('CSV read back', () => {
	it('parses back with papaparse to the same cells: text neutralised, percentages as percent text, numbers plain', () => {
		const t = sampleTable();
		const csv = tableCsv(t.header, t.rows, t.formats);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
		expect(parsed.errors).toEqual([]);
		expect(parsed.data[0]).toEqual(t.header);
		expect(parsed.data).toHaveLength(t.rows.length + 1);
		t.rows.forEach((r, ri) =>
			r.forEach((v, ci) => {
				const got = parsed.data[ri + 1][ci];
				const f = t.formats[ci];
				const want =
					v === null || v === undefined
						? ''
						: typeof v === 'string'
							? neutralize(v)
							: f?.includes('%')
								? percentText(v, f)
								: numberText(v);
				expect(got, `row ${ri + 1} col ${t.header[ci]}`).toBe(want);
			})
		);
		expect(parsed.data[1].slice(0, 3)).toEqual(["'=SUM(A1)", '96.35%', '-3.5%']);
		expect(parsed.data[2][3]).toBe('0.3');
	});
});
