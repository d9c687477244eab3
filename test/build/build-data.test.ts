// buildData on the bundled data (built once by the global setup) and on bad input; the CLI: test/scripts/build-data.test.ts.
import {
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync,
	mkdirSync,
	rmSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData } from '../../src/lib/build/build-data';
import { writePartitions } from '../../src/lib/build/partitions';
import type { Manifest } from '../../src/lib/db/manifest';
import { openBuiltDataset, type NodeConnector } from '../../src/lib/db/node';
import { parseCsv } from '../../src/lib/ingest/csv';
import { quoteIdent } from '../../src/lib/db/sql';
import { DATA_TABLES, TABLES, type TableDef } from '../../src/lib/schema';
import { gunzip } from '../../src/lib/db/part-loader';
import { BASE_TABLES, unpackStreams } from '../../src/lib/db/parts';
import { partRows } from '../helpers/parts';
import { bundledDir } from '../helpers/built';
import { grid, readXlsx } from '../helpers/xlsx';
import { ROOT, readRows } from '../helpers/data';

/** The reference sample's file of a table; the demo's for the one table the sample has none of (directions). */
const folderOf = (t: TableDef) =>
	existsSync(join(ROOT, 'data/sample', `${t.name}.csv`)) ? 'data/sample' : 'data/demo';

const tmp = mkdtempSync(join(tmpdir(), 'jixiao-build-'));
const out = bundledDir();
let manifest: Manifest;
let db: NodeConnector;

/** The value a CSV cell should come back as: null for empty, a number for number columns. */
function expected(t: TableDef, col: string, v: string): string | number | null {
	const c = t.columns.find((x) => x.name === col)!;
	if (v === '') return null;
	return c.type === 'text' ? v : Number(v);
}

// The global setup ran buildData on data/sample + data/demo (and failed the run on any issue).
beforeAll(async () => {
	manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
	db = await openBuiltDataset(out);
});

afterAll(async () => {
	await db?.close();
	rmSync(tmp, { recursive: true, force: true });
});

