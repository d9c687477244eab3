// One SQL, two DuckDB versions: every query function gives the same rows on DuckDB in Node and on DuckDB-WASM (the browser's engine, here its Node build).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/db/manifest';
import type { Connector } from '../../src/lib/db/connector';
import { quoteIdent } from '../../src/lib/db/sql';
import { TABLES } from '../../src/lib/schema';
import { auditPageData, auditYears, flagCounts, unitFlags } from '../../src/lib/queries/audit';
import { compareData, metricsOf } from '../../src/lib/queries/compare';
import { formCount, formsAll, formsPage } from '../../src/lib/queries/forms';
import { indicatorsData } from '../../src/lib/queries/indicators';
import { overviewData } from '../../src/lib/queries/overview';
import { run, type Query } from '../../src/lib/queries/query';
import { unitMetricTrace } from '../../src/lib/queries/trace';
import { trendsData } from '../../src/lib/queries/trends';
import {
	allUnits,
	projects,
	unitList,
	unitProjects,
	unitSpending,
	unitYearData,
	unitYears
} from '../../src/lib/queries/unit';
import { bundledDir } from '../helpers/built';
import { ENGINES } from '../helpers/engines';

const REF = '430212-jiwei';
const DEMO = '990501-jiwei-1';
let node: Connector;
let wasm: Connector;

beforeAll(async () => {
	[node, wasm] = await Promise.all(ENGINES.map((e) => e.open()));
}, 120_000);
afterAll(async () => {
	await node?.close();
	await wasm?.close();
});

describe('the two engines', () => {
	it('say which DuckDB they are (1.5 in Node, 1.4 in WASM when written)', async ({ annotate }) => {
		const version = async (db: Connector) =>
			(await db.query<{ v: string }>('SELECT version() AS v'))[0].v;
		const [n, w] = [await version(node), await version(wasm)];
		expect(n).toMatch(/^v1\.\d+\.\d+/);
		expect(w).toMatch(/^v1\.\d+\.\d+/);
		await annotate(`Node ${n}, WASM ${w}`);
	});

	it('hold every table of the build, row for row', async () => {
		const manifest = JSON.parse(
			readFileSync(join(bundledDir(), 'manifest.json'), 'utf8')
		) as Manifest;
		for (const db of [node, wasm])
			for (const t of TABLES) {
				const [{ n }] = await db.query<{ n: number }>(
					`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(t.name)}`
				);
				expect(n, t.name).toBe(manifest.tables[t.name].rows);
			}
	});
});

/** Each page's data, and the queries no page bundle runs, with filters that reach every branch of their SQL. */
const PAGES: [string, (db: Connector) => Promise<unknown>][] = [
	['overview 2023', (db) => overviewData(db, 2023)],
	['trends', (db) => trendsData(db)],
	['indicators, all years', (db) => indicatorsData(db, null)],
	['indicators 2023, searched', (db) => indicatorsData(db, 2023, '少数', 5)],
	["indicators, a search with % _ \\ and '", (db) => indicatorsData(db, null, "5%_\\'")],
	['audit, no filter', (db) => auditPageData(db, {}, 20)],
	[
		'audit, every filter',
		(db) => auditPageData(db, { rule: 'full_marks_on_miss', severity: 'warning', year: 2023 })
	],
	['audit, one unit', (db) => auditPageData(db, { unitId: REF })],
	['compare', (db) => compareData(db, [REF, DEMO], 'cases_filed', 2023)],
	['unit-year, reference', (db) => unitYearData(db, REF, 2023)],
	['unit-year, demo', (db) => unitYearData(db, DEMO, 2020)],
	['forms grid, first page', (db) => formsPage(db, {}, { page: 1, pageSize: 50 })],
	[
		'forms grid, every filter, sorted, a later page',
		(db) =>
			formsPage(
				db,
				{
					yearFrom: 2017,
					yearTo: 2024,
					region: '虚构省',
					sector: '纪检监察',
					form: 'project',
					rate: '90-100',
					gapMin: -50,
					sort: 'gap_pct',
					dir: 'desc'
				},
				{ page: 2, pageSize: 25 }
			)
	],
	['forms grid, by rule, all rows', (db) => formsAll(db, { rule: 'full_marks_on_miss' })],
	['forms grid, any flag, by reason', (db) => formsAll(db, { rule: 'any', sort: 'reason' })]
];
const QUERIES: [string, Query<object>][] = [
	['audit years', auditYears()],
	['flag counts by severity', flagCounts({ severity: 'info' })],
	['unit flags', unitFlags(DEMO)],
	['metrics of units', metricsOf([REF, DEMO])],
	['metric trace', unitMetricTrace(REF)],
	['all units', allUnits()],
	['unit list', unitList()],
	['unit years', unitYears(DEMO)],
	['unit spending', unitSpending(DEMO)],
	['unit projects', unitProjects(DEMO)],
	['projects, every filter', projects({ year: 2022, minScore: 80, maxScore: 95, search: '经费' })],
	['projects, one unit', projects({ unitId: REF })],
	['forms count, a rate band', formCount({ rate: 'lt90', unitId: DEMO })]
];

/** How many rows a page's data holds, over all its lists. */
const rowsIn = (x: unknown): number =>
	Array.isArray(x)
		? x.length
		: x && typeof x === 'object'
			? Object.values(x).reduce((n: number, v) => n + rowsIn(v), 0)
			: 0;

describe('every query gives the same rows on both engines', () => {
	it.each(PAGES)('%s', async (_, load) => {
		const [a, b] = [await load(node), await load(wasm)];
		expect(rowsIn(a)).toBeGreaterThan(0);
		expect(b).toEqual(a);
	});

	it.each(QUERIES)('%s', async (_, q) => {
		const [a, b] = [await run(node, q), await run(wasm, q)];
		expect(a.length).toBeGreaterThan(0);
		expect(b).toEqual(a);
	});
});
