// A form that prints its indicators as a flat list (no 一级/二级) loads, is audited and shows in the views' queries, through real DuckDB.
import { describe, expect, it } from 'vitest';
import { createAllSql } from '../../src/lib/db/load';
import { NodeConnector } from '../../src/lib/db/node';
import { loadDataset } from '../../src/lib/dataset/load';
import { toBatches } from '../../src/lib/ingest/batches';
import { importFiles } from '../../src/lib/ingest/pipeline';
import { indicatorsData } from '../../src/lib/queries/indicators';
import { unitYearData } from '../../src/lib/queries/unit';
import { utf8 } from '../helpers/encode';

const files = [
	{
		name: 'units.csv',
		bytes: utf8('unit_id,name,provenance\nflat-1,某县财政局,published\n')
	},
	{
		name: 'evaluations.csv',
		bytes: utf8(
			'eval_id,unit_id,year,form,budget_final,executed,exec_weight,exec_score,total_weight,total_score,provenance\n' +
				'flat-1-2023-dept,flat-1,2023,department,100,80,10,8,100,98,published\n'
		)
	},
	{
		name: 'indicators.csv',
		bytes: utf8(
			'eval_id,seq,level3,target_text,actual_text,weight,score\n' +
				'flat-1-2023-dept,1,预算执行率,≥95%,80%,30,30\n' +
				'flat-1-2023-dept,2,资金使用合规性,合规,合规,30,30\n' +
				'flat-1-2023-dept,3,服务对象满意度,≥90%,95%,30,30\n'
		)
	}
];

describe('a flat list of indicators (a form that prints no levels)', () => {
	it('is accepted without levels, audited, and shown by the unit and indicator queries', async () => {
		const r = importFiles(files);
		expect(r.report.issues).toEqual([]);
		expect(r.rows.get('indicators')!.map((x) => x.values.level1 ?? null)).toEqual([
			null,
			null,
			null
		]);
		const db = await NodeConnector.open();
		try {
			await db.exec(createAllSql());
			const s = await loadDataset(db, toBatches(r.rows), 'replace');
			expect(s.loaded.indicators).toBe(3);
			const unit = await unitYearData(db, 'flat-1', 2023);
			expect(unit.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
				[null, null, '预算执行率'],
				[null, null, '资金使用合规性'],
				[null, null, '服务对象满意度']
			]);
			// The audit scores each indicator by its comparator: 80% against ≥95% with full marks is flagged.
			const flags = unit.audit.flags.map((f) => f.rule);
			expect(flags).toContain('full_marks_on_miss');
			const ind = await indicatorsData(db, 2023);
			expect(ind.common.map((c) => c.level3)).toContain('预算执行率');
			expect(ind.common.find((c) => c.level3 === '预算执行率')!.level1).toBeNull();
		} finally {
			await db.close();
		}
	});
});
