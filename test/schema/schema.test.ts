import { describe, expect, it } from 'vitest';
import { NodeConnector } from '../../src/lib/db/node';
import { createAllSql } from '../../src/lib/db/load';
import { parseCsv } from '../../src/lib/ingest/csv';
import {
	CASE_METRICS,
	CASE_UNITS,
	DATA_TABLES,
	GRADE_BANDS,
	GRADE_LABEL,
	GRADES,
	METRICS,
	columnLabel,
	directions,
	gradeBandsText,
	gradeOf,
	metricDef,
	TABLES,
	evaluations,
	formatIssue,
	indicators,
	units,
	validateDataset,
	validateTable,
	type TableDef
} from '../../src/lib/schema';

const UNITS = 'unit_id,name,provenance\nu1,甲单位,published\nu2,乙单位,synthetic\n';
const EVAL_HEADER = 'eval_id,unit_id,year,form,project_name,budget_final,executed,provenance';
const dict = { metric_dictionary: { key: new Set(METRICS.map((m) => m.key)) } };

function check(table: TableDef, text: string) {
	return validateTable(table, parseCsv(text, `${table.name}.csv`));
}

describe('schema definition', () => {
	it('names every column once per table, with zh and en labels', () => {
		for (const t of TABLES) {
			const names = t.columns.map((c) => c.name);
			expect(new Set(names).size, t.name).toBe(names.length);
			for (const c of t.columns) expect(c.zh && c.en, `${t.name}.${c.name}`).toBeTruthy();
			for (const k of t.key) expect(names).toContain(k);
		}
	});

	it('keeps a printed-text column beside every parsed budget figure', () => {
		for (const t of DATA_TABLES)
			for (const c of t.columns.filter((c) => c.printedIn))
				expect(
					t.columns.map((x) => x.name),
					`${t.name}.${c.name}`
				).toContain(c.printedIn);
	});

	it('generates DDL that DuckDB accepts, with the declared types', async () => {
		const db = await NodeConnector.open();
		try {
			await db.exec(createAllSql());
			const cols = await db.query<{ column_name: string; data_type: string }>(
				"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'indicators' ORDER BY ordinal_position"
			);
			expect(cols.map((c) => c.column_name)).toEqual(indicators.columns.map((c) => c.name));
			expect(cols.find((c) => c.column_name === 'seq')?.data_type).toBe('INTEGER');
			expect(cols.find((c) => c.column_name === 'weight')?.data_type).toBe('DOUBLE');
			expect(cols.find((c) => c.column_name === 'target_text')?.data_type).toBe('VARCHAR');
			// A key with optional columns is UNIQUE, not a PRIMARY KEY: a direction for every unit (empty
			// unit_id) loads; empty values are distinct to SQL, so validation finds those duplicates.
			await db.exec(
				"INSERT INTO directions VALUES ('办理案件数', NULL, NULL, NULL, '≥', NULL, 'published'), ('办理案件数', '数量指标', 'u1', 2023, '≤', NULL, 'published')"
			);
			await expect(
				db.exec(
					"INSERT INTO directions VALUES ('办理案件数', '数量指标', 'u1', 2023, '=', NULL, 'published')"
				)
			).rejects.toThrow(/[Dd]uplicate key|constraint/);
		} finally {
			await db.close();
		}
	});
});

