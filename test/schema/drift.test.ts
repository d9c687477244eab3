// Row types against the schema: every query's rows and the audit's rows keep the types and values of the columns they share a name with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES, runAudit, type AuditResult } from '../../src/lib/audit';
import { sqlType } from '../../src/lib/db/ddl';
import type { NodeConnector } from '../../src/lib/db/node';
import {
	auditKpis,
	FORM_OF_INDICATOR,
	auditYears,
	flagCounts,
	flagList,
	unitFlags,
	unitYearAudit
} from '../../src/lib/queries/audit';
import {
	auditDirections,
	auditEvaluations,
	auditFunding,
	auditIndicators,
	readAuditInput
} from '../../src/lib/queries/audit-input';
import { compareSeries, groupHeat, metricsOf } from '../../src/lib/queries/compare';
import {
	commonIndicators,
	countReasons,
	deductionsByGroup,
	searchReasons
} from '../../src/lib/queries/indicators';
import { formCount, formList } from '../../src/lib/queries/forms';
import { keyValues } from '../../src/lib/queries/load';
import { execByUnit, kpis, likeForLike, unitScores, years } from '../../src/lib/queries/overview';
import type { Query } from '../../src/lib/queries/query';
import {
	regionRankCount,
	regionRanking,
	regionUnitCounts,
	regionUnits,
	regionYears
} from '../../src/lib/queries/regions';
import { searchForms, searchIndicators, searchUnits } from '../../src/lib/queries/search';
import { formsByProvenance, yearSpan } from '../../src/lib/queries/tables';
import { unitMetricTrace, unitYearTrace } from '../../src/lib/queries/trace';
import { metricTotals, yearStats } from '../../src/lib/queries/trends';
import {
	allUnits,
	projectHistory,
	projects,
	unit,
	unitEvaluations,
	unitFunding,
	unitIndicators,
	unitList,
	unitMetrics,
	unitProjects,
	unitSpending,
	unitYears
} from '../../src/lib/queries/unit';
import {
	DISCIPLINE_SECTOR,
	RULE_IDS,
	table,
	type ColumnDef,
	type ColumnName,
	type Row,
	type TableName
} from '../../src/lib/schema';
import { openBundled } from '../helpers/built';
import { allRows } from '../helpers/data';

// ---- The type side: a row type that shares a column's name must have that column's value type. ----