describe('buildData on the bundled data', () => {
	it('writes Parquet, CSV and XLSX for every table and a manifest with counts and hashes', () => {
		expect(manifest.years).toEqual({ min: 2016, max: 2025 });
		expect(manifest.evaluations.published).toBe(3);
		for (const [name, t] of Object.entries(manifest.tables)) {
			// Every table of the bundled data fits a spreadsheet sheet.
			expect(t.xlsx, name).not.toBeNull();
			for (const f of [t.parquet, t.csv, t.xlsx!]) {
				expect(existsSync(join(out, f.path)), f.path).toBe(true);
				expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
			}
			expect(t.rows, name).toBeGreaterThan(0);
		}
		expect(manifest.tables.indicators.rows).toBe(
			readRows('data/sample', 'indicators').length + readRows('data/demo', 'indicators').length
		);
	});

	it('gives back every value of the reference sample from Parquet, printed texts included', async () => {
		for (const t of DATA_TABLES) {
			const rows = readRows(folderOf(t), t.name);
			const keyOf = (r: Record<string, unknown>) => t.key.map((k) => String(r[k] ?? '')).join('|');
			const got = await db.query<Record<string, unknown>>(
				`SELECT * FROM ${quoteIdent(t.name)} WHERE ${t.key.map(quoteIdent)[0]} IN (${rows.map((r) => `'${r[t.key[0]]}'`).join(',')})`
			);
			const byKey = new Map(got.map((g) => [keyOf(g), g]));
			for (const r of rows) {
				const g = byKey.get(keyOf(r));
				expect(g, `${t.name} ${keyOf(r)}`).toBeDefined();
				for (const c of t.columns)
					expect(g![c.name], `${t.name}.${c.name} of ${keyOf(r)}`).toEqual(
						expected(t, c.name, r[c.name] ?? '')
					);
			}
		}
	});

	it('keeps the reference document’s figures and texts', async () => {
		const [dept] = await db.query<Record<string, unknown>>(
			"SELECT * FROM evaluations WHERE eval_id = '430212-jiwei-2023-dept'"
		);
		expect(dept).toMatchObject({
			budget_initial: 1262.27,
			budget_final: 1715.85,
			executed: 1715.85,
			exec_weight_text: '90分',
			total_score: 90
		});
		const ind = await db.query<{ target_text: string; actual_text: string; target_value: number }>(
			"SELECT target_text, actual_text, target_value FROM indicators WHERE eval_id = '430212-jiwei-2023-dept' ORDER BY seq"
		);
		expect(ind[0]).toEqual({ target_text: '300个', actual_text: '313个', target_value: 300 });
		expect(ind[3]).toEqual({
			target_text: '1262.27万',
			actual_text: '1715.85',
			target_value: 1262.27
		});
		const [loss] = await db.query<{ value: number; value_text: string }>(
			"SELECT value, value_text FROM metrics WHERE unit_id = '430212-jiwei' AND metric = 'losses_recovered'"
		);
		expect(loss).toEqual({ value: 8000, value_text: '8000余万元' });
		const [econ] = await db.query<{ s: number }>(
			"SELECT round(sum(executed), 2) AS s FROM funding WHERE eval_id = '430212-jiwei-2023-dept' AND dimension = 'economic'"
		);
		expect(econ.s).toBe(1682.85);
	});

	it('writes partitions that hold every row once by year and once by unit, equal to Parquet', async () => {
		const parts = manifest.parts;
		expect(parts.units).toBe(manifest.tables.units.rows);
		const unitFiles = readdirSync(join(out, parts.unitDir));
		expect(unitFiles.length).toBe(parts.units);
		const formOf = new Map(
			(
				await db.query<{ eval_id: string; unit_id: string; year: number }>(
					'SELECT eval_id, unit_id, year FROM evaluations'
				)
			).map((e) => [e.eval_id, e])
		);
		// By year: each file's rows of its own year, in key order.
		for (const { year, tables } of parts.years)
			for (const [name, f] of Object.entries(tables)) {
				const [s] = unpackStreams(await gunzip(new Uint8Array(readFileSync(join(out, f!.path)))));
				const rows = tableFromIPC(s.bytes)
					.toArray()
					.map((r) => r.toJSON() as Record<string, unknown>);
				const t = TABLES.find((x) => x.name === name)!;
				const key = rows.map((r) => t.key.map((k) => r[k]));
				expect(key, f!.path).toEqual(
					[...key].sort((a, b) => {
						for (let i = 0; i < a.length; i++)
							if (a[i] !== b[i])
								return typeof a[i] === 'number'
									? Number(a[i]) - Number(b[i])
									: String(a[i]) < String(b[i])
										? -1
										: 1;
						return 0;
					})
				);
				for (const r of rows)
					if ('year' in r) expect(r.year, f!.path).toBe(year);
					else if ('eval_id' in r) expect(formOf.get(String(r.eval_id))?.year, f!.path).toBe(year);
			}
		for (const t of TABLES) {
			const order = t.key.map(quoteIdent).join(', ');
			const key = (r: Record<string, unknown>) => t.key.map((k) => String(r[k])).join('|');
			const fromParquet = await db.query<Record<string, unknown>>(
				`SELECT * FROM ${t.name} ORDER BY ${order}`
			);
			const byKey = new Map(fromParquet.map((r) => [key(r), r]));
			// By year: each row once, the same values as the download.
			const byYear = await partRows<Record<string, unknown>>(out, t.name);
			expect(byYear.length, t.name).toBe(fromParquet.length);
			expect(new Set(byYear.map(key)).size, t.name).toBe(fromParquet.length);
			for (const r of byYear) expect(r, t.name).toEqual(byKey.get(key(r)));
			if (BASE_TABLES.includes(t.name)) continue;
			// By unit: each row once, in the file of its own unit.
			let n = 0;
			for (const f of unitFiles) {
				const unit = decodeURIComponent(f.replace(/\.bin$/, ''));
				const streams = unpackStreams(
					await gunzip(new Uint8Array(readFileSync(join(out, parts.unitDir, f))))
				);
				const s = streams.find((x) => x.table === t.name)!;
				expect(s, `${f} ${t.name}`).toBeDefined();
				const rows = tableFromIPC(s.bytes)
					.toArray()
					.map((r) => r.toJSON() as Record<string, unknown>);
				expect(rows.length).toBe(s.rows);
				for (const r of rows) {
					expect(byKey.get(key(r)), t.name).toEqual(r);
					// In its own unit's file, whether the row names its unit or its form.
					if ('unit_id' in r) expect(r.unit_id).toBe(unit);
					else if ('eval_id' in r) expect(formOf.get(String(r.eval_id))?.unit_id).toBe(unit);
				}
				n += rows.length;
			}
			expect(n, t.name).toBe(fromParquet.length);
		}
	});

	it('writes the same unit files whatever the batch of units read at a time', async () => {
		const dir = join(tmp, 'batch7');
		const m = await writePartitions(db, dir, 7);
		expect(m.units).toBe(manifest.parts.units);
		const files = readdirSync(join(out, manifest.parts.unitDir));
		expect(files.length).toBeGreaterThan(7 * 4);
		for (const f of files)
			expect(
				Buffer.from(gunzipSync(readFileSync(join(dir, m.unitDir, f)))).equals(
					gunzipSync(readFileSync(join(out, manifest.parts.unitDir, f)))
				),
				f
			).toBe(true);
	});

	it('writes the same partitions through a database of several readers (as the prerender opens it)', async () => {
		const pool = await openBuiltDataset(out, 3);
		try {
			// Reads go to the least busy reader: queries kept running beside the build send its reads
			// to readers other than the one that made its working tables.
			let done = false;
			const beside = (async () => {
				let n = 0;
				while (!done) n += (await pool.query('SELECT count(*) AS n FROM range(2000000)')).length;
				return n;
			})();
			const m = await writePartitions(pool, join(tmp, 'readers')).finally(() => (done = true));
			expect(await beside).toBeGreaterThan(0);
			expect(m.version).toBe(manifest.parts.version);
		} finally {
			await pool.close();
		}
	});

	it('writes XLSX downloads that hold the CSV downloads cell for cell, text never as a formula', () => {
		for (const t of DATA_TABLES) {
			const csv = parseCsv(readFileSync(join(out, 'download', `${t.name}.csv`), 'utf8'), t.name);
			const [sheet] = readXlsx(readFileSync(join(out, manifest.tables[t.name].xlsx!.path)));
			expect(sheet.name).toBe(t.name);
			expect(sheet.frozenRows).toBe(1);
			const g = grid(sheet);
			expect(g.map((r) => r.length > 0)).toHaveLength(csv.rows.length + 1);
			expect(g[0].map((c) => c?.value)).toEqual(csv.header);
			csv.rows.forEach((r, ri) =>
				csv.header.forEach((h, ci) => {
					const c = g[ri + 1][ci] ?? null;
					const want = expected(t, h, r.fields[ci]);
					expect(c?.value ?? null, `${t.name} line ${ri + 2} ${h}`).toEqual(want);
					if (c) expect(c.formula).toBe(false);
					if (typeof want === 'string') expect(c?.type).toBe('s');
				})
			);
		}
	});

	it('writes CSV downloads that parse back to the same values', () => {
		for (const t of DATA_TABLES) {
			const csv = parseCsv(readFileSync(join(out, 'download', `${t.name}.csv`), 'utf8'), t.name);
			expect(csv.header).toEqual(t.columns.map((c) => c.name));
			const keyOf = (r: Record<string, string>) => t.key.map((k) => r[k]).join('|');
			const byKey = new Map(
				csv.rows.map((r) => {
					const o = Object.fromEntries(csv.header.map((h, i) => [h, r.fields[i]]));
					return [keyOf(o), o];
				})
			);
			for (const r of readRows(folderOf(t), t.name)) {
				const g = byKey.get(keyOf(r))!;
				for (const c of t.columns)
					expect(expected(t, c.name, g[c.name]), `${t.name}.${c.name}`).toEqual(
						expected(t, c.name, r[c.name] ?? '')
					);
			}
		}
	});
});

