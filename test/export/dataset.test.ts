// exportDataset: the canonical CSVs, Parquet and workbook of a database, exact through export → import → export; the templates.
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeConnector } from '../../src/lib/db/node';
import { exportDataset } from '../../src/lib/export/dataset';
import { run } from '../../src/lib/queries/query';
import { tableRows } from '../../src/lib/queries/tables';
import { template, templateColumns } from '../../src/lib/export/templates';
import { toCsv } from '../../src/lib/export/csv';
import { importFiles, type InputFile } from '../../src/lib/ingest/pipeline';
import { importAnyFiles } from '../../src/lib/ingest/sources';
import { loadDataset } from '../../src/lib/dataset/load';
import { toBatches } from '../../src/lib/ingest/batches';
import { createAllSql } from '../../src/lib/db/load';
import { grid, readXlsx } from '../helpers/xlsx';
import { DATA_TABLES } from '../../src/lib/schema';
import { openBundled } from '../helpers/built';

let db: NodeConnector;
let dispose: () => Promise<void>;
beforeAll(async () => {
	({ db, dispose } = await openBundled());
}, 120_000);
afterAll(() => dispose?.());

/** The bundled data's export, made once for the tests that read it. */
let bundledZip: Promise<Record<string, Uint8Array>> | null = null;
const exportBundled = () => (bundledZip ??= exportDataset(db).then((z) => unzipSync(z)));

