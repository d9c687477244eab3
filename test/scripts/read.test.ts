// `npm run read`: exit codes and messages for documents that cannot be read, and the CSVs it writes for build-data.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/data';

const sh = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(...args: string[]) {
	return sh('node', ['--import', 'tsx', 'scripts/read.ts', ...args], {
		cwd: ROOT,
		maxBuffer: 1 << 24
	}).then(
		(r) => ({ code: 0, out: r.stdout + r.stderr }),
		(e: { code: number; stdout: string; stderr: string }) => ({
			code: e.code,
			out: e.stdout + e.stderr
		})
	);
}

const DOCS = 'test/fixtures/documents';
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
	])(
		'exits 1 with a clear message on %s',
		async (_, file, words) => {
			const r = await read(file, ...UNIT, '--out', join(dir, 'bad'));
			expect(r.code).toBe(1);
			expect(r.out.toLowerCase()).toContain(words.toLowerCase());
		},
		60_000
	);

	it('exits 0 with a warning on a cut-off form, and writes what was read', async () => {
		const out = join(dir, 'cut');
		const r = await read(
			'test/fixtures/samples/14_anhui_jinzhai_chagu_dept.txt',
			...UNIT,
			'--out',
			out
		);
		expect(r.code).toBe(0);
		expect(r.out).toContain('cut off where the document ends');
		expect(readFileSync(join(out, 'indicators.csv'), 'utf8').trim().split('\n')).toHaveLength(9);
	}, 60_000);

	it('asks for what the document does not say', async () => {
		const r = await read('test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt', '--lang', 'zh');
		expect(r.code).toBe(1);
		expect(r.out).toContain('文档没有写明、需要提供：--unit-id');
	}, 60_000);

	it('takes the unit fields from a sidecar table and writes the canonical CSVs with the trace', async () => {
		const out = join(dir, 'ok');
		const units = join(dir, 'units.csv');
		await sh('bash', [
			'-c',
			`printf 'file,unit_id,region_code,sector\\nhunan-zhuzhou-lukou-jiwei-2023.txt,430212-jiwei,430212,纪检监察\\n' > ${units}`
		]);
		const r = await read(
			'test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt',
			'--units',
			units,
			'--out',
			out
		);
		expect(r.code).toBe(0);
		expect(readFileSync(join(out, 'units.csv'), 'utf8')).toContain(
			'430212-jiwei,中共株洲市渌口区纪律检查委员会,渌口区纪委监委,,430212,纪检监察,,published'
		);
		expect(readFileSync(join(out, 'trace.csv'), 'utf8')).toContain(
			'indicators,430212-jiwei-2023-dept|1,target_text,300个,hunan-zhuzhou-lukou-jiwei-2023.txt,1,,12,5,,77,77,'
		);
	}, 60_000);
});