describe('validateTable', () => {
	it('accepts good rows and keeps their text as is', () => {
		const r = check(
			evaluations,
			`${EVAL_HEADER}\ne1,u1,2023,department,,1715.85,1715.85,published\n`
		);
		expect(r.issues).toEqual([]);
		expect(r.rows[0].values).toMatchObject({
			eval_id: 'e1',
			budget_final: '1715.85',
			project_name: null
		});
	});

	it('rejects a file missing a required column, naming the column and the header line', () => {
		const r = check(units, 'unit_id,provenance\nu1,published\n');
		expect(r.issues[0]).toMatchObject({
			file: 'units.csv',
			line: 1,
			column: 'name',
			rule: 'missing-column'
		});
		expect(r.rows).toEqual([]);
	});

	it('rejects text in a number column with file, line, column and value', () => {
		const r = check(
			evaluations,
			`${EVAL_HEADER}\ne1,u1,2023,department,,1715.85,1262.27万,published\n`
		);
		expect(r.issues).toEqual([
			expect.objectContaining({
				file: 'evaluations.csv',
				line: 2,
				column: 'executed',
				rule: 'decimal',
				value: '1262.27万'
			})
		]);
		expect(formatIssue(r.issues[0])).toBe(
			'evaluations.csv:2 column executed [decimal] executed must be a plain number (digits and one dot) (value: "1262.27万")'
		);
	});

	it('rejects a year that is not a whole number, and one out of range', () => {
		const r = check(
			evaluations,
			`${EVAL_HEADER}\ne1,u1,2023.5,department,,1,1,published\ne2,u1,1900,department,,1,1,published\n`
		);
		expect(r.issues.map((i) => [i.line, i.rule])).toEqual([
			[2, 'integer'],
			[3, 'range']
		]);
	});

	it('requires project_name only on project forms', () => {
		const r = check(
			evaluations,
			`${EVAL_HEADER}\ne1,u1,2023,project,,1,1,published\ne2,u1,2023,department,,1,1,published\n`
		);
		expect(r.issues).toEqual([
			expect.objectContaining({ line: 2, column: 'project_name', rule: 'required' })
		]);
	});

	it('rejects values outside an enumeration', () => {
		const r = check(evaluations, `${EVAL_HEADER}\ne1,u1,2023,部门,,1,1,real\n`);
		expect(r.issues.map((i) => [i.column, i.rule])).toEqual([
			['form', 'allowed-values'],
			['provenance', 'allowed-values']
		]);
	});

	it('rejects an unknown column instead of dropping its values', () => {
		const r = check(units, 'unit_id,name,provenance,备注\nu1,甲,published,x\n');
		expect(r.issues).toEqual([
			expect.objectContaining({ line: 1, column: '备注', rule: 'unknown-column' }),
			expect.objectContaining({
				line: 2,
				rule: 'file',
				message: {
					zh: '此行未校验：表头有误',
					en: 'row not checked: the header is invalid'
				}
			})
		]);
		expect(r.rows).toEqual([]);
	});

	it('rejects a row with the wrong number of fields', () => {
		const r = check(units, 'unit_id,name,provenance\nu1,甲\n');
		expect(r.issues).toEqual([expect.objectContaining({ line: 2, rule: 'field-count' })]);
	});

	it('says an empty file is empty', () => {
		expect(check(units, '').issues).toEqual([
			expect.objectContaining({ rule: 'file', line: null })
		]);
	});
});

