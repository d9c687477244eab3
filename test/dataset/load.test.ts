// Loading accepted rows in Arrow batches through real DuckDB (Node): batches, key conflicts when adding, and a failed load that leaves the data as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAllSql } from '../../src/lib/db/load';
import { NodeConnector } from '../../src/lib/db/node';
import { loadDataset } from '../../src/lib/dataset/load';
import { toBatches } from '../../src/lib/ingest/batches';
import { importAnyFiles } from '../../src/lib/ingest/sources';
import { ROOT } from '../helpers/data';

const sample = () =>
	importAnyFiles(
		['units', 'evaluations', 'funding', 'indicators', 'metrics'].map((t) => ({
			name: `${t}.csv`,
			bytes: new Uint8Array(readFileSync(join(ROOT, 'data/sample', `${t}.csv`)))
		}))
	);

async function withDb(fn: (db: NodeConnector) => Promise<void>) {
	const db = await NodeConnector.open();
	try {
		await db.exec(createAllSql());
		await fn(db);
	} finally {
		await db.close();
	}
}

const count = async (db: NodeConnector, t: string) =>
	(await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${t}`))[0].n;

describe('loadDataset', () => {
	it('splits tables into batches of at most the given size, each row with its line', async () => {
		const r = await sample();
		const batches = toBatches(r.rows, 2);
		const indicators = batches.find((b) => b.table === 'indicators')!;
		expect(indicators.rows).toBe(r.rows.get('indicators')!.length);
		expect(indicators.chunks.map((c) => c.rows)).toEqual(
			Array.from({ length: Math.ceil(indicators.rows / 2) }, (_, i) =>
				Math.min(2, indicators.rows - 2 * i)
			)
		);
		await withDb(async (db) => {
			const s = await loadDataset(db, batches, 'replace');
			expect(s.loaded.indicators).toBe(indicators.rows);
			expect(await count(db, 'indicators')).toBe(indicators.rows);
			expect(s.audit.forms).toBe(3);
		});
	});

	it('adds rows without overwriting keys already loaded, and lists each conflict with its line', async () => {
		const r = await sample();
		await withDb(async (db) => {
			await loadDataset(db, toBatches(r.rows), 'replace');
			const before = await count(db, 'evaluations');
			const s = await loadDataset(db, toBatches(r.rows), 'add');
			expect(await count(db, 'evaluations')).toBe(before);
			const evals = s.conflicts.filter((c) => c.table === 'evaluations');
			expect(evals.map((c) => c.line)).toEqual(r.rows.get('evaluations')!.map((x) => x.line));
			expect(evals[0].key).toBe(r.rows.get('evaluations')![0].values.eval_id);
			expect(s.loaded.evaluations).toBeUndefined();
		});
	});

	it('rolls everything back when the load fails: the previous data stays', async () => {
		const r = await sample();
		await withDb(async (db) => {
			await loadDataset(db, toBatches(r.rows), 'replace');
			const before = await count(db, 'indicators');
			expect(before).toBeGreaterThan(0);
			// Replacing with the units alone deletes every indicator first; the failure must undo that.
			await expect(
				loadDataset(db, toBatches(new Map([['units', r.rows.get('units')!]])), 'replace', {
					audit: () => Promise.reject(new RangeError('Array buffer allocation failed'))
				})
			).rejects.toThrow('allocation failed');
			expect(await count(db, 'indicators')).toBe(before);
			expect(await count(db, 'audit_forms')).toBe(3);
		});
	});
});