/** True when A and B are the same type (not merely assignable). */
type Same<A, B> =
	(<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
/** True when every A is a B (a query may narrow a column: WHERE dimension IN ('economic', 'nature')). */
type Within<A, B> = [A] extends [B] ? true : false;

/**
 * The "table.column" names where row type R has another value type than the schema's column of the
 * same name (null aside: a LEFT JOIN adds nulls, coalesce or a filter removes them). Keys listed in
 * N may narrow the column's values instead of matching them.
 */
type Drift<R, T extends TableName, N> = T extends TableName
	? {
			[K in keyof R & ColumnName<T>]-?: (
				K extends N
					? Within<NonNullable<R[K]>, NonNullable<Row<T>[K]>>
					: Same<NonNullable<R[K]>, NonNullable<Row<T>[K]>>
			) extends true
				? never
				: `${T}.${K & string}`;
		}[keyof R & ColumnName<T>]
	: never;

interface Case {
	sql: string;
	tables: readonly TableName[];
}

/**
 * A query whose rows mirror columns of `tables`. Compiles to a Case only when the row type agrees
 * with the schema; otherwise to { drift: 'table.column' }, which the list below refuses, so
 * `npm run check` names the column.
 */
function mirror<R extends object, const T extends TableName, const N extends keyof R = never>(
	q: Query<R>,
	tables: readonly T[],
	narrowed: readonly N[] = []
): [Drift<R, T, N>] extends [never] ? Case : { drift: Drift<R, T, N> } {
	void narrowed;
	return { sql: q.sql, tables } as never;
}

// ---- The queries, each with arguments that return rows from the bundled data. ----

const REF = '430212-jiwei';
const DEMO = allRows('units').find(
	(u) => u.provenance === 'synthetic' && u.sector === DISCIPLINE_SECTOR
)!.unit_id;

/** Every query function of src/lib/queries (and the audit's reads), by its exported name. */
const QUERIES: Record<string, Case[]> = {
	auditEvaluations: [mirror(auditEvaluations, ['evaluations'])],
	auditIndicators: [mirror(auditIndicators, ['indicators'])],
	auditFunding: [mirror(auditFunding, ['funding'])],
	auditDirections: [mirror(auditDirections, ['directions'])],
	flagList: [
		mirror(flagList(), ['audit_flags', 'units', 'evaluations']),
		mirror(flagList({ severity: 'error', year: 2023 }, 20), ['audit_flags', 'units', 'evaluations'])
	],
	flagCounts: [mirror(flagCounts(), ['audit_flags'])],
	auditKpis: [mirror(auditKpis({ year: 2023 }), ['audit_forms', 'audit_flags'])],
	auditYears: [mirror(auditYears(), ['audit_forms'])],
	unitFlags: [mirror(unitFlags(REF), ['audit_flags', 'units', 'evaluations'])],
	compareSeries: [
		mirror(compareSeries([REF, DEMO], 'cases_filed'), ['units', 'evaluations', 'metrics'])
	],
	groupHeat: [mirror(groupHeat([REF, DEMO], 2023), ['evaluations', 'indicators'])],
	metricsOf: [mirror(metricsOf([REF, DEMO]), ['metric_dictionary'])],
	commonIndicators: [
		mirror(commonIndicators(2023, 'rows'), ['indicators']),
		mirror(commonIndicators(null, 'missed'), ['indicators'])
	],
	deductionsByGroup: [mirror(deductionsByGroup(null), ['indicators'])],
	searchReasons: [
		mirror(searchReasons('', null, 200), ['indicators', 'audit_indicators', 'units'])
	],
	countReasons: [mirror(countReasons('', null), ['indicators'])],
	years: [mirror(years(), ['evaluations'])],
	kpis: [mirror(kpis(2023), ['evaluations']), mirror(kpis(2023, '4302'), ['evaluations'])],
	likeForLike: [mirror(likeForLike(2023), ['evaluations'])],
	execByUnit: [
		mirror(execByUnit(2023), ['units', 'evaluations', 'audit_forms']),
		mirror(execByUnit(2023, { ranked: 5 }), ['units', 'evaluations', 'audit_forms']),
		mirror(execByUnit(2023, { bars: 5 }), ['units', 'evaluations', 'audit_forms'])
	],
	unitScores: [mirror(unitScores(2023), ['evaluations'])],
	unitYearTrace: [mirror(unitYearTrace(REF, 2023), ['trace'])],
	unitMetricTrace: [mirror(unitMetricTrace(REF), ['trace'])],
	yearStats: [mirror(yearStats(), ['evaluations'])],
	metricTotals: [mirror(metricTotals(DISCIPLINE_SECTOR), ['metrics', 'metric_dictionary'])],
	unitList: [mirror(unitList(), ['units'])],
	allUnits: [mirror(allUnits(), ['units'])],
	unit: [mirror(unit(REF), ['units'])],
	unitEvaluations: [mirror(unitEvaluations(DEMO), ['evaluations'])],
	unitIndicators: [mirror(unitIndicators(DEMO, 2023), ['indicators'])],
	unitFunding: [mirror(unitFunding(DEMO), ['funding'])],
	unitMetrics: [mirror(unitMetrics(DEMO), ['metrics', 'metric_dictionary'])],
	unitYears: [mirror(unitYears(DEMO), ['evaluations', 'audit_forms'])],
	keyValues: [mirror(keyValues('units', 'unit_id'), ['units'])],
	yearSpan: [mirror(yearSpan(), ['evaluations'])],
	formsByProvenance: [mirror(formsByProvenance(), ['evaluations'])],
	unitSpending: [mirror(unitSpending(DEMO), ['evaluations', 'funding'], ['dimension'])],
	unitProjects: [mirror(unitProjects(DEMO), ['units', 'evaluations', 'audit_forms'])],
	projects: [mirror(projects(), ['units', 'evaluations', 'audit_forms'])],
	projectHistory: [
		mirror(projectHistory(REF, '办案经费'), ['units', 'evaluations', 'audit_forms'])
	],
	formList: [
		mirror(formList(), ['evaluations', 'units', 'audit_forms']),
		mirror(formList({ rate: 'lt90', sort: 'gap_pct', dir: 'desc' }, { page: 1, pageSize: 20 }), [
			'evaluations',
			'units',
			'audit_forms'
		])
	],
	formCount: [mirror(formCount({ yearFrom: 2023 }), ['evaluations'])],
	regionUnits: [mirror(regionUnits(), ['units'])],
	regionUnitCounts: [mirror(regionUnitCounts(['43', '4302', '430212']), ['units'])],
	regionYears: [mirror(regionYears('99'), ['evaluations'])],
	regionRanking: [
		mirror(regionRanking('99', { year: 2023, page: 1, pageSize: 50 }), ['evaluations']),
		mirror(
			regionRanking('430212', {
				year: 2023,
				q: '纪委',
				sort: 'name',
				dir: 'asc',
				page: 1,
				pageSize: 5
			}),
			['evaluations']
		)
	],
	regionRankCount: [
		mirror(regionRankCount('4302', { year: 2023, page: 1, pageSize: 5 }), ['evaluations'])
	],
	searchUnits: [mirror(searchUnits(), ['units'])],
	searchForms: [mirror(searchForms(), ['evaluations'])],
	searchIndicators: [mirror(searchIndicators(), ['indicators'])]
};

/** Exports of src/lib/queries that are not one query: SQL helpers, a row mapper, and bundles of the queries above. */
const NOT_QUERIES = new Set([
	'query',
	'run',
	'containsPattern',
	'copyToFileSql',
	// Every column of any table, as untyped values (the downloads and the dataset export).
	'tableRows',
	// The same, with the unit and year whose partitions hold each row, and the build's working table
	// of them (the partition writer; test/build/build-data.test.ts checks the files it writes).
	'placedRows',
	'createPlacedSql',
	'dropPlacedSql',
	'placedYears',
	'placedYear',
	'placedUnitRows',
	'unplacedRow',
	// A table's row count (the build's downloads), no table's columns.
	'countRows',
	// Statements that fill the summary tables (test/queries/summary.test.ts checks what they hold).
	'summarySql',
	// Reads the staging table that exists only during a load.
	'stagedClashes',
	'loadedKeys',
	'readAuditInput',
	'yearLit',
	'unitChoice',
	'INDICATOR_STATUS',
	'latestYear',
	'overviewData',
	'overviewFirst',
	'unitYearData',
	'compareData',
	'trendsData',
	'indicatorsData',
	// The three search queries above, run together.
	'searchSource',
	'auditPageData',
	// One page and the count, and every filtered row: formList and formCount, checked above.
	'formsPage',
	'formsAll',
	// A region's KPIs and one page of its ranking: kpis, regionRanking and regionRankCount, checked above.
	'regionPage',
	// SQL pieces of the region filter (a checked code, the subquery of its units).
	'regionLit',
	'regionUnitIds',
	// Its three queries are checked below, row for row against the audit's tables.
	'unitYearAudit'
]);

// ---- The runtime side: the rows DuckDB returns against the schema's columns. ----

/** The JS value a column holds, per its schema type. */
function valueProblem(c: ColumnDef, v: unknown): string | null {
	if (v === null) return null;
	if (c.type === 'text') {
		if (typeof v !== 'string') return `${JSON.stringify(v)} is not text`;
		if (c.values && !c.values.includes(v))
			return `${JSON.stringify(v)} is not one of ${c.values.join(' ')}`;
		return null;
	}
	if (typeof v !== 'number') return `${JSON.stringify(v)} is not a number`;
	if (c.type === 'integer' && !Number.isInteger(v)) return `${v} is not an integer`;
	return null;
}

/** Problems of one query: columns whose DuckDB type or values differ from the schema's column. */
async function queryProblems(db: NodeConnector, name: string, c: Case): Promise<string[]> {
	const out: string[] = [];
	const shape = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${c.sql}`);
	const rows = await db.query<Record<string, unknown>>(c.sql);
	if (rows.length === 0) out.push(`${name}: no rows, so nothing was checked`);
	for (const { column_name, column_type } of shape)
		for (const t of c.tables) {
			const col = table(t).columns.find((x) => x.name === column_name);
			if (!col) continue;
			if (column_type !== sqlType(col))
				out.push(`${name}.${column_name}: ${column_type}, but ${t}.${col.name} is ${sqlType(col)}`);
			const bad = rows.map((r) => valueProblem(col, r[column_name])).find((p) => p !== null);
			if (bad) out.push(`${name}.${column_name}: ${bad} (${t}.${col.name})`);
		}
	return out;
}

/** Problems of audit rows: exactly the table's columns, each value of its type, required ones filled. */
/** Problems of rows read as `name`'s, every column but those in `omit` (left out on purpose). */
function rowProblems(
	name: TableName,
	rows: readonly object[],
	omit: readonly string[] = []
): string[] {
	const cols = table(name).columns.filter((c) => !omit.includes(c.name));
	const want = cols.map((c) => c.name).sort();
	const out = new Set<string>();
	for (const r of rows) {
		const have = Object.keys(r).sort();
		if (have.join() !== want.join())
			out.add(`${name}: keys ${have.join()} ≠ columns ${want.join()}`);
		for (const c of cols) {
			const v = (r as Record<string, unknown>)[c.name] ?? null;
			if (v === null && c.required === true) out.add(`${name}.${c.name}: empty but required`);
			const p = valueProblem(c, v);
			if (p) out.add(`${name}.${c.name}: ${p}`);
		}
	}
	return [...out];
}

let db: NodeConnector;
let dispose: () => Promise<void>;

beforeAll(async () => {
	({ db, dispose } = await openBundled());
}, 120_000);
afterAll(() => dispose?.());

describe('query rows against the schema', () => {
	it('registers every query of src/lib/queries here', () => {
		const modules = import.meta.glob<Record<string, unknown>>('../../src/lib/queries/*.ts', {
			eager: true
		});
		const exported = Object.values(modules).flatMap((m) =>
			Object.entries(m)
				.filter(([, v]) => typeof v === 'function' || typeof (v as Query<object>)?.sql === 'string')
				.map(([k]) => k)
		);
		const missing = exported.filter((k) => !(k in QUERIES) && !NOT_QUERIES.has(k));
		expect(missing, 'a new query: add it to QUERIES with the tables its rows mirror').toEqual([]);
	});

	for (const [name, cases] of Object.entries(QUERIES))
		it(`${name}: shared columns have the schema's DuckDB type and values`, async () => {
			const problems = (await Promise.all(cases.map((c) => queryProblems(db, name, c)))).flat();
			expect(problems).toEqual([]);
		});
});

describe('audit rows against the schema', () => {
	let result: AuditResult;
	beforeAll(async () => {
		result = runAudit(await readAuditInput(db));
	});

	it('writes exactly the columns of audit_forms, audit_indicators and audit_flags', () => {
		expect(result.forms.length).toBeGreaterThan(400);
		expect(result.flags.length).toBeGreaterThan(0);
		expect([
			...rowProblems('audit_forms', result.forms),
			...rowProblems('audit_indicators', result.indicators),
			...rowProblems('audit_flags', result.flags)
		]).toEqual([]);
	});

	it('reads a unit-year’s audit back from DuckDB with the same columns', async () => {
		const a = await unitYearAudit(db, REF, 2023);
		expect(a.forms).toHaveLength(3);
		expect([
			...rowProblems('audit_forms', a.forms),
			// A form's indicator statuses leave out the form's own columns: the form has them.
			...rowProblems('audit_indicators', a.indicators, FORM_OF_INDICATOR),
			...rowProblems('audit_flags', a.flags)
		]).toEqual([]);
	});

	it('explains every rule id the schema allows, in the schema’s order', () => {
		expect(RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
	});
});