describe('validateDataset', () => {
	const input = (t: TableDef, text: string, file = `${t.name}.csv`) => ({
		table: t,
		csv: parseCsv(text, file)
	});

	it('rejects a duplicate key and points at the first row that has it', () => {
		const r = validateDataset(
			[
				input(units, UNITS),
				input(
					evaluations,
					`${EVAL_HEADER}\ne1,u1,2023,department,,1,1,published\ne1,u2,2024,department,,2,2,synthetic\n`
				)
			],
			dict
		);
		expect(r.ok).toBe(false);
		expect(r.issues).toEqual([
			expect.objectContaining({
				file: 'evaluations.csv',
				line: 3,
				column: 'eval_id',
				rule: 'duplicate-key',
				value: 'e1'
			})
		]);
		expect(r.issues[0].message.en).toContain('evaluations.csv:2');
		expect(r.tables.find((t) => t.table === 'evaluations')).toMatchObject({
			read: 2,
			accepted: 1,
			rejected: 1
		});
	});

	it('finds duplicate keys across two files of the same table', () => {
		const r = validateDataset(
			[input(units, UNITS, 'a/units.csv'), input(units, UNITS, 'b/units.csv')],
			dict
		);
		expect(r.issues.map((i) => [i.file, i.line, i.rule])).toEqual([
			['b/units.csv', 2, 'duplicate-key'],
			['b/units.csv', 3, 'duplicate-key']
		]);
	});

	it('rejects an unknown unit_id', () => {
		const r = validateDataset(
			[
				input(units, UNITS),
				input(evaluations, `${EVAL_HEADER}\ne1,u9,2023,department,,1,1,published\n`)
			],
			dict
		);
		expect(r.issues).toEqual([
			expect.objectContaining({
				file: 'evaluations.csv',
				line: 2,
				column: 'unit_id',
				rule: 'reference',
				value: 'u9'
			})
		]);
	});

	it('rejects an indicator whose form was itself rejected', () => {
		const r = validateDataset(
			[
				input(units, UNITS),
				input(evaluations, `${EVAL_HEADER}\ne1,u1,2023,department,,x,1,published\n`),
				input(indicators, 'eval_id,seq,level1,level3\ne1,1,产出指标,查处问题线索数\n')
			],
			dict
		);
		expect(r.issues.map((i) => [i.file, i.rule])).toEqual([
			['evaluations.csv', 'decimal'],
			['indicators.csv', 'reference']
		]);
	});

	it('checks metric keys against the metric dictionary', () => {
		const r = validateDataset(
			[
				input(units, UNITS),
				input(
					DATA_TABLES.find((t) => t.name === 'metrics')!,
					'unit_id,year,metric,value\nu1,2023,cases_filed,130\nu1,2023,立案,130\n'
				)
			],
			dict
		);
		expect(r.issues).toEqual([
			expect.objectContaining({ line: 3, column: 'metric', rule: 'reference' })
		]);
	});

	const DIR_HEADER = 'level3,level2,unit_id,year,comparator,note,provenance';

	it('refuses a direction that is not ≥, ≤ or = with line, column and reason', () => {
		const r = validateDataset(
			[
				input(units, UNITS),
				input(
					directions,
					`${DIR_HEADER}\n工作投入成本,成本指标,,,≤,成本越低越好,published\n群众满意度,,,,qualitative,,published\n办理案件数,,,,>,,published\n`
				)
			],
			dict
		);
		expect(r.issues.map((i) => [i.file, i.line, i.column, i.rule, i.value])).toEqual([
			['directions.csv', 3, 'comparator', 'allowed-values', 'qualitative'],
			['directions.csv', 4, 'comparator', 'allowed-values', '>']
		]);
		expect(r.issues[0].message.en).toBe('comparator must be one of ≥, ≤, =');
		expect(r.tables[1]).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
	});

	it('refuses every row of two directions that could give one indicator two comparators', () => {
		const r = validateDataset(
			[
				input(units, UNITS),
				input(
					directions,
					[
						DIR_HEADER,
						// 2 and 3 overlap (any year ⊃ 2023) and disagree: both refused
						'办理案件数,,,,≥,,published',
						'办理案件数,数量指标,,2023,≤,,published',
						// 4 and 5 do not overlap (u1 and u2): both kept
						'工作投入成本,,u1,,≤,,published',
						'工作投入成本,,u2,,≥,,published',
						// 6 agrees with 2 where they overlap: kept (2 is refused for its clash with 3)
						'群众满意度,,u1,2023,≥,,published',
						'群众满意度,,,2023,≥,,published',
						// 8 is synthetic: it applies to other forms than 2's, so it is no clash
						'办理案件数,,,,≤,,synthetic'
					].join('\n') + '\n'
				)
			],
			dict
		);
		expect(r.issues.map((i) => [i.line, i.column, i.rule, i.value])).toEqual([
			[2, 'comparator', 'conflict', '≥'],
			[3, 'comparator', 'conflict', '≤']
		]);
		expect(r.issues[0].message.zh).toContain('directions.csv:3 (≤)');
		expect(r.issues[1].message.en).toContain('directions.csv:2 (≥)');
		expect(r.issues[1].message.en).toContain('neither is used');
		expect(r.tables[1]).toMatchObject({ read: 7, accepted: 5, rejected: 2 });
	});

	it('refuses the same direction scope twice (an empty scope is one key), and an unknown unit', () => {
		const r = validateDataset(
			[
				input(units, UNITS),
				input(
					directions,
					`${DIR_HEADER}\n办理案件数,,,,≥,,published\n办理案件数,,,,≥,again,published\n办理案件数,,u9,,≥,,published\n`
				)
			],
			dict
		);
		expect(r.issues.map((i) => [i.line, i.column, i.rule])).toEqual([
			[3, 'level3+level2+unit_id+year+provenance', 'duplicate-key'],
			[4, 'unit_id', 'reference']
		]);
	});

	it('counts read = accepted + rejected for every file', () => {
		const r = validateDataset(
			[
				input(units, `${UNITS}u3,,published\n`),
				input(evaluations, `${EVAL_HEADER}\ne1,u1,2023,department,,1,1,published\n`)
			],
			dict
		);
		for (const t of r.tables) expect(t.read).toBe(t.accepted + t.rejected);
		expect(r.tables[0]).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
	});
});

