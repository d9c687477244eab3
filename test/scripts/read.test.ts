// `npm run read`: exit codes and messages for documents that cannot be read, and the CSVs it writes for build-data (its main in this process; once as a subprocess).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/read';
import { runMain, runScript } from '../helpers/cli';
import { ROOT } from '../helpers/data';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(...args: string[]) {
	const r = await runMain(main, args);
	return { code: r.code, out: r.stdout + r.stderr };
}

const DOCS = join(ROOT, 'test/fixtures/documents');
const REFERENCE = join(ROOT, 'test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt');
const UNIT = ['--unit-id', 'u1'];

describe('npm run read', () => {
	it.each([
		['a document with no form', `${DOCS}/report-only.txt`, 'no self-evaluation form found'],
		['a scanned PDF', `${DOCS}/lukou-2023-scanned.pdf`, 'has no text layer'],
		['a corrupt DOCX', `${DOCS}/lukou-2023-truncated.docx`, 'docx'],
		['a password-protected DOCX', `${DOCS}/encrypted.docx`, 'password'],
		[
			'an HTML page without tables',
			`${DOCS}/lukou-2023-no-table.html`,
			'no self-evaluation form found'
		],
		['an old Excel file', `${DOCS}/lukou-2023.xls`, '.xlsx'],
		['a document that prints no unit name', `${DOCS}/variants/noname.txt`, 'please give: --name']
	])('exits 1 with a clear message on %s', async (_, file, words) => {
		const r = await read(file, ...UNIT, '--out', join(dir, 'bad'));
		expect(r.code).toBe(1);
		expect(r.out.toLowerCase()).toContain(words.toLowerCase());
	});

	it('exits 0 with a warning on a cut-off form, and writes what was read', async () => {
		const out = join(dir, 'cut');
		const r = await read(
			join(ROOT, 'test/fixtures/samples/14_anhui_jinzhai_chagu_dept.txt'),
			...UNIT,
			'--out',
			out
		);
		expect(r.code).toBe(0);
		expect(r.out).toContain('cut off where the document ends');
		expect(readFileSync(join(out, 'indicators.csv'), 'utf8').trim().split('\n')).toHaveLength(9);
	});

	it('asks for what the document does not say', async () => {
		const r = await read(REFERENCE, '--lang', 'zh');
		expect(r.code).toBe(1);
		expect(r.out).toContain('文档没有写明、需要提供：--unit-id');
	});

	it('exits 2 with the usage on an unknown option or no document', async () => {
		for (const args of [['--colour', REFERENCE], []]) {
			const r = await runMain(main, args);
			expect(r).toMatchObject({ code: 2, stdout: '' });
			expect(r.stderr).toMatch(/^usage: npm run read -- /);
		}
	});

	it('takes the unit fields from a sidecar table and writes the canonical CSVs with the trace (as a subprocess)', async () => {
		const out = join(dir, 'ok');
		const units = join(dir, 'units.csv');
		writeFileSync(
			units,
			'file,unit_id,region_code,sector\nhunan-zhuzhou-lukou-jiwei-2023.txt,430212-jiwei,430212,纪检监察\n'
		);
		const r = await runScript('read', [REFERENCE, '--units', units, '--out', out]);
		expect(r.code).toBe(0);
		expect(readFileSync(join(out, 'units.csv'), 'utf8')).toContain(
			'430212-jiwei,中共株洲市渌口区纪律检查委员会,渌口区纪委监委,,430212,纪检监察,,published'
		);
		expect(readFileSync(join(out, 'trace.csv'), 'utf8')).toContain(
			'indicators,430212-jiwei-2023-dept|1,target_text,300个,hunan-zhuzhou-lukou-jiwei-2023.txt,1,,12,5,,77,77,'
		);
	}, 60_000);
});