describe('downloads over the size limits', () => {
	const limit = 4_000;
	const rowLimit = 20;
	const plain = join(tmp, 'plain');
	const gz = join(tmp, 'gz');
	let a: Awaited<ReturnType<typeof buildData>>;
	let b: Awaited<ReturnType<typeof buildData>>;
	beforeAll(async () => {
		const dirs = [join(ROOT, 'data/sample')];
		a = await buildData({ dataDirs: dirs, outDir: plain });
		b = await buildData({
			dataDirs: dirs,
			outDir: gz,
			csvPlainMaxBytes: limit,
			xlsxMaxRows: rowLimit
		});
	}, 120_000);

	it('gives a table over the row limit no XLSX, and the others theirs', () => {
		expect(a.manifest!.xlsx_max_rows).toBe(100_000);
		expect(b.manifest!.xlsx_max_rows).toBe(rowLimit);
		let without = 0;
		for (const [name, t] of Object.entries(b.manifest!.tables)) {
			const xlsx = join(gz, 'download', `${name}.xlsx`);
			if (t.rows > rowLimit) {
				without++;
				expect(t.xlsx, name).toBeNull();
				expect(existsSync(xlsx), name).toBe(false);
			} else {
				expect(t.xlsx?.path, name).toBe(`download/${name}.xlsx`);
				expect(existsSync(xlsx), name).toBe(true);
			}
			// The rows stay in the CSV and Parquet whatever the XLSX limit.
			expect(t.rows, name).toBe(a.manifest!.tables[name].rows);
			expect(existsSync(join(gz, t.parquet.path)), name).toBe(true);
		}
		expect(without).toBeGreaterThan(0);
		expect(without).toBeLessThan(Object.keys(b.manifest!.tables).length);
	});

	it('publishes a CSV over the size limit gzipped, the same bytes inside, and the smaller ones as they are', () => {
		let zipped = 0;
		for (const [name, t] of Object.entries(a.manifest!.tables)) {
			const bytes = readFileSync(join(plain, t.csv.path));
			const other = b.manifest!.tables[name].csv;
			if (bytes.length > limit) {
				zipped++;
				expect(other.path, name).toBe(`${t.csv.path}.gz`);
				expect(existsSync(join(gz, t.csv.path)), name).toBe(false);
				expect(
					Buffer.from(gunzipSync(readFileSync(join(gz, other.path)))).equals(bytes),
					name
				).toBe(true);
			} else {
				expect(other.path, name).toBe(t.csv.path);
				expect(other.sha256, name).toBe(t.csv.sha256);
			}
		}
		expect(zipped).toBeGreaterThan(0);
	});
});