describe('exactDecimal', () => {
	it('accepts what a DOUBLE and the CSV writer keep exactly, and nothing more', async () => {
		const { exactDecimal } = await import('../../src/lib/schema/validate');
		for (const ok of [
			'0',
			'-0',
			'1715.85',
			'123456789012345',
			'0.0000000001',
			'100.5000000000000',
			'-12.5',
			'.5',
			'1.',
			'100000000000000',
			'001.5'
		])
			expect(exactDecimal(ok), ok).toBe(true);
		for (const bad of [
			'1234567890123456',
			'1000000000000000000',
			'1' + '0'.repeat(400),
			'0.12345678901',
			'9'.repeat(400),
			'1e5',
			'12a',
			'1.2.3'
		])
			expect(exactDecimal(bad), bad).toBe(false);
	});
});

describe('lists and labels derived from the schema', () => {
	it('grades a score on the bands, below zero and NaN included, and writes the bands as the rules say them', () => {
		expect([100, 90, 89.99, 80, 79.9, 60, 59.9, 0, -3, NaN].map(gradeOf)).toEqual([
			'优',
			'优',
			'良',
			'良',
			'中',
			'中',
			'差',
			'差',
			'差',
			'差'
		]);
		expect(GRADE_BANDS.map((b) => b.grade)).toEqual([...GRADES]);
		expect(gradeBandsText((b) => b.grade, '，')).toBe('优 ≥ 90，良 80–89，中 60–79，差 < 60');
		expect(gradeBandsText((b) => GRADE_LABEL[b.grade].en, ', ')).toBe(
			'Excellent ≥ 90, Good 80–89, Fair 60–79, Poor < 60'
		);
	});

	it('labels a column as its definition does', () => {
		expect(columnLabel('evaluations', 'budget_initial')).toEqual({
			zh: '年初预算数',
			en: 'Initial budget'
		});
		expect(columnLabel('funding', 'executed_text').zh).toBe('全年执行数（原文）');
		// A wrong column does not compile; at run time it throws instead of printing nothing.
		// @ts-expect-error project_name is not a column of funding
		expect(() => columnLabel('funding', 'project_name')).toThrow(/funding\.project_name/);
	});

	it('takes the case figures and their units from the metric dictionary', () => {
		expect(CASE_METRICS).toEqual([
			'clues_handled',
			'cases_filed',
			'persons_disciplined',
			'org_handling',
			'detentions'
		]);
		expect(CASE_UNITS).toBe('件 / 人');
		expect(metricDef('losses_recovered')?.unit).toBe('万元');
		expect(metricDef('no_such_metric')).toBeUndefined();
	});
});
