// DuckDB in Node with several reader connections (the prerender's): queries side by side see what the writing connection wrote, each its own answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeConnector } from '../../src/lib/db/node';

describe('NodeConnector with readers', () => {
	let db: NodeConnector;
	beforeAll(async () => {
		db = await NodeConnector.open(':memory:', 3);
		await db.exec('CREATE TABLE t AS SELECT range AS i, range % 7 AS k FROM range(100000)');
	});
	afterAll(() => db.close());

	it('answers many queries at once, each its own, from the table the first connection wrote', async () => {
		const ks = Array.from({ length: 30 }, (_, j) => j % 7);
		const answers = await Promise.all(
			ks.map((k) =>
				db.query<{ n: number; s: number }>(
					`SELECT count(*)::INTEGER AS n, sum(i)::DOUBLE AS s FROM t WHERE k = ${k}`
				)
			)
		);
		answers.forEach(([a], j) => {
			const k = ks[j];
			const rows = Array.from({ length: 100000 }, (_, i) => i).filter((i) => i % 7 === k);
			expect(a).toEqual({ n: rows.length, s: rows.reduce((x, y) => x + y, 0) });
		});
	});

	it('a query after a write sees it, whichever connection runs it', async () => {
		await db.exec('INSERT INTO t VALUES (-1, 99)');
		const counts = await Promise.all(
			Array.from({ length: 6 }, () =>
				db.queryColumns('SELECT count(*)::INTEGER AS n FROM t WHERE k = 99')
			)
		);
		for (const c of counts) expect(c.columns[0]).toEqual([1]);
	});
});
