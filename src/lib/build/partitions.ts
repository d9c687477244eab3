// Writes the browser's data as partitions: the base tables, one file per year and table, one file per unit; gzipped, listed for the manifest.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { columnsToArrowStream, rowsToArrowStream, type ArrowColumn } from '../db/arrow';
import type { NodeConnector } from '../db/node';
import { gzipWorker } from './gzip';
import {
	BASE_TABLES,
	PART_TABLES,
	packStreams,
	unitPartPath,
	type PartFile,
	type PartsManifest
} from '../db/parts';
import {
	createPlacedSql,
	dropPlacedSql,
	placedUnitRows,
	placedYear,
	placedYears,
	unplacedRow
} from '../queries/partitions';
import type { Query } from '../queries/query';
import { run } from '../queries/query';
import { tableRows } from '../queries/tables';
import { table as tableDef, type TableName } from '../schema';

type Stream = { table: TableName; bytes: Uint8Array; rows: number };

/** Units whose files are packed at a time (what JavaScript holds of the unit files at once). */
const UNIT_BATCH = 250;

/** A query's rows as the table's columns (by the schema), and any other column it names, by name. */
async function columnsOf(db: NodeConnector, t: TableName, q: Query<object>) {
	const { names, columns } = await db.queryColumns(q.sql);
	// A result of no rows has no columns to read.
	const column = (name: string) => columns[names.indexOf(name)] ?? [];
	const own: ArrowColumn[] = tableDef(t).columns.map((c) => ({
		name: c.name,
		type: c.type,
		values: column(c.name)
	}));
	return { own, column, rows: own[0]?.values.length ?? 0 };
}

/** Rows [start, end) of the columns as one table's stream. */
const slice = (t: TableName, own: ArrowColumn[], start: number, end: number): Stream => ({
	table: t,
	bytes: columnsToArrowStream(own.map((c) => ({ ...c, values: c.values.slice(start, end) }))),
	rows: end - start
});

/**
 * Writes every partition into `outDir/parts` and returns their list; every row lands in exactly
 * one year file and one unit file. DuckDB places and sorts the rows (by unit, then key); JavaScript
 * reads them by column, one year's or one batch of units' at a time, never the whole table.
 */
export async function writePartitions(
	db: NodeConnector,
	outDir: string,
	unitBatch = UNIT_BATCH
): Promise<PartsManifest> {
	const hash = createHash('sha256');
	// Compressing takes as long as reading: a worker thread does it while the next rows are read.
	const gz = gzipWorker();
	const pending: Promise<void>[] = [];
	// The writes of the group before: compressed in the worker while this group is read.
	let compressing: Promise<void>[] = [];
	/** Waits for the group before, and lets this one compress while the next is read: two groups held at most. */
	const overlap = async () => {
		const before = compressing;
		compressing = pending.splice(0);
		await Promise.all(before);
	};
	const write = (path: string, streams: Stream[]): PartFile => {
		const file: PartFile = { path, bytes: 0, rows: {} };
		for (const s of streams) file.rows[s.table] = s.rows;
		const packed = packStreams(streams);
		hash.update(path).update(packed);
		pending.push(
			gz.gzip(packed).then((bytes) => {
				const full = join(outDir, path);
				mkdirSync(dirname(full), { recursive: true });
				writeFileSync(full, bytes);
				file.bytes = bytes.length;
			})
		);
		return file;
	};

	try {
		const base = write(
			'parts/base.bin',
			await Promise.all(
				BASE_TABLES.map(async (t) => {
					const rows = await run(db, tableRows(tableDef(t)));
					return { table: t, bytes: rowsToArrowStream(tableDef(t), rows), rows: rows.length };
				})
			)
		);

		const units = (await run(db, tableRows(tableDef('units')))).map((u) => String(u.unit_id));
		const years = new Map<number | null, Partial<Record<TableName, PartFile>>>();
		for (const t of PART_TABLES) {
			await db.exec(createPlacedSql(t));
			const [stray] = await run(db, unplacedRow(t));
			if (stray)
				throw new Error(`${t}: a row of unit ${stray.unit}, which is not in the units table`);
			for (const { year } of await run(db, placedYears(t))) {
				const { own, rows } = await columnsOf(db, t, placedYear(t, year));
				const entry = years.get(year) ?? {};
				entry[t] = write(`parts/year/${year ?? 'none'}/${t}.bin`, [slice(t, own, 0, rows)]);
				years.set(year, entry);
				await overlap();
			}
		}

		const unitDir = 'parts/unit';
		const unitFiles: PartFile[] = [];
		for (let from = 0; from < units.length; from += unitBatch) {
			const to = Math.min(from + unitBatch, units.length);
			const streams = units.slice(from, to).map((): Stream[] => []);
			for (const t of PART_TABLES) {
				const { own, column } = await columnsOf(db, t, placedUnitRows(t, from, to));
				// Rows come by unit: each unit's rows are one stretch.
				const uix = column('__uix');
				let start = 0;
				for (let i = 0; i < streams.length; i++) {
					let end = start;
					while (end < uix.length && uix[end] === from + i) end++;
					streams[i].push(slice(t, own, start, end));
					start = end;
				}
				if (start !== uix.length) throw new Error(`${t}: rows out of unit order`);
			}
			streams.forEach((s, i) => unitFiles.push(write(unitPartPath(unitDir, units[from + i]), s)));
			// Keep memory flat: a batch is compressed while the next is read, never more.
			await overlap();
		}
		await Promise.all([...compressing, ...pending]);

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
	} finally {
		// A failed step leaves no write running behind it, and its error is the one reported.
		await Promise.allSettled([...compressing, ...pending]);
		await gz.close();
		for (const t of PART_TABLES) await db.exec(dropPlacedSql(t)).catch(() => {});
	}
}
