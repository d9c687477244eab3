// The SQL the query functions build for given filters: each filter becomes its clause, values are quoted, nothing else changes.
import { describe, expect, it } from 'vitest';
import { auditKpis, flagCounts, flagList } from '../../src/lib/queries/audit';
import { compareSeries, groupHeat, metricsOf } from '../../src/lib/queries/compare';
import {
	commonIndicators,
	countReasons,
	deductionsByGroup,
	searchReasons
} from '../../src/lib/queries/indicators';
import { formCount, formList } from '../../src/lib/queries/forms';
import { execByUnit, kpis } from '../../src/lib/queries/overview';
import { sqlString } from '../../src/lib/db/sql';
import { containsPattern, yearLit } from '../../src/lib/queries/query';
import { unitYearTrace } from '../../src/lib/queries/trace';
import { metricTotals } from '../../src/lib/queries/trends';
import { projects, unitEvaluations, unitFunding, unitIndicators } from '../../src/lib/queries/unit';

/** The lines of a statement that start with `word` (the builders put each clause on its own line). */
const lines = (sql: string, word: string) =>
	sql
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l.startsWith(word));
const only = (sql: string, word: string) => {
	const found = lines(sql, word);
	expect(found, `one ${word} line in\n${sql}`).toHaveLength(1);
	return found[0];
};

describe('literals', () => {
	it('quotes text as one SQL string, whatever it holds', () => {
		expect(sqlString('纪检监察')).toBe("'纪检监察'");
		expect(sqlString("o'brien")).toBe("'o''brien'");
		expect(sqlString("'; DROP TABLE units; --")).toBe("'''; DROP TABLE units; --'");
		expect(sqlString('a\0b')).toBe("('a' || chr(0) || 'b')");
		expect(sqlString('\ud800')).toBe("'\ufffd'");
		expect(sqlString('')).toBe("''");
	});

	it('matches a search literally: % _ and \\ escaped, with the ESCAPE clause', () => {
		expect(containsPattern('少数')).toBe("'%少数%' ESCAPE '\\'");
		expect(containsPattern('5%_\\x')).toBe("'%5\\%\\_\\\\x%' ESCAPE '\\'");
		expect(containsPattern("it's")).toBe("'%it''s%' ESCAPE '\\'");
	});

	it('lets only a whole number through as a year, in every builder that takes one', () => {
		expect(yearLit(2023)).toBe('2023');
		for (const bad of [2023.5, Number.NaN, Infinity])
			for (const build of [
				() => yearLit(bad),
				() => kpis(bad),
				() => execByUnit(bad),
				() => groupHeat(['u'], bad),
				() => unitYearTrace('u', bad),
				() => unitEvaluations('u', bad),
				() => flagList({ year: bad }),
				() => projects({ year: bad }),
				() => searchReasons('', bad),
				() => commonIndicators(bad, 'rows')
			])
				expect(build, String(bad)).toThrow(/not a year/);
	});
});

