// The table's columns: what each format shows (zh and en), how a column sorts (nulls last both ways, Chinese by pinyin), what a download gets.
import { describe, expect, it } from 'vitest';
import {
	exportTable,
	formatCell,
	isNumeric,
	nextOrder,
	numFmt,
	sortRows,
	type Column,
	type ColumnFormat
} from '../../src/lib/components/table';
import { M } from '../../src/lib/i18n/messages';

interface Row {
	name: string | null;
	rate: number | null;
}
const rows: Row[] = [
	{ name: '上海', rate: 0.5 },
	{ name: null, rate: 1.2 },
	{ name: '北京', rate: null },
	{ name: '天津', rate: -0.25 },
	{ name: '安徽', rate: 0.5 }
];
const byName: Column<Row> = { key: 'name', label: M.unit, value: (r) => r.name };
const byRate: Column<Row> = { key: 'rate', label: M.unit, value: (r) => r.rate, format: 'pct' };
const names = (rs: Row[]) => rs.map((r) => r.name);

describe('sortRows', () => {
	it('sorts numbers by value, nulls last in both directions', () => {
		expect(sortRows(rows, byRate, 'asc').map((r) => r.rate)).toEqual([-0.25, 0.5, 0.5, 1.2, null]);
		expect(sortRows(rows, byRate, 'desc').map((r) => r.rate)).toEqual([1.2, 0.5, 0.5, -0.25, null]);
	});

	it('sorts Chinese text by pinyin (安 an, 北 bei, 上 shang, 天 tian), nulls last', () => {
		expect(names(sortRows(rows, byName, 'asc'))).toEqual(['安徽', '北京', '上海', '天津', null]);
		expect(names(sortRows(rows, byName, 'desc'))).toEqual(['天津', '上海', '北京', '安徽', null]);
	});

	it('keeps equal values in their order and leaves the input as it was', () => {
		const before = [...rows];
		expect(names(sortRows(rows, byRate, 'asc')).slice(1, 3)).toEqual(['上海', '安徽']);
		expect(names(sortRows(rows, byRate, 'desc')).slice(1, 3)).toEqual(['上海', '安徽']);
		expect(rows).toEqual(before);
	});

	it('compares numbers as numbers, not as text (9 before 10)', () => {
		const n: Column<{ v: number }> = { key: 'v', label: M.unit, value: (r) => r.v };
		expect(sortRows([{ v: 10 }, { v: 9 }, { v: 100 }], n, 'asc').map((r) => r.v)).toEqual([
			9, 10, 100
		]);
	});
});

describe('nextOrder', () => {
	it('starts numbers largest first and text from A, and turns the same column round', () => {
		expect(nextOrder(null, 'rate', true)).toEqual({ key: 'rate', dir: 'desc' });
		expect(nextOrder(null, 'name', false)).toEqual({ key: 'name', dir: 'asc' });
		expect(nextOrder({ key: 'rate', dir: 'desc' }, 'rate', true)).toEqual({
			key: 'rate',
			dir: 'asc'
		});
		expect(nextOrder({ key: 'rate', dir: 'asc' }, 'name', false)).toEqual({
			key: 'name',
			dir: 'asc'
		});
	});
});

describe('formatCell', () => {
	const cases: [number, ColumnFormat, string][] = [
		[1715.85, 'wan', '1,715.85'],
		[1262.274, 'wan', '1,262.27'],
		[-0.001, 'wan', '0.00'],
		[0.9561, 'pct', '95.6%'],
		[0.95612, 'pct2', '95.61%'],
		[-0.00001, 'pct', '0.0%'],
		[89.5, 'score', '89.5'],
		[90, 'score', '90'],
		[14.333, 'score', '14.33'],
		[12345, 'int', '12,345'],
		[0.0123, 'deltaPp', '+1.2'],
		[-0.362, 'deltaPp', '−36.2'],
		[0.0004, 'deltaPp', '±0.0'],
		[-0.05, 'deltaPct', '−5.0%'],
		[2.25, 'deltaScore', '+2.3'],
		[2023, 'text', '2023']
	];
	it.each(cases)('shows %s as %s: %s', (v, format, shown) => {
		expect(formatCell(v, format)).toBe(shown);
		expect(formatCell(v, format, 'en')).toBe(shown);
	});

	it('shows a missing value as an em dash in every format', () => {
		for (const f of ['text', 'wan', 'pct', 'score', 'grade', 'provenance'] as const)
			expect(formatCell(null, f)).toBe('—');
	});

	it('gives a grade from a 100-point score, in the page’s language', () => {
		expect([95, 90, 89.9, 80, 79.9, 60, 59.9].map((v) => formatCell(v, 'grade'))).toEqual([
			'优',
			'优',
			'良',
			'良',
			'中',
			'中',
			'差'
		]);
		expect(formatCell(85, 'grade', 'en')).toBe('Good');
		expect(formatCell('优', 'grade', 'en')).toBe('Excellent');
		expect(formatCell('优', 'grade', 'zh')).toBe('优');
	});

	it('names the provenance in the page’s language, and keeps any other text as it is', () => {
		expect(formatCell('published', 'provenance', 'zh')).toBe(M.published.zh);
		expect(formatCell('synthetic', 'provenance', 'en')).toBe(M.synthetic.en);
		expect(formatCell('imported', 'provenance', 'en')).toBe('imported');
		expect(formatCell('  1,715.85万 ', 'wan')).toBe('  1,715.85万 ');
	});
});

describe('columns in a download', () => {
	it('knows which formats are numbers, and their Excel format', () => {
		expect(
			(['wan', 'pct', 'int', 'score', 'deltaPp', 'text', 'grade', 'provenance'] as const).map(
				(f) => [isNumeric({ key: f, label: M.unit, value: () => null, format: f }), numFmt(f)]
			)
		).toEqual([
			[true, '#,##0.00'],
			[true, '0.0%'],
			[true, '#,##0'],
			[true, null],
			[true, '+0.0;"−"0.0;"±"0.0'],
			[false, null],
			[false, null],
			[false, null]
		]);
	});

	it('writes every column, export-only ones too, headed in the page’s language', () => {
		const cols: Column<Row>[] = [
			byName,
			byRate,
			{ key: 'raw', label: M.published, value: (r) => r.rate, exportOnly: true }
		];
		const t = exportTable(cols, rows.slice(0, 3), 'en');
		expect(t.header).toEqual([M.unit.en, M.unit.en, M.published.en]);
		expect(t.formats).toEqual([null, '0.0%', null]);
		expect(t.rows).toEqual([
			['上海', 0.5, 0.5],
			[null, 1.2, 1.2],
			['北京', null, null]
		]);
	});
});
