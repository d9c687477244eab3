// Uploaded table files to tables: CSV as text, every sheet of an XLSX workbook, and Parquet decoded in JavaScript.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import readXlsxFile from 'read-excel-file/universal';
import { msg } from '../schema/msg';
import { numberText } from './number-text';
import type { CsvRow, CsvTable } from '../schema/validate';
import {
	csvSource,
	importSources,
	type ImportOptions,
	type ImportResult,
	type InputFile,
	type Source
} from './pipeline';

const ext = (name: string) => name.toLowerCase().split('.').pop() ?? '';

/** A spreadsheet or Parquet cell as the text a CSV would hold; dates as YYYY-MM-DD. */
function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	// Infinity and NaN stay visible as text, so validation refuses them instead of an empty cell.
	if (typeof v === 'number') return numberText(v);
	if (typeof v === 'bigint') return v.toString();
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
	return String(v);
}

const buffer = (bytes: Uint8Array): ArrayBuffer =>
	bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Each sheet of a workbook; lines are the sheet's row numbers, so reports point at the cell. */
export async function xlsxSources(f: InputFile): Promise<Source[]> {
	let sheets: { sheet: string; data: unknown[][] }[];
	try {
		sheets = (await readXlsxFile(buffer(f.bytes))) as { sheet: string; data: unknown[][] }[];
	} catch (e) {
		return [
			{
				name: f.name,
				csv: null,
				error: msg(
					`不是可读取的 XLSX 工作簿（${e instanceof Error ? e.message : e}）`,
					`not a readable XLSX workbook (${e instanceof Error ? e.message : e})`
				),
				encoding: null,
				delimiter: null
			}
		];
	}
	return sheets
		.filter((s) => s.data.some((r) => r.some((c) => cellText(c) !== '')))
		.map((s) => {
			const name = `${f.name} › ${s.sheet}`;
			// The sheet's width is its last column holding a value: formatting alone widens the range.
			const width = s.data.reduce((w, r) => {
				for (let j = r.length - 1; j >= w; j--) if (cellText(r[j]) !== '') return j + 1;
				return w;
			}, 0);
			const headerIndex = s.data.findIndex((r) => r.some((c) => cellText(c) !== ''));
			const header = Array.from({ length: width }, (_, i) =>
				cellText(s.data[headerIndex][i]).trim()
			);
			const rows: CsvRow[] = [];
			s.data.forEach((r, i) => {
				if (i <= headerIndex || !r.some((c) => cellText(c) !== '')) return;
				rows.push({
					line: i + 1,
					fields: Array.from({ length: header.length }, (_, j) => cellText(r[j]))
				});
			});
			const csv: CsvTable = {
				file: name,
				header,
				headerLine: headerIndex + 1,
				rows,
				parseErrors: []
			};
			return { name, csv, error: null, encoding: null, delimiter: null };
		});
}

/** A Parquet file (any codec hyparquet-compressors knows, zstd included); row N is reported as line N + 1. */
async function parquetSource(f: InputFile): Promise<Source> {
	try {
		const file = buffer(f.bytes);
		const meta = parquetMetadata(file);
		const header = meta.schema.slice(1).map((s) => s.name);
		const objects = (await parquetReadObjects({ file, compressors })) as Record<string, unknown>[];
		const rows = objects.map((o, i) => ({
			line: i + 2,
			fields: header.map((h) => cellText(o[h]))
		}));
		return {
			name: f.name,
			csv: { file: f.name, header, headerLine: 1, rows, parseErrors: [] },
			error: null,
			encoding: null,
			delimiter: null
		};
	} catch (e) {
		return {
			name: f.name,
			csv: null,
			error: msg(
				`不是可读取的 Parquet 文件（${e instanceof Error ? e.message : e}）`,
				`not a readable Parquet file (${e instanceof Error ? e.message : e})`
			),
			encoding: null,
			delimiter: null
		};
	}
}

export async function sourcesOf(files: readonly InputFile[]): Promise<Source[]> {
	const out: Source[] = [];
	for (const f of files) {
		const e = ext(f.name);
		if (e === 'xlsx') out.push(...(await xlsxSources(f)));
		else if (e === 'parquet') out.push(await parquetSource(f));
		else out.push(csvSource(f));
	}
	return out;
}

/** CSV, XLSX and Parquet files through the one import pipeline. */
export async function importAnyFiles(
	files: readonly InputFile[],
	opts: ImportOptions = {}
): Promise<ImportResult> {
	return importSources(await sourcesOf(files), opts);
}
