import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeConnector } from '../../src/lib/db/node';
import { exportDataset, tableRows } from '../../src/lib/export/dataset';
import { template, templateColumns } from '../../src/lib/export/templates';
import { toCsv } from '../../src/lib/export/csv';
import { importFiles } from '../../src/lib/ingest/pipeline';
import { DATA_TABLES } from '../../src/lib/schema';
import { openBundled } from '../helpers/built';

let db: NodeConnector;
let dispose: () => Promise<void>;
beforeAll(async () => {
	({ db, dispose } = await openBundled());
}, 120_000);
afterAll(() => dispose?.());

describe('exportDataset', () => {
	it('writes every table as canonical CSV and as Parquet that DuckDB reads back to the same rows', async () => {
		const zip = unzipSync(await exportDataset(db));
		const dir = mkdtempSync(join(tmpdir(), 'jixiao-export-'));
		const check = await NodeConnector.open();
		try {
			for (const t of DATA_TABLES) {
				const rows = await tableRows(db, t);
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
		const zip = unzipSync(await exportDataset(db));
		const files = DATA_TABLES.map((t) => ({
			name: `${t.name}.csv`,
			bytes: zip[`csv/${t.name}.csv`]
		}));
		const r = importFiles(files);
		expect(r.report.issues).toEqual([]);
		expect(r.warnings).toEqual([]);
		const evals = await tableRows(
			db,
			DATA_TABLES.find((t) => t.name === 'evaluations')!
		);
		expect(r.rows.get('evaluations')).toHaveLength(evals.length);
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