describe('buildData on bad input', () => {
	const bad = join(tmp, 'bad');
	const write = (name: string, text: string) => writeFileSync(join(bad, name), text);

	beforeAll(() => {
		mkdirSync(bad, { recursive: true });
		write('units.csv', 'unit_id,name,provenance\nu1,甲单位,published\n');
		write(
			'evaluations.csv',
			[
				'eval_id,unit_id,year,form,project_name,budget_final,executed,provenance',
				'e1,u1,2023,department,,1715.85,1715.85,published',
				'e2,u1,2023,department,,1262.27万,1,published',
				'e1,u1,2024,department,,1,1,published',
				'e3,u9,2023,department,,1,1,published',
				'e4,u1,2021,department,,1e400,1,published',
				'e5,u1,2020,department,,1,1,published,extra'
			].join('\n') + '\n'
		);
		write('indicators.csv', 'eval_id,seq,level1\ne1,1,产出指标\n');
	});

	it('fails with file, line, column and rule for each problem and writes nothing', async () => {
		const target = join(tmp, 'bad-out');
		const r = await buildData({ dataDirs: [bad], outDir: target });
		expect(r.report.ok).toBe(false);
		expect(r.manifest).toBeNull();
		expect(existsSync(target)).toBe(false);
		const found = r.report.issues.map((i) => [
			i.file.replace(bad + '/', ''),
			i.line,
			i.column,
			i.rule
		]);
		expect(found).toEqual([
			['evaluations.csv', 3, 'budget_final', 'decimal'],
			['evaluations.csv', 4, 'eval_id', 'duplicate-key'],
			['evaluations.csv', 5, 'unit_id', 'reference'],
			// 1e400 would be Infinity: the strict build refuses exponents like the import.
			['evaluations.csv', 6, 'budget_final', 'decimal'],
			['evaluations.csv', 7, null, 'field-count'],
			['indicators.csv', 1, 'level3', 'missing-column'],
			['indicators.csv', 2, null, 'file']
		]);
	});
});