describe('the audit’s flag filters', () => {
	it('has no WHERE and no LIMIT without a filter', () => {
		const { sql } = flagList();
		expect(lines(sql, 'WHERE')).toEqual([]);
		expect(sql).not.toContain('LIMIT');
		expect(only(sql, 'ORDER BY')).toBe(
			"ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.year DESC NULLS FIRST, short_name, f.eval_id, f.seq, f.rule"
		);
	});

	it('turns each filter into its condition, in one WHERE, values quoted', () => {
		const { sql } = flagList(
			{ rule: 'full_marks_on_miss', severity: 'warning', unitId: "o'brien", year: 2023 },
			10.9
		);
		expect(only(sql, 'WHERE')).toBe(
			"WHERE f.rule = 'full_marks_on_miss' AND f.severity = 'warning' AND f.unit_id = 'o''brien' AND f.year = 2023"
		);
		expect(only(sql, 'LIMIT')).toBe('LIMIT 10');
	});

	it('leaves out a filter that is null or empty (no year: unit-wide flags show too)', () => {
		expect(
			lines(flagList({ rule: null, severity: null, unitId: '', year: null }).sql, 'WHERE')
		).toEqual([]);
		expect(only(flagList({ unitId: 'u1' }).sql, 'WHERE')).toBe("WHERE f.unit_id = 'u1'");
	});

	it('counts every rule: the rule filter is dropped, the others kept', () => {
		const { sql } = flagCounts({ rule: 'full_marks_on_miss', severity: 'error', year: 2020 });
		expect(sql).toContain("FROM audit_flags f WHERE f.severity = 'error' AND f.year = 2020\n");
		expect(sql).not.toContain('f.rule =');
		expect(flagCounts().sql).toContain('FROM audit_flags f \nGROUP BY');
	});

	it('counts forms by unit and year only, and flags by the whole filter', () => {
		const { sql } = auditKpis({
			severity: 'error',
			rule: 'exec_over_100',
			unitId: 'u1',
			year: 2021
		});
		const forms = [...sql.matchAll(/FROM audit_forms ([^)]*)\)/g)].map((m) => m[1]);
		expect(forms).toEqual([
			"WHERE unit_id = 'u1' AND year = 2021",
			"WHERE unit_id = 'u1' AND year = 2021 AND flags_error + flags_warning + flags_info > 0",
			"WHERE unit_id = 'u1' AND year = 2021 AND gap_pct >= 5",
			"WHERE unit_id = 'u1' AND year = 2021"
		]);
		const flags = [...sql.matchAll(/FROM audit_flags f ([^)]*)\)/g)].map((m) => m[1]);
		const where =
			"WHERE f.rule = 'exec_over_100' AND f.severity = 'error' AND f.unit_id = 'u1' AND f.year = 2021";
		expect(flags).toEqual(
			['error', 'warning', 'info'].map((s) => `${where} AND f.severity = '${s}'`)
		);
	});

	it('starts a WHERE where there was none', () => {
		const { sql } = auditKpis();
		expect(sql).toContain('(SELECT count(*) FROM audit_forms )::INTEGER AS forms');
		expect(sql).toContain(
			'(SELECT count(*) FROM audit_forms  WHERE flags_error + flags_warning + flags_info > 0)'
		);
		expect(sql).toContain("(SELECT count(*) FROM audit_flags f  WHERE f.severity = 'info')");
	});
});

