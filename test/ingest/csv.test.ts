import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/ingest/csv';

describe('parseCsv', () => {
	it('gives each row the physical line it starts on, across quoted newlines and blank lines', () => {
		const t = parseCsv('a,b\n1,"x\ny"\n\n2,3\n', 'f.csv');
		expect(t.header).toEqual(['a', 'b']);
		expect(t.rows).toEqual([
			{ line: 2, fields: ['1', 'x\ny'] },
			{ line: 5, fields: ['2', '3'] }
		]);
	});

	it('drops a UTF-8 BOM and CR of CRLF line ends', () => {
		const t = parseCsv('\ufeffunit_id,name\r\nu1,单位\r\n', 'f.csv');
		expect(t.header).toEqual(['unit_id', 'name']);
		expect(t.rows).toEqual([{ line: 2, fields: ['u1', '单位'] }]);
	});

	it('keeps texts exactly, including full-width characters and quotes', () => {
		const t = parseCsv('x\n"96%以上　"\n"say ""定性"""\n', 'f.csv');
		expect(t.rows.map((r) => r.fields[0])).toEqual(['96%以上　', 'say "定性"']);
	});

	it('reports an unclosed quote with its line', () => {
		const t = parseCsv('a,b\n1,2\n3,"open\n', 'f.csv');
		expect(t.parseErrors.length).toBeGreaterThan(0);
		expect(t.parseErrors[0].line).toBe(3);
	});

	it('returns an empty header for an empty file', () => {
		expect(parseCsv('', 'f.csv').header).toEqual([]);
	});
});
