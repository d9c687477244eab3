// The import error catalogue: input bytes, the counts the report must give, and the messages it must say (zh and en), run on the CLI and in Chromium.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { toXlsxBook } from '../../src/lib/export/xlsx';
import type { TableName } from '../../src/lib/schema';
import { concat, gbk, utf16le, utf8 } from '../helpers/encode';

/** One expected report line: where, which rule, and words the zh and en messages contain. */
export interface ExpectedMessage {
	file?: string;
	line: number | null;
	column: string | null;
	rule?: string;
	zh: string;
	en: string;
}

export interface CatalogueCase {
	id: string;
	/** The item of issue 9 (or earlier behaviour) this case pins. */
	covers: string;
	files: { name: string; bytes: Uint8Array }[];
	read: number;
	accepted: number;
	rejected: number;
	/** Every error the report must list, and no other. */
	errors: ExpectedMessage[];
	/** Every warning the report must list, and no other. */
	warnings: ExpectedMessage[];
	/** Accepted values that must arrive exactly so (null: empty). */
	values?: { table: TableName; line: number; column: string; value: string | null }[];
	/** The file's encoding as the report names it. */
	encoding?: string;
	/** Defaults the user chose for columns a file lacks: `--provenance` on the CLI, the select on /data/ (which offers published first). */
	defaults?: Record<string, string>;
}

const UNITS = 'unit_id,name,sector,provenance';
const units = (rows: string, nl = '\n') =>
	utf8([UNITS, ...rows.split('\n').filter(Boolean)].join(nl) + nl);
const UNIT_ROWS =
	'u1,甲单位,纪检监察,published\nu2,乙单位,教育,published\nu3,丙单位,水利,published';
const EVAL = 'eval_id,unit_id,year,form,budget_final,executed,exec_rate_reported,provenance';
const evals = (rows: string) => utf8([EVAL, ...rows.split('\n').filter(Boolean)].join('\n') + '\n');
const unitsFile = { name: 'units.csv', bytes: units(UNIT_ROWS) };