describe('the pages’ filters', () => {
	it('projects: one condition per filter given, non-finite scores ignored', () => {
		expect(only(projects().sql, 'WHERE')).toBe(
			"WHERE e.form = 'project' ORDER BY e.year DESC, short_name, e.project_name"
		);
		expect(
			only(
				projects({ unitId: 'u1', year: 2022, minScore: 80, maxScore: 95.5, search: "办案'经费" })
					.sql,
				'WHERE'
			)
		).toBe(
			"WHERE e.form = 'project' AND e.unit_id = 'u1' AND e.year = 2022 AND e.total_score / nullif(e.total_weight, 0) * 100 >= 80 AND e.total_score / nullif(e.total_weight, 0) * 100 <= 95.5 AND e.project_name ILIKE '%办案''经费%' ESCAPE '\\' ORDER BY e.year DESC, short_name, e.project_name"
		);
		expect(only(projects({ minScore: Number.NaN, maxScore: Infinity }).sql, 'WHERE')).toBe(
			"WHERE e.form = 'project' ORDER BY e.year DESC, short_name, e.project_name"
		);
	});

	it('reasons: every row with a reason, narrowed by the text and the year', () => {
		expect(only(searchReasons('', null).sql, 'FROM s')).toBe(
			'FROM s WHERE deviation_reason IS NOT NULL'
		);
		expect(only(countReasons('', null).sql, 'SELECT count(*)')).toBe(
			'SELECT count(*)::INTEGER AS n FROM s WHERE deviation_reason IS NOT NULL'
		);
		expect(only(countReasons('5%', 2023).sql, 'SELECT count(*)')).toBe(
			"SELECT count(*)::INTEGER AS n FROM s WHERE deviation_reason IS NOT NULL AND deviation_reason ILIKE '%5\\%%' ESCAPE '\\' AND year = 2023"
		);
		expect(only(searchReasons('少数', 2023, 50).sql, 'ORDER BY')).toBe(
			'ORDER BY year DESC, short_name, eval_id, seq LIMIT 50'
		);
		expect(only(searchReasons('少数', 2023).sql, 'ORDER BY')).toBe(
			'ORDER BY year DESC, short_name, eval_id, seq'
		);
	});

	it('indicators: a year narrows, the "missed" order keeps indicators with 5 measurable rows', () => {
		const all = commonIndicators(null, 'rows').sql;
		expect(only(all, 'FROM s')).toBe('FROM s');
		expect(lines(all, 'HAVING')).toEqual([]);
		expect(only(all, 'ORDER BY')).toBe('ORDER BY rows DESC, level3, level1, level2');
		const missed = commonIndicators(2023, 'missed').sql;
		expect(only(missed, 'FROM s')).toBe('FROM s WHERE year = 2023');
		expect(only(missed, 'HAVING')).toBe('HAVING count(missed) >= 5');
		expect(only(missed, 'ORDER BY')).toBe(
			'ORDER BY miss_rate DESC, missed DESC, level3, level1, level2'
		);
		expect(only(deductionsByGroup(2019).sql, 'FROM s')).toBe('FROM s WHERE year = 2019');
	});

	it('compare: the chosen units quoted in one IN list, none chosen matching nothing', () => {
		expect(only(compareSeries(['a', "b'c"], 'cases_filed').sql, 'WHERE')).toBe(
			"WHERE e.form = 'department' AND e.unit_id IN ('a', 'b''c')"
		);
		expect(only(compareSeries([], "x'y").sql, 'LEFT JOIN')).toBe(
			"LEFT JOIN metrics m ON m.unit_id = e.unit_id AND m.year = e.year AND m.metric = 'x''y'"
		);
		expect(only(metricsOf([]).sql, 'WHERE')).toBe("WHERE m.unit_id IN ('') ORDER BY d.key");
		expect(only(groupHeat(['a'], 2023).sql, 'WHERE')).toBe(
			"WHERE e.unit_id IN ('a') AND e.year = 2023"
		);
	});

	it('a unit’s rows: the year only when asked', () => {
		for (const build of [unitEvaluations, unitIndicators, unitFunding]) {
			expect(build('u1').sql).toContain("e.unit_id = 'u1'");
			expect(build('u1').sql).not.toContain('e.year =');
			expect(build('u1', 2020).sql).toContain("e.unit_id = 'u1' AND e.year = 2020");
		}
	});

	it('trends: the sector quoted', () => {
		expect(only(metricTotals("纪检'监察").sql, 'WHERE')).toBe("WHERE d.sector = '纪检''监察'");
	});

	it('forms grid: unit, region and sector quoted as literal text (no LIKE: % and \\ are themselves)', () => {
		const f = { unitId: "u'1%", region: "湖南'省%\\", sector: "教'育\\%_" };
		const where =
			"WHERE e.unit_id = 'u''1%' AND starts_with(u.region, '湖南''省%\\') AND u.sector = '教''育\\%_'";
		expect(only(formList(f).sql, 'WHERE')).toBe(where);
		expect(formCount(f).sql).toContain(where);
		expect(formList(f).sql).not.toMatch(/LIKE|ESCAPE/);
	});

	it('forms grid: a page far past the end still gives whole-number LIMIT and OFFSET', () => {
		for (const page of [1e20, Number.MAX_SAFE_INTEGER, Infinity, NaN]) {
			const line = only(formList({}, { page, pageSize: 200 }).sql, 'LIMIT');
			expect(line, String(page)).toMatch(/^LIMIT 200 OFFSET \d+$/);
		}
		expect(only(formList({}, { page: 3, pageSize: 25 }).sql, 'LIMIT')).toBe('LIMIT 25 OFFSET 50');
	});
});
