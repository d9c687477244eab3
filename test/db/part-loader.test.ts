// The partition loader on the built data in real DuckDB: each file once, overlapping partitions without duplicate rows, 404s, freeze and thaw; the file format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAllSql } from '../../src/lib/db/load';
import { NodeConnector } from '../../src/lib/db/node';
import { gunzip, PartLoader, type PartFetch } from '../../src/lib/db/part-loader';
import {
	NEED_ALL,
	needAllYears,
	needUnit,
	needYear,
	needYearRange,
	packStreams,
	unitPartPath,
	unpackStreams
} from '../../src/lib/db/parts';
import { TABLES } from '../../src/lib/schema';
import { bundledDir, openBundled } from '../helpers/built';
import { diskFetch, readManifestOf } from '../helpers/parts';

const REF = '430212-jiwei';
const DEMO = '990501-jiwei-1';

let db: NodeConnector;
let seen: string[];
let loader: PartLoader;
const count = async (table: string, where = '') =>
	(await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table} ${where}`))[0].n;
const open = async (fetch?: PartFetch) => {
	const dir = bundledDir();
	seen = [];
	loader = new PartLoader(readManifestOf(dir).parts, db, fetch ?? diskFetch(dir, seen));
	await loader.loadBase();
};

beforeEach(async () => {
	db = await NodeConnector.open();
	await db.exec(createAllSql());
});
afterEach(() => db.close());

describe('PartLoader', () => {
	it('starts with the base tables only', async () => {
		await open();
		expect(await count('units')).toBe(readManifestOf(bundledDir()).tables.units.rows);
		expect(await count('evaluations')).toBe(0);
		expect(seen).toEqual(['parts/base.bin']);
	});

	it('loads a year’s tables and nothing else, each file once however often asked', async () => {
		await open();
		await Promise.all([
			loader.ensure([needYear(2023, 'evaluations', 'audit_forms')]),
			loader.ensure([needYear(2023, 'evaluations')])
		]);
		await loader.ensure([needYear(2023, 'evaluations')]);
		expect(seen.slice(1).sort()).toEqual([
			'parts/year/2023/audit_forms.bin',
			'parts/year/2023/evaluations.bin'
		]);
		// The year's every form: as many as the whole dataset (Parquet) has that year.
		const { db: full, dispose } = await openBundled();
		try {
			const [want] = await full.query<{ n: number }>(
				'SELECT count(*)::INTEGER AS n FROM evaluations WHERE year = 2023'
			);
			expect(want.n).toBeGreaterThan(0);
			expect(await count('evaluations')).toBe(want.n);
		} finally {
			await dispose();
		}
		expect(await count('evaluations', 'WHERE year <> 2023')).toBe(0);
		expect(await count('indicators')).toBe(0);
	});

	it('counts the bytes a need would still fetch: the files not loaded, a unit by the average', async () => {
		await open();
		const m = readManifestOf(bundledDir()).parts;
		const y2023 = m.years.find((y) => y.year === 2023)!.tables;
		const need = [needYear(2023, 'evaluations', 'audit_forms')];
		expect(loader.missingBytes(need)).toBe(y2023.evaluations!.bytes + y2023.audit_forms!.bytes);
		await loader.ensure([needYear(2023, 'evaluations')]);
		expect(loader.missingBytes(need)).toBe(y2023.audit_forms!.bytes);
		expect(loader.missingBytes([needUnit(DEMO)])).toBe(m.unitBytes.total / m.units);
		const every = m.years.flatMap((y) => Object.values(y.tables)).reduce((n, f) => n + f!.bytes, 0);
		expect(loader.missingBytes([NEED_ALL])).toBe(every - y2023.evaluations!.bytes);
	});

	it('reads a range of years open at one end as the years up to or from it, and no file of no year', async () => {
		await open();
		const years = readManifestOf(bundledDir()).parts.years.map((y) => y.year);
		expect(years).toContain(null);
		const files = (from: number | null, to: number | null) =>
			loader.pathsOf(needYearRange(from, to, 'evaluations', 'audit_flags')).sort();
		const of = (ys: (number | null)[]) =>
			ys
				.flatMap((y) => [
					`parts/year/${y ?? 'none'}/audit_flags.bin`,
					`parts/year/${y ?? 'none'}/evaluations.bin`
				])
				.filter((p) => !p.startsWith('parts/year/none/evaluations'))
				.sort();
		const dated = years.filter((y): y is number => y !== null);
		expect(files(null, 2019)).toEqual(of(dated.filter((y) => y <= 2019)));
		expect(files(2024, null)).toEqual(of(dated.filter((y) => y >= 2024)));
		expect(files(2020, 2021)).toEqual(of([2020, 2021]));
		// Open at both ends: every year's, the rows of no year too.
		expect(files(null, null)).toEqual(of(years));
	});

	it('holds each row once when a unit’s file and the years overlap, in either order', async () => {
		const m = readManifestOf(bundledDir());
		for (const order of [
			[needUnit(DEMO), NEED_ALL],
			[NEED_ALL, needUnit(DEMO)]
		]) {
			await db.close();
			db = await NodeConnector.open();
			await db.exec(createAllSql());
			await open();
			for (const n of order) await loader.ensure([n]);
			for (const t of TABLES) expect(await count(t.name), t.name).toBe(m.tables[t.name].rows);
		}
		// Once everything is in, a unit's file is not fetched at all.
		expect(seen).not.toContain(unitPartPath('parts/unit', REF));
		await loader.ensure([needUnit(REF)]);
		expect(seen).not.toContain(unitPartPath('parts/unit', REF));
		expect(loader.complete).toBe(true);
	});

	it('loads one unit’s every row, of every year, and no other unit’s', async () => {
		await open();
		await loader.ensure([needUnit(REF)]);
		expect(await count('evaluations', `WHERE unit_id <> '${REF}'`)).toBe(0);
		expect(await count('evaluations')).toBe(3);
		expect(await count('trace')).toBe(280);
		expect(await count('indicators')).toBe(27);
	});

	it('treats a unit the data does not hold as holding nothing, and a missing year file as an error', async () => {
		await open();
		await loader.ensure([needUnit('no-such-unit'), needYear(1999, 'evaluations')]);
		expect(await count('evaluations')).toBe(0);
		const dir = bundledDir();
		let fail = true;
		await open(async (path) =>
			path.startsWith('parts/year/2023/evaluations') && fail ? null : diskFetch(dir)(path)
		);
		await expect(loader.ensure([needYear(2023, 'evaluations')])).rejects.toThrow(
			'parts/year/2023/evaluations.bin: HTTP 404'
		);
		// A failure is not remembered: asked again, it loads.
		fail = false;
		await loader.ensure([needYear(2023, 'evaluations')]);
		expect(await count('evaluations')).toBeGreaterThan(0);
	});

	it('recovers from a failed insert: the next ask stages and loads again', async () => {
		await open();
		await db.exec('ALTER TABLE evaluations RENAME TO evaluations_away');
		await expect(loader.ensure([needYear(2023, 'evaluations')])).rejects.toThrow('evaluations');
		await db.exec('ALTER TABLE evaluations_away RENAME TO evaluations');
		await loader.ensure([needYear(2023, 'evaluations')]);
		expect(await count('evaluations')).toBeGreaterThan(0);
	});

	it('rolls back a unit file that fails part-way, so a retry loads it whole', async () => {
		await open();
		// The unit file's funding stream fails once (its table renamed away), after evaluations went in.
		await db.exec('ALTER TABLE funding RENAME TO funding_away');
		await expect(loader.ensure([needUnit(REF)])).rejects.toThrow('funding');
		expect(await count('evaluations')).toBe(0);
		await db.exec('ALTER TABLE funding_away RENAME TO funding');
		await loader.ensure([needUnit(REF)]);
		expect(await count('evaluations')).toBe(3);
		expect(await count('funding')).toBe(15);
	});

	it('waits for files still loading when everything was asked, instead of answering early', async () => {
		await open();
		// A unit asked while every year is on its way: its rows are in when its ensure resolves.
		const all = loader.ensure([NEED_ALL]);
		await loader.ensure([needUnit(REF)]);
		expect(await count('evaluations', `WHERE unit_id = '${REF}'`)).toBe(3);
		await all;
	});

	it('loads nothing more once frozen (a user’s data replaced the published), and again after thaw', async () => {
		await open();
		// A file on its way when the freeze comes is not inserted; its ensure waits for the thaw.
		const early = loader.ensure([needYear(2023, 'evaluations')]);
		await loader.freeze();
		let settled = false;
		const late = loader.ensure([needAllYears('evaluations')]).then(() => (settled = true));
		await new Promise((r) => setTimeout(r, 300));
		expect(settled).toBe(false);
		expect(await count('evaluations', 'WHERE year <> 2023')).toBe(0);
		loader.thaw();
		await Promise.all([early, late]);
		expect(await count('evaluations')).toBe(readManifestOf(bundledDir()).tables.evaluations.rows);
	});
});

describe('partition files', () => {
	it('pack and unpack table streams, and refuse what is not one', () => {
		const a = new Uint8Array([1, 2, 3]);
		const b = new Uint8Array([9]);
		const packed = packStreams([
			{ table: 'units', bytes: a, rows: 1 },
			{ table: 'evaluations', bytes: b, rows: 4 }
		]);
		const out = unpackStreams(packed);
		expect(out.map((s) => [s.table, [...s.bytes], s.rows])).toEqual([
			['units', [1, 2, 3], 1],
			['evaluations', [9], 4]
		]);
		expect(() => unpackStreams(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(
			'not a Jixiao partition file'
		);
		expect(() => unpackStreams(packed.subarray(0, packed.length - 1))).toThrow('length');
	});

	it('inflate gzip, and pass through a file the host already inflated', async () => {
		const file = readFileSync(join(bundledDir(), 'parts/base.bin'));
		const inflated = await gunzip(new Uint8Array(file));
		expect(unpackStreams(inflated).map((s) => s.table)).toEqual([
			'units',
			'metric_dictionary',
			'directions',
			'year_totals'
		]);
		expect(await gunzip(inflated)).toBe(inflated);
		expect([...(await gunzip(new Uint8Array(gzipSync(Buffer.from('abc')))))]).toEqual([97, 98, 99]);
	});

	it('name a unit’s file safely whatever its id', () => {
		expect(unitPartPath('parts/unit', '430212-jiwei')).toBe('parts/unit/430212-jiwei.bin');
		expect(unitPartPath('parts/unit', '../x/单位 (1)')).toBe(
			'parts/unit/..%2Fx%2F%E5%8D%95%E4%BD%8D%20%281%29.bin'
		);
	});
});
