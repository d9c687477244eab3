// Writes the browser's data as partitions: the base tables, one file per year and table, one file per unit; gzipped, listed for the manifest.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import { rowsToArrowStream } from '../db/arrow';
import type { SqlValue } from '../db/connector';
import type { NodeConnector } from '../db/node';
import {
	BASE_TABLES,
	PART_TABLES,
	packStreams,
	unitPartPath,
	type PartFile,
	type PartsManifest
} from '../db/parts';
import { placedRows, type PlacedRow } from '../queries/partitions';
import { run } from '../queries/query';
import { tableRows } from '../queries/tables';
import { table as tableDef, type TableName } from '../schema';

const gzip = promisify(gzipCb);

type Row = Record<string, SqlValue>;
type Stream = { table: TableName; bytes: Uint8Array; rows: number };

const stream = (table: TableName, rows: readonly Row[]): Stream => ({
	table,
	bytes: rowsToArrowStream(tableDef(table), rows),
	rows: rows.length
});

/** Writes every partition into `outDir/parts` and returns their list; every row lands in exactly one year file and one unit file. */
export async function writePartitions(db: NodeConnector, outDir: string): Promise<PartsManifest> {
	const hash = createHash('sha256');
	const pending: Promise<void>[] = [];
	const write = (path: string, streams: Stream[]): PartFile => {
		const file: PartFile = { path, bytes: 0, rows: {} };
		for (const s of streams) file.rows[s.table] = s.rows;
		const packed = packStreams(streams);
		hash.update(path).update(packed);
		pending.push(
			gzip(packed, { level: 6 }).then((gz) => {
				const full = join(outDir, path);
				mkdirSync(dirname(full), { recursive: true });
				writeFileSync(full, gz);
				file.bytes = gz.length;
			})
		);
		return file;
	};

	const base = write(
		'parts/base.bin',
		await Promise.all(
			BASE_TABLES.map(async (t) => stream(t, await run(db, tableRows(tableDef(t)))))
		)
	);

	// Group every partitioned table's rows by year and by unit, in key order.
	const units = (await run(db, tableRows(tableDef('units')))).map((u) => String(u.unit_id));
	const byUnit = new Map<string, Map<TableName, Row[]>>(units.map((u) => [u, new Map()]));
	const years = new Map<number | null, Partial<Record<TableName, PartFile>>>();
	for (const t of PART_TABLES) {
		const placed = await run(db, placedRows(t));
		const byYear = new Map<number | null, Row[]>();
		for (const r of placed) {
			const { __unit, __year, ...row } = r as PlacedRow;
			const unit = byUnit.get(__unit);
			if (!unit) throw new Error(`${t}: a row of unit ${__unit}, which is not in the units table`);
			let list = unit.get(t);
			if (!list) unit.set(t, (list = []));
			list.push(row);
			let yearList = byYear.get(__year);
			if (!yearList) byYear.set(__year, (yearList = []));
			yearList.push(row);
		}
		for (const [year, rows] of byYear) {
			const entry = years.get(year) ?? {};
			entry[t] = write(`parts/year/${year ?? 'none'}/${t}.bin`, [stream(t, rows)]);
			years.set(year, entry);
		}
	}

	const unitDir = 'parts/unit';
	const unitFiles: PartFile[] = [];
	for (const [unit, tables] of byUnit) {
		unitFiles.push(
			write(
				unitPartPath(unitDir, unit),
				PART_TABLES.map((t) => stream(t, tables.get(t) ?? []))
			)
		);
		// Keep memory flat: gzip runs while the next files are packed, a batch at a time.
		if (pending.length >= 64) await Promise.all(pending.splice(0));
	}
	await Promise.all(pending);

	return {
		format: 'jixiao-parts-1',
		version: hash.digest('hex').slice(0, 16),
		base,
		years: [...years]
			.sort(([a], [b]) => (a ?? -Infinity) - (b ?? -Infinity))
			.map(([year, tables]) => ({ year, tables })),
		unitDir,
		units: unitFiles.length,
		unitBytes: {
			total: unitFiles.reduce((n, f) => n + f.bytes, 0),
			max: unitFiles.reduce((n, f) => Math.max(n, f.bytes), 0)
		}
	};
}