export const CATALOGUE: CatalogueCase[] = [
	{
		id: 'clean',
		covers: 'baseline: a clean file is accepted whole, with no warning',
		files: [unitsFile],
		read: 3,
		accepted: 3,
		rejected: 0,
		errors: [],
		warnings: [],
		values: [{ table: 'units', line: 3, column: 'name', value: '乙单位' }]
	},
	{
		id: 'extra-cell',
		covers: '9.1 an extra cell at the end of a row is refused, not dropped',
		files: [
			{
				name: 'units.csv',
				bytes: units('u1,甲单位,纪检监察,published,多出来的值\nu2,乙单位,教育,published')
			}
		],
		read: 2,
		accepted: 1,
		rejected: 1,
		errors: [
			{
				line: 2,
				column: '#5',
				rule: 'field-count',
				zh: '表头之外的值会丢失',
				en: 'the values beyond the header would be lost'
			}
		],
		warnings: []
	},
	{
		id: 'short-row',
		covers: '9.1 a short row is refused, its values never shifted into other columns',
		files: [{ name: 'units.csv', bytes: units('u1,甲单位,published\nu2,乙单位,教育,published') }],
		read: 2,
		accepted: 1,
		rejected: 1,
		errors: [
			{
				line: 2,
				column: null,
				rule: 'field-count',
				zh: '值可能错位到别的列',
				en: 'its values may have shifted into other columns'
			}
		],
		warnings: []
	},
	{
		id: 'trailing-empty-cell',
		covers: '9.1 an empty cell after the last column holds nothing: accepted, and said',
		files: [
			{ name: 'units.csv', bytes: units('u1,甲单位,纪检监察,published,\nu2,乙单位,教育,published') }
		],
		read: 2,
		accepted: 2,
		rejected: 0,
		errors: [],
		warnings: [
			{
				line: 2,
				column: '',
				zh: '行尾多出 1 个空字段',
				en: '1 empty field(s) after the last column'
			}
		]
	},
	{
		id: 'mixed-line-endings',
		covers: '9.2 a CRLF header with LF rows loses no row',
		files: [
			{
				name: 'units.csv',
				bytes: utf8(
					`${UNITS}\r\nu1,甲单位,纪检监察,published\nu2,乙单位,教育,published\nu3,丙单位,水利,published\r\n`
				)
			}
		],
		read: 3,
		accepted: 3,
		rejected: 0,
		errors: [],
		warnings: [],
		values: [
			{ table: 'units', line: 2, column: 'provenance', value: 'published' },
			{ table: 'units', line: 3, column: 'unit_id', value: 'u2' },
			{ table: 'units', line: 4, column: 'sector', value: '水利' }
		]
	},
	{
		id: 'cr-line-endings',
		covers: '9.2 old Mac line ends (CR alone) are rows too',
		files: [{ name: 'units.csv', bytes: units(UNIT_ROWS, '\r') }],
		read: 3,
		accepted: 3,
		rejected: 0,
		errors: [],
		warnings: [],
		values: [{ table: 'units', line: 4, column: 'name', value: '丙单位' }]
	},
	{
		id: 'quoted-crlf-kept',
		covers: '9.2 a line break inside a quoted cell stays in the cell, exactly',
		files: [
			{
				name: 'units.csv',
				bytes: utf8(
					`${UNITS}\r\nu1,"甲单位\r\n（原名）",纪检监察,published\r\nu2,乙单位,教育,published\r\n`
				)
			}
		],
		read: 2,
		accepted: 2,
		rejected: 0,
		errors: [],
		warnings: [],
		values: [
			{ table: 'units', line: 2, column: 'name', value: '甲单位\r\n（原名）' },
			{ table: 'units', line: 4, column: 'unit_id', value: 'u2' }
		]
	},
	{
		id: 'gbk-line-in-utf8',
		covers:
			'9.3 one GBK line in a UTF-8 file: the rest stays UTF-8, the line is read as GBK and reported',
		files: [
			{
				name: 'units.csv',
				bytes: concat(
					utf8(`${UNITS}\nu1,甲单位,纪检监察,published\n`),
					gbk('u2,乙单位,教育,published\n'),
					utf8('u3,丙单位,水利,published\n')
				)
			}
		],
		encoding: 'mixed',
		read: 3,
		accepted: 3,
		rejected: 0,
		errors: [],
		warnings: [{ line: 3, column: '', zh: '已按 GBK 读取', en: 'read as GBK' }],
		values: [
			{ table: 'units', line: 2, column: 'name', value: '甲单位' },
			{ table: 'units', line: 3, column: 'name', value: '乙单位' },
			{ table: 'units', line: 4, column: 'sector', value: '水利' }
		]
	},
	{
		id: 'gbk-file',
		covers: 'a whole GBK file (Chinese Excel) is read as GB18030 without a warning',
		files: [{ name: 'units.csv', bytes: gbk(`${UNITS}\n${UNIT_ROWS}\n`) }],
		encoding: 'gb18030',
		read: 3,
		accepted: 3,
		rejected: 0,
		errors: [],
		warnings: [],
		values: [{ table: 'units', line: 4, column: 'name', value: '丙单位' }]
	},
	{
		id: 'utf16',
		covers: '9.8 a UTF-16 file (Excel "Unicode Text", tab-separated) is read, not called binary',
		files: [
			{
				name: 'units.txt',
				bytes: utf16le(
					`单位编号\t单位名称\t数据来源性质\r\nu1\t甲单位\t公开\r\nu2\t乙单位\t公开\r\n`
				)
			}
		],
		encoding: 'utf-16le',
		read: 2,
		accepted: 2,
		rejected: 0,
		errors: [],
		warnings: [],
		values: [
			{ table: 'units', line: 3, column: 'name', value: '乙单位' },
			{ table: 'units', line: 2, column: 'provenance', value: 'published' }
		]
	},
	{
		id: 'binary',
		covers: 'a binary file is refused as a whole, with a word on workbooks',
		files: [
			{ name: 'units.csv', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 0, 9]) }
		],
		read: 0,
		accepted: 0,
		rejected: 0,
		errors: [{ line: null, column: null, rule: 'file', zh: '二进制', en: 'binary' }],
		warnings: []
	},
	{
		id: 'exponent-overflow',
		covers: '9.4 1e400 is refused (it would be Infinity), in a money column',
		files: [
			unitsFile,
			{ name: 'evaluations.csv', bytes: evals('e1,u1,2023,department,1e400,1,1,published') }
		],
		read: 4,
		accepted: 3,
		rejected: 1,
		errors: [
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'budget_final',
				rule: 'decimal',
				zh: '须为普通数字',
				en: 'must be a plain number'
			}
		],
		warnings: []
	},
	{
		id: 'exponent',
		covers: '9.4 1e5 breaks "digits and one dot" and is refused',
		files: [
			unitsFile,
			{ name: 'evaluations.csv', bytes: evals('e1,u1,2023,department,1e5,1,1,published') }
		],
		read: 4,
		accepted: 3,
		rejected: 1,
		errors: [
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'budget_final',
				rule: 'decimal',
				zh: '须为普通数字',
				en: 'must be a plain number'
			}
		],
		warnings: []
	},
	{
		id: 'too-many-digits',
		covers: '9.4 a figure a DOUBLE cannot hold exactly is refused, not rounded',
		files: [
			{
				name: 'evaluations.csv',
				bytes: evals(
					`e1,u1,2023,department,${'9'.repeat(400)},1,1,published\ne2,u1,2022,department,0.12345678901234,1,1,published`
				)
			},
			unitsFile
		],
		read: 5,
		accepted: 3,
		rejected: 2,
		errors: [
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'budget_final',
				rule: 'decimal',
				zh: '位数过多',
				en: 'more digits than can be stored exactly'
			},
			{
				file: 'evaluations.csv',
				line: 3,
				column: 'budget_final',
				rule: 'decimal',
				zh: '位数过多',
				en: 'more digits than can be stored exactly'
			}
		],
		warnings: []
	},
	{
		id: 'percent-as-money',
		covers: '9.4 50% in a money column is refused (it is no amount in 万元)',
		files: [
			unitsFile,
			{ name: 'evaluations.csv', bytes: evals('e1,u1,2023,department,50%,1,1,published') }
		],
		read: 4,
		accepted: 3,
		rejected: 1,
		errors: [
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'budget_final',
				rule: 'unit',
				zh: '是以万元计的金额',
				en: 'is an amount in 万元'
			}
		],
		warnings: []
	},
	{
		id: 'rate-without-percent',
		covers: '9.4 95 as an execution rate (1 = 100%) is kept, and the 9500% it means is said',
		files: [
			unitsFile,
			{
				name: 'evaluations.csv',
				bytes: evals(
					'e1,u1,2023,department,100,95,95,published\ne2,u1,2022,department,100,95,95%,published'
				)
			}
		],
		read: 5,
		accepted: 5,
		rejected: 0,
		errors: [],
		warnings: [
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'exec_rate_reported',
				zh: '按原值读作 9500%',
				en: 'kept as 9500%'
			}
		],
		values: [
			{ table: 'evaluations', line: 2, column: 'exec_rate_reported', value: '95' },
			{ table: 'evaluations', line: 3, column: 'exec_rate_reported', value: '0.95' },
			{ table: 'evaluations', line: 3, column: 'exec_rate_reported_text', value: '95%' }
		]
	},
	{
		id: 'yuan-scaled',
		covers: 'printed 元 and 万 are read into 万元 with the printed text kept, and the scaling said',
		files: [
			unitsFile,
			{
				name: 'evaluations.csv',
				bytes: evals('e1,u1,2023,department,"1,262,700元",1262.27万,100%,published')
			}
		],
		read: 4,
		accepted: 4,
		rejected: 0,
		errors: [],
		warnings: [
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'budget_final',
				zh: '元 换算为万元',
				en: '元 scaled to 万元'
			}
		],
		values: [
			{ table: 'evaluations', line: 2, column: 'budget_final', value: '126.27' },
			{ table: 'evaluations', line: 2, column: 'budget_final_text', value: '1,262,700元' },
			{ table: 'evaluations', line: 2, column: 'executed', value: '1262.27' },
			{ table: 'evaluations', line: 2, column: 'exec_rate_reported', value: '1' }
		]
	},
	{
		id: 'duplicate-header',
		covers:
			'9.8 two headers for one column are named as duplicates (not "matches no column"); no row is loaded',
		files: [
			{
				name: 'units.csv',
				bytes: utf8(
					'unit_id,name,单位名称,provenance\nu1,甲单位,甲,published\nu2,乙单位,乙,published\n'
				)
			}
		],
		read: 2,
		accepted: 0,
		rejected: 2,
		errors: [
			{
				line: 1,
				column: '单位名称',
				rule: 'duplicate-column',
				zh: '对应同一列 name',
				en: 'fills the same column name'
			},
			{ line: 2, column: null, rule: 'file', zh: '此行未导入', en: 'row not loaded' },
			{ line: 3, column: null, rule: 'file', zh: '此行未导入', en: 'row not loaded' }
		],
		warnings: []
	},
	{
		id: 'header-only',
		covers: '9.8 a header-only file says it had no rows',
		files: [{ name: 'units.csv', bytes: utf8(`${UNITS}\n`) }],
		read: 0,
		accepted: 0,
		rejected: 0,
		errors: [],
		warnings: [{ line: 1, column: '', zh: '没有数据行', en: 'no data rows' }]
	},
	{
		id: 'unnamed-empty-column',
		covers: 'a trailing delimiter on every line (an unnamed, empty column) is ignored, and said',
		files: [{ name: 'units.csv', bytes: utf8(`${UNITS},\nu1,甲单位,纪检监察,published,\n`) }],
		read: 1,
		accepted: 1,
		rejected: 0,
		errors: [],
		warnings: [
			{ line: 1, column: '#5', zh: '没有表头，也没有值', en: 'has no header and no values' }
		]
	},
	{
		id: 'unnamed-column-with-value',
		covers: 'a value under a column without a header is refused, not dropped',
		files: [
			{
				name: 'units.csv',
				bytes: utf8(`${UNITS},\nu1,甲单位,纪检监察,published,备注\nu2,乙单位,教育,published,\n`)
			}
		],
		read: 2,
		accepted: 1,
		rejected: 1,
		errors: [
			{ line: 2, column: '#5', rule: 'unknown-column', zh: '没有表头', en: 'has no header' }
		],
		warnings: []
	},
	{
		id: 'points-in-percent',
		covers: 'a weight printed as 20% is read as 20 points, and said',
		files: [
			unitsFile,
			{ name: 'evaluations.csv', bytes: evals('e1,u1,2023,department,10,10,1,published') },
			{
				name: 'indicators.csv',
				bytes: utf8(
					'eval_id,seq,level1,level3,target_text,actual_text,weight,score\ne1,1,产出指标,线索数,300个,313个,20%,20\n'
				)
			}
		],
		read: 5,
		accepted: 5,
		rejected: 0,
		errors: [],
		warnings: [
			{
				file: 'indicators.csv',
				line: 2,
				column: 'weight',
				zh: '按 20 分读取',
				en: 'read as 20 points'
			}
		],
		values: [
			{ table: 'indicators', line: 2, column: 'weight', value: '20' },
			{ table: 'indicators', line: 2, column: 'target_value', value: '300' },
			{ table: 'indicators', line: 2, column: 'unit', value: '个' }
		]
	},
	{
		id: 'xlsx-cell-beyond-header',
		covers: '9.1 in a workbook, a value right of the last header is refused, not dropped',
		files: [
			{
				name: 'units.xlsx',
				bytes: toXlsxBook([
					{
						name: '单位',
						header: ['单位编号', '单位名称', '数据来源性质'],
						rows: [
							['u1', '甲单位', '公开', '表外备注'],
							['u2', '乙单位', '公开']
						]
					}
				])
			}
		],
		read: 2,
		accepted: 1,
		rejected: 1,
		errors: [
			{
				file: 'units.xlsx › 单位',
				line: 2,
				column: '#4',
				rule: 'unknown-column',
				zh: '没有表头',
				en: 'has no header'
			}
		],
		warnings: [],
		values: [{ table: 'units', line: 3, column: 'name', value: '乙单位' }]
	},
	{
		id: 'parquet-infinity',
		covers: '9.4 Infinity in a Parquet number column is refused, not emptied',
		files: [
			unitsFile,
			{
				name: 'evaluations.parquet',
				bytes: new Uint8Array(
					parquetWriteBuffer({
						columnData: [
							{ name: 'eval_id', data: ['e1', 'e2'], type: 'STRING' },
							{ name: 'unit_id', data: ['u1', 'u1'], type: 'STRING' },
							{ name: 'year', data: [2023, 2022], type: 'INT32' },
							{ name: 'form', data: ['department', 'department'], type: 'STRING' },
							{ name: 'budget_final', data: [Infinity, 12.5], type: 'DOUBLE' },
							{ name: 'provenance', data: ['published', 'published'], type: 'STRING' }
						]
					})
				)
			}
		],
		read: 5,
		accepted: 4,
		rejected: 1,
		errors: [
			{
				file: 'evaluations.parquet',
				line: 2,
				column: 'budget_final',
				rule: 'decimal',
				zh: '须为普通数字',
				en: 'must be a plain number'
			}
		],
		warnings: [],
		values: [{ table: 'evaluations', line: 3, column: 'budget_final', value: '12.5' }]
	},
	{
		id: 'header-unit',
		covers:
			'9.4 a header that prints its unit (元, %) is read in that unit, and said once per column',
		files: [
			unitsFile,
			{
				name: '自评表.csv',
				bytes: utf8(
					'自评表编号,单位编号,预算年度,表类型,全年预算数（元）,全年执行数（元）,执行率(%),数据来源性质\n' +
						'e1,u1,2023,部门整体,17158500,16500000元,95,公开\n' +
						'e2,u1,2022,部门整体,1000000,8万元,80%,公开\n'
				)
			}
		],
		read: 5,
		accepted: 5,
		rejected: 0,
		errors: [],
		warnings: [
			{
				file: '自评表.csv',
				line: 1,
				column: 'budget_final',
				zh: '按 元 读取并换算为万元',
				en: 'read in 元 and converted to 万元'
			},
			{
				file: '自评表.csv',
				line: 1,
				column: 'executed',
				zh: '按 元 读取并换算为万元',
				en: 'read in 元 and converted to 万元'
			},
			{
				file: '自评表.csv',
				line: 1,
				column: 'exec_rate_reported',
				zh: '95 即 95%',
				en: '95 is 95%'
			},
			{
				file: '自评表.csv',
				line: 2,
				column: 'executed',
				zh: '元 换算为万元',
				en: '元 scaled to 万元'
			}
		],
		values: [
			{ table: 'evaluations', line: 2, column: 'budget_final', value: '1715.85' },
			{ table: 'evaluations', line: 2, column: 'budget_final_text', value: '17158500' },
			{ table: 'evaluations', line: 2, column: 'executed', value: '1650' },
			{ table: 'evaluations', line: 2, column: 'exec_rate_reported', value: '0.95' },
			{ table: 'evaluations', line: 3, column: 'executed', value: '8' },
			{ table: 'evaluations', line: 3, column: 'exec_rate_reported', value: '0.8' }
		]
	},
	{
		id: 'huge-plain-number',
		covers: '9.4 "1" and 400 zeros (Infinity as a DOUBLE) and 1e21 written out are refused',
		files: [
			unitsFile,
			{
				name: 'evaluations.csv',
				bytes: evals(
					`e1,u1,2023,department,1${'0'.repeat(400)},1,1,published\ne2,u1,2022,department,1000000000000000000000,1,1,published\ne3,u1,2021,department,100000000000000,1,1,published`
				)
			}
		],
		read: 6,
		accepted: 4,
		rejected: 2,
		errors: [
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'budget_final',
				rule: 'decimal',
				zh: '位数过多',
				en: 'more digits than can be stored exactly'
			},
			{
				file: 'evaluations.csv',
				line: 3,
				column: 'budget_final',
				rule: 'decimal',
				zh: '位数过多',
				en: 'more digits than can be stored exactly'
			}
		],
		warnings: [],
		values: [{ table: 'evaluations', line: 4, column: 'budget_final', value: '100000000000000' }]
	},
	{
		id: 'integer-out-of-range',
		covers: '9.4 a whole number beyond 32 bits is refused, not wrapped to another number',
		files: [
			unitsFile,
			{ name: 'evaluations.csv', bytes: evals('e1,u1,2023,department,10,10,1,published') },
			{
				name: 'indicators.csv',
				bytes: utf8(
					'eval_id,seq,level1,level3,target_text,actual_text,weight,score' +
						'\ne1,3000000000,产出指标,线索数,300个,313个,20,20\ne1,2,产出指标,案件数,80件,130件,20,20\n'
				)
			}
		],
		read: 6,
		accepted: 5,
		rejected: 1,
		errors: [
			{
				file: 'indicators.csv',
				line: 2,
				column: 'seq',
				rule: 'integer',
				zh: '超出整数范围',
				en: 'beyond the range of a whole number'
			}
		],
		warnings: [],
		values: [{ table: 'indicators', line: 3, column: 'seq', value: '2' }]
	},
	{
		id: 'numeric-key-spellings',
		covers:
			'9.4 seq 01 and 1 are one key, as DuckDB sees them: the second is refused, the load cannot fail',
		files: [
			unitsFile,
			{ name: 'evaluations.csv', bytes: evals('e1,u1,2023,department,10,10,1,published') },
			{
				name: 'indicators.csv',
				bytes: utf8(
					'eval_id,seq,level1,level3,target_text,actual_text,weight,score' +
						'\ne1,01,产出指标,线索数,300个,313个,20,20\ne1,1,产出指标,案件数,80件,130件,20,20\n'
				)
			}
		],
		read: 6,
		accepted: 5,
		rejected: 1,
		errors: [
			{
				file: 'indicators.csv',
				line: 3,
				column: 'eval_id+seq',
				rule: 'duplicate-key',
				zh: '主键 eval_id+seq 重复',
				en: 'duplicate key eval_id+seq'
			}
		],
		warnings: [],
		values: [{ table: 'indicators', line: 2, column: 'level3', value: '线索数' }]
	},
	{
		id: 'comparator-in-money',
		covers: '9.4 a comparator in an amount (≥100 as a budget) is refused, not dropped',
		files: [
			unitsFile,
			{ name: 'evaluations.csv', bytes: evals('e1,u1,2023,department,≥100,100以上,1,published') }
		],
		read: 4,
		accepted: 3,
		rejected: 1,
		errors: [
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'budget_final',
				rule: 'unit',
				zh: '带有比较符 ≥',
				en: 'carries the comparator ≥'
			},
			{
				file: 'evaluations.csv',
				line: 2,
				column: 'executed',
				rule: 'unit',
				zh: '带有比较符 ≥',
				en: 'carries the comparator ≥'
			}
		],
		warnings: []
	},
	{
		id: 'percent-header-small-value',
		covers: '9.4 0.98 under 执行率(%) is 0.98%, and the cell says it may be a ratio',
		files: [
			unitsFile,
			{
				name: '自评表.csv',
				bytes: utf8(
					'自评表编号,单位编号,预算年度,表类型,执行率(%),数据来源性质\ne1,u1,2023,部门整体,0.98,公开\ne2,u1,2022,部门整体,98,公开\n'
				)
			}
		],
		read: 5,
		accepted: 5,
		rejected: 0,
		errors: [],
		warnings: [
			{
				file: '自评表.csv',
				line: 1,
				column: 'exec_rate_reported',
				zh: '95 即 95%',
				en: '95 is 95%'
			},
			{
				file: '自评表.csv',
				line: 2,
				column: 'exec_rate_reported',
				zh: '如果这是比率',
				en: 'if it is a ratio'
			}
		],
		values: [
			{ table: 'evaluations', line: 2, column: 'exec_rate_reported', value: '0.0098' },
			{ table: 'evaluations', line: 3, column: 'exec_rate_reported', value: '0.98' }
		]
	},
	{
		id: 'merged-levels',
		covers:
			'issue 10.6: 一级/二级 printed once over their rows fill down within a form, each said; a new form does not inherit; a form with no levels at all (a flat list) is valid; a form that prints 一级 on some rows only is refused where it is blank',
		files: [
			unitsFile,
			{
				name: 'evaluations.csv',
				bytes: evals(
					'e1,u1,2023,department,10,10,1,published\ne2,u1,2022,department,10,10,1,published\ne3,u1,2021,department,10,10,1,published'
				)
			},
			{
				name: 'indicators.csv',
				bytes: utf8(
					'eval_id,seq,level1,level2,level3,target_text,actual_text,weight,score\n' +
						'e1,1,产出指标,数量指标,查处问题线索数,300个,313个,15,15\n' +
						'e1,2,,,办理案件数,80件,130件,15,15\n' +
						'e1,3,,质量指标,案件质量,无不合格案件,无不合格案件,10,10\n' +
						'e1,4,效益指标,,挽回经济损失,2000万元,8000万元,10,10\n' +
						'e2,1,,,线索数,300个,313个,15,15\n' +
						'e2,2,,,结案率,95%,97%,15,15\n' +
						'e3,1,,,线索数,300个,313个,15,15\n' +
						'e3,2,产出指标,,结案率,95%,97%,15,15\n'
				)
			}
		],
		read: 14,
		accepted: 13,
		rejected: 1,
		errors: [
			{
				file: 'indicators.csv',
				line: 8,
				column: 'level1',
				rule: 'required',
				zh: 'e3 的其他行都有：一张表要么每行都印',
				en: 'while other rows of e3 have it: a form prints it on every row or on none'
			}
		],
		warnings: [
			{
				file: 'indicators.csv',
				line: 3,
				column: 'level1+level2',
				zh: '沿用上一行：产出指标 / 数量指标',
				en: 'continued from the row above as a merged cell: 产出指标 / 数量指标'
			},
			{
				file: 'indicators.csv',
				line: 4,
				column: 'level1',
				zh: '沿用上一行：产出指标',
				en: 'continued from the row above as a merged cell: 产出指标'
			}
		],
		values: [
			{ table: 'indicators', line: 3, column: 'level2', value: '数量指标' },
			{ table: 'indicators', line: 4, column: 'level1', value: '产出指标' },
			{ table: 'indicators', line: 4, column: 'level2', value: '质量指标' },
			{ table: 'indicators', line: 5, column: 'level2', value: null },
			{ table: 'indicators', line: 6, column: 'level1', value: null },
			{ table: 'indicators', line: 7, column: 'level3', value: '结案率' }
		]
	},
	{
		id: 'provenance-default',
		covers:
			'issue 10 item 6: a units or evaluations file without a provenance column takes the default the user chose (shown on /data/, --provenance on the CLI), warned once per file',
		defaults: { provenance: 'published' },
		files: [
			{
				name: 'units.csv',
				bytes: utf8('unit_id,name,sector\nu1,甲单位,纪检监察\nu2,乙单位,教育\n')
			},
			{
				name: 'evaluations.csv',
				bytes: utf8(
					'eval_id,unit_id,year,form,budget_final,executed\ne1,u1,2023,department,100,96\n'
				)
			}
		],
		read: 3,
		accepted: 3,
		rejected: 0,
		errors: [],
		warnings: [
			{
				file: 'units.csv',
				line: 1,
				column: 'provenance',
				zh: '文件没有 provenance（数据来源性质）列：每一行都取所选的默认值 published',
				en: 'the file has no provenance (数据来源性质) column: every row takes the chosen default published'
			},
			{
				file: 'evaluations.csv',
				line: 1,
				column: 'provenance',
				zh: '每一行都取所选的默认值 published',
				en: 'every row takes the chosen default published'
			}
		],
		values: [
			{ table: 'units', line: 3, column: 'provenance', value: 'published' },
			{ table: 'evaluations', line: 2, column: 'provenance', value: 'published' }
		]
	}
];
