// XLSX workbooks and Parquet files through the same import pipeline as CSV.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeConnector } from '../../src/lib/db/node';
import { toXlsxBook } from '../../src/lib/export/xlsx';
import { parseCsv } from '../../src/lib/ingest/csv';
import { importAnyFiles } from '../../src/lib/ingest/sources';
import { DATA_TABLES } from '../../src/lib/schema';
import { ROOT } from '../helpers/data';

/** A sample table as a sheet with Chinese headers; numbers go in as numbers, as Excel holds them. */
function sheet(table: string, zhName: string) {
	const t = DATA_TABLES.find((x) => x.name === table)!;
	const csv = parseCsv(readFileSync(join(ROOT, 'data/sample', `${table}.csv`), 'utf8'), table);
	const cols = csv.header.map((h) => t.columns.find((c) => c.name === h)!);
	return {
		name: zhName,
		header: cols.map((c) => (c.printedIn || !c.name.endsWith('_text') ? c.zh : c.name)),
		rows: csv.rows.map((r) =>
			r.fields.map((v, i) => (v === '' ? null : cols[i].type === 'text' ? v : Number(v)))
		)
	};
}

describe('XLSX import', () => {
	it('reads every sheet of a workbook as its own table, with row numbers from the sheet', async () => {
		const book = toXlsxBook([
			sheet('units', '单位'),
			sheet('evaluations', '自评表'),
			sheet('indicators', '指标')
		]);
		const r = await importAnyFiles([{ name: '渌口2023.xlsx', bytes: book }]);
		expect(r.files.map((f) => [f.name, f.table])).toEqual([
			['渌口2023.xlsx › 单位', 'units'],
			['渌口2023.xlsx › 自评表', 'evaluations'],
			['渌口2023.xlsx › 指标', 'indicators']
		]);
		expect(r.report.issues).toEqual([]);
		expect(r.report.tables.map((t) => t.accepted)).toEqual([1, 3, 27]);
		const dept = r.rows.get('evaluations')![0];
		expect(dept.line).toBe(2);
		expect(dept.values).toMatchObject({
			budget_final: '1715.85',
			budget_final_text: '1715.85',
			exec_weight_text: '90分',
			year: '2023'
		});
		const ind = r.rows
			.get('indicators')!
			.find((x) => x.values.eval_id === '430212-jiwei-2023-p01' && x.values.seq === '1')!;
		expect(ind.values).toMatchObject({
			target_text: '50件',
			target_value: '50',
			actual_text: '47',
			score: '14',
			deviation_reason: '少数案件2024年结案。'
		});
	});

	it('says so when a .xlsx file is not a workbook', async () => {
		const r = await importAnyFiles([
			{ name: 'fake.xlsx', bytes: new TextEncoder().encode('a,b\n1,2\n') }
		]);
		expect(r.report.issues[0]).toMatchObject({ file: 'fake.xlsx', rule: 'file' });
		expect(r.report.issues[0].message.en).toMatch(/^not a readable XLSX workbook/);
		expect(r.report.issues[0].message.zh).toMatch(/^不是可读取的 XLSX 工作簿/);
	});
});

describe('Parquet import', () => {
	it('reads zstd Parquet written by DuckDB back to the same values', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'jixiao-pq-'));
		const db = await NodeConnector.open();
		try {
			for (const t of ['units', 'evaluations', 'indicators'])
				await db.exec(
					`COPY (SELECT * FROM read_csv('${join(ROOT, 'data/sample', `${t}.csv`)}', all_varchar = true)) TO '${join(dir, `${t}.parquet`)}' (FORMAT parquet, COMPRESSION zstd)`
				);
			const r = await importAnyFiles(
				['units', 'evaluations', 'indicators'].map((t) => ({
					name: `${t}.parquet`,
					bytes: new Uint8Array(readFileSync(join(dir, `${t}.parquet`)))
				}))
			);
			expect(r.report.issues).toEqual([]);
			expect(r.report.tables.map((t) => [t.file, t.accepted])).toEqual([
				['units.parquet', 1],
				['evaluations.parquet', 3],
				['indicators.parquet', 27]
			]);
			expect(r.rows.get('indicators')![0].values).toMatchObject({
				target_text: '300个',
				target_value: '300'
			});
			const bad = await importAnyFiles([{ name: 'x.parquet', bytes: new Uint8Array([1, 2, 3]) }]);
			expect(bad.report.issues[0].message.en).toMatch(/^not a readable Parquet file/);
		} finally {
			await db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