describe('exportDataset', () => {
	it('writes every table as canonical CSV and as Parquet that DuckDB reads back to the same rows', async () => {
		const zip = await exportBundled();
		const dir = mkdtempSync(join(tmpdir(), 'jixiao-export-'));
		const check = await NodeConnector.open();
		try {
			for (const t of DATA_TABLES) {
				const rows = await run(db, tableRows(t));
				const path = join(dir, `${t.name}.parquet`);
				writeFileSync(path, zip[`parquet/${t.name}.parquet`]);
				const back = await check.query<Record<string, unknown>>(
					`SELECT * FROM read_parquet('${path}') ORDER BY ${t.key.map((k) => `"${k}"`).join(', ')}`
				);
				expect(back.length, t.name).toBe(rows.length);
				for (const i of [0, rows.length - 1])
					expect(back[i], `${t.name} row ${i}`).toEqual(rows[i]);
				expect(strFromU8(zip[`csv/${t.name}.csv`]).split('\n')[0]).toBe(
					t.columns.map((c) => c.name).join(',')
				);
			}
		} finally {
			await check.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('exports CSVs that import again with nothing rejected and nothing changed', async () => {
		const zip = await exportBundled();
		const files = DATA_TABLES.map((t) => ({
			name: `${t.name}.csv`,
			bytes: zip[`csv/${t.name}.csv`]
		}));
		const r = importFiles(files);
		expect(r.report.issues).toEqual([]);
		expect(r.warnings).toEqual([]);
		const evals = await run(db, tableRows(DATA_TABLES.find((t) => t.name === 'evaluations')!));
		expect(r.rows.get('evaluations')).toHaveLength(evals.length);
	});
});

/** A fresh database holding what the files import to (as /data/ loads them, replacing everything). */
async function loadInto(files: readonly InputFile[]): Promise<NodeConnector> {
	const r = await importAnyFiles(files);
	expect(r.report.issues).toEqual([]);
	const fresh = await NodeConnector.open();
	await fresh.exec(createAllSql());
	await loadDataset(fresh, toBatches(r.rows), 'replace');
	return fresh;
}

const csvFiles = (zip: Record<string, Uint8Array>) =>
	DATA_TABLES.map((t) => ({ name: `${t.name}.csv`, bytes: zip[`csv/${t.name}.csv`] }));

/** Text a spreadsheet would run as a formula, put into text columns of the data. */
const RISKY: [string, string, string, string][] = [
	['units', 'name', 'unit_id', '=HYPERLINK("http://example.invalid","点我")'],
	['units', 'short_name', 'unit_id', "@SUM(1+1)*cmd|' /C calc'!A0"],
	['indicators', 'deviation_reason', 'eval_id', '-2+3'],
	['indicators', 'level3', 'eval_id', '+86 电话']
];

describe('formula-like text in the canonical files', () => {
	it('stays exact through export → import → export (byte-identical CSVs), and is never a formula in the XLSX', async () => {
		// Three units of the bundled data (the whole of it takes a minute per import).
		const first = await NodeConnector.open();
		await first.exec(createAllSql());
		const keep = new Set(
			(await run(db, tableRows(DATA_TABLES[0]))).slice(0, 3).map((u) => u.unit_id as string)
		);
		const evals = new Set<string>();
		for (const t of DATA_TABLES) {
			const rows = (await run(db, tableRows(t))).filter((r) =>
				'unit_id' in r ? keep.has(r.unit_id as string) : evals.has(r.eval_id as string)
			);
			if (t.name === 'evaluations') for (const r of rows) evals.add(r.eval_id as string);
			await first.insertRows(t.name, rows);
		}
		const second: NodeConnector[] = [];
		try {
			for (const [table, col, key, text] of RISKY) {
				const [row] = await first.query<Record<string, string>>(
					`SELECT ${key} AS k FROM ${table} ORDER BY ${key} LIMIT 1`
				);
				await first.exec(
					`UPDATE ${table} SET ${col} = '${text.replaceAll("'", "''")}' WHERE ${key} = '${row.k}'`
				);
			}
			const a = unzipSync(await exportDataset(first));
			for (const [table, , , text] of RISKY)
				expect(strFromU8(a[`csv/${table}.csv`])).toContain(
					/[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
				);
			second.push(await loadInto(csvFiles(a)));
			const b = unzipSync(await exportDataset(second[0]));
			for (const t of DATA_TABLES)
				expect(strFromU8(b[`csv/${t.name}.csv`]), t.name).toBe(strFromU8(a[`csv/${t.name}.csv`]));
			// The workbook: every risky text an inline string, as written, and no formula anywhere.
			const sheets = readXlsx(a['xlsx/jixiao-dataset.xlsx']);
			expect(sheets.map((s) => s.name)).toEqual(DATA_TABLES.map((t) => t.name));
			const cells = sheets.flatMap((s) => grid(s).flat());
			expect(cells.some((c) => c?.formula)).toBe(false);
			for (const [, , , text] of RISKY)
				expect(cells.find((c) => c?.value === text)?.type, text).toBe('s');
			// The workbook is an exchange format too: imported, it exports the same CSVs.
			second.push(
				await loadInto([{ name: 'jixiao-dataset.xlsx', bytes: a['xlsx/jixiao-dataset.xlsx'] }])
			);
			const c = unzipSync(await exportDataset(second[1]));
			for (const t of DATA_TABLES)
				expect(strFromU8(c[`csv/${t.name}.csv`]), t.name).toBe(strFromU8(a[`csv/${t.name}.csv`]));
		} finally {
			await first.close();
			for (const d of second) await d.close();
		}
	});
});

describe('templates', () => {
	it('have Chinese headers without the printed-text companions and an example that imports cleanly', () => {
		const files = DATA_TABLES.map((t) => {
			const { header, rows } = template(t);
			return { name: `${t.zh}.csv`, bytes: new TextEncoder().encode(toCsv(header, rows)) };
		});
		expect(template(DATA_TABLES[0]).header).toContain('单位名称');
		expect(
			templateColumns(DATA_TABLES.find((t) => t.name === 'evaluations')!).map((c) => c.name)
		).not.toContain('budget_final_text');
		const r = importFiles(files);
		expect(r.report.issues).toEqual([]);
		expect(r.files.map((f) => f.table)).toEqual(DATA_TABLES.map((t) => t.name));
		for (const t of r.report.tables) expect(t).toMatchObject({ read: 1, accepted: 1, rejected: 0 });
	});
});
