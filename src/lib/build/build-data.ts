// The data build: validate a data folder's CSVs, load them into DuckDB (Node), write Arrow, Parquet, CSV and manifest.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { auditDatabase } from '../audit/store';
import { NodeConnector } from '../db/node';
import { createAllSql } from '../db/load';
import { sqlString } from '../db/sql';
import { tableXlsx } from '../export/dataset';
import { parseCsv } from '../ingest/csv';
import {
	DATA_TABLES,
	METRICS,
	SCHEMA_VERSION,
	msg,
	TABLES,
	castSelectList,
	quoteIdent,
	validateDataset,
	type TableDef,
	type TableInput,
	type ValidationIssue,
	type ValidationReport
} from '../schema';
import { rowsToArrowStream } from '../db/arrow';
import type { BuiltFile, Manifest } from '../db/manifest';

export interface BuildOptions {
	dataDirs: readonly string[];
	outDir: string;
	log?: (line: string) => void;
}

export interface BuildResult {
	report: ValidationReport;
	manifest: Manifest | null;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Reads every table CSV of the folders; files that are not tables are listed, not read. */
function readInputs(dirs: readonly string[], log: (s: string) => void) {
	const inputs: (TableInput & { path: string; sha: string })[] = [];
	const issues: ValidationIssue[] = [];
	const tableFiles = new Set(DATA_TABLES.map((t) => `${t.name}.csv`));
	for (const dir of dirs) {
		if (!existsSync(dir)) {
			issues.push({
				file: dir,
				line: null,
				column: null,
				rule: 'file',
				value: null,
				message: msg('数据文件夹不存在', 'data folder does not exist')
			});
			continue;
		}
		for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv') && !tableFiles.has(f)))
			log(`  ignored ${join(dir, f)}: not a table of the schema`);
		for (const t of DATA_TABLES) {
			const path = join(dir, `${t.name}.csv`);
			if (!existsSync(path)) continue;
			const bytes = readFileSync(path);
			let text: string;
			try {
				text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
			} catch {
				issues.push({
					file: path,
					line: null,
					column: null,
					rule: 'file',
					value: null,
					message: msg('文件不是 UTF-8 文本', 'file is not UTF-8 text')
				});
				continue;
			}
			inputs.push({ table: t, csv: parseCsv(text, path), path, sha: sha256(bytes) });
		}
	}
	for (const required of ['units', 'evaluations'])
		if (!inputs.some((i) => i.table.name === required))
			issues.push({
				file: dirs.join(', '),
				line: null,
				column: null,
				rule: 'file',
				value: null,
				message: msg(`数据文件夹中没有 ${required}.csv`, `no ${required}.csv in the data folders`)
			});
	return { inputs, issues };
}

async function writeOutputs(
	db: NodeConnector,
	t: TableDef,
	outDir: string
): Promise<{
	rows: number;
	arrow: BuiltFile;
	parquet: BuiltFile;
	csv: BuiltFile;
	xlsx: BuiltFile;
}> {
	const order = t.key.map(quoteIdent).join(', ');
	const select = `SELECT * FROM ${quoteIdent(t.name)} ORDER BY ${order}`;
	const file = (path: string): BuiltFile => {
		const bytes = readFileSync(path);
		return { path: relative(outDir, path), bytes: bytes.length, sha256: sha256(bytes) };
	};
	const parquetPath = join(outDir, 'download', `${t.name}.parquet`);
	const csvPath = join(outDir, 'download', `${t.name}.csv`);
	await db.exec(`COPY (${select}) TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`);
	await db.exec(`COPY (${select}) TO ${sqlString(csvPath)} (FORMAT csv, HEADER true)`);
	const rows = await db.query<Record<string, string | number | null>>(select);
	const arrowPath = join(outDir, `${t.name}.arrow`);
	writeFileSync(arrowPath, rowsToArrowStream(t, rows));
	// The same rows for spreadsheets: the CSV is exact data, the XLSX never runs a text as a formula.
	const xlsxPath = join(outDir, 'download', `${t.name}.xlsx`);
	writeFileSync(xlsxPath, tableXlsx(t, rows));
	return {
		rows: rows.length,
		arrow: file(arrowPath),
		parquet: file(parquetPath),
		csv: file(csvPath),
		xlsx: file(xlsxPath)
	};
}

export async function buildData(opts: BuildOptions): Promise<BuildResult> {
	const log = opts.log ?? (() => {});
	const read = readInputs(opts.dataDirs, log);
	const validated = validateDataset(read.inputs, {
		metric_dictionary: { key: new Set(METRICS.map((m) => m.key)) }
	});
	const report: ValidationReport = {
		issues: [...read.issues, ...validated.issues],
		tables: validated.tables,
		ok: read.issues.length === 0 && validated.ok
	};
	for (const t of report.tables)
		log(`  ${t.file}: read ${t.read}, accepted ${t.accepted}, rejected ${t.rejected}`);
	if (!report.ok) return { report, manifest: null };

	rmSync(opts.outDir, { recursive: true, force: true });
	mkdirSync(join(opts.outDir, 'download'), { recursive: true });
	const db = await NodeConnector.open();
	try {
		await db.exec(createAllSql());
		for (const m of METRICS)
			await db.exec(
				`INSERT INTO metric_dictionary VALUES (${[m.key, m.zh, m.en, m.unit, m.direction].map(sqlString).join(', ')}, ${m.sector === null ? 'NULL' : sqlString(m.sector)})`
			);
		for (const { table, csv, path } of read.inputs) {
			const present = new Set(csv.header);
			const before = await count(db, table.name);
			await db.exec(
				`INSERT INTO ${quoteIdent(table.name)} SELECT ${castSelectList(table, present)} FROM read_csv(${sqlString(path)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${csv.header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ')}})`
			);
			const added = (await count(db, table.name)) - before;
			if (added !== csv.rows.length)
				throw new Error(`${path}: validated ${csv.rows.length} rows but DuckDB read ${added}`);
		}
		const audit = await auditDatabase(db);
		log(`  audit: ${audit.forms} forms, ${audit.flags} flags (${Math.round(audit.ms)} ms)`);
		const tables: Manifest['tables'] = {};
		for (const t of TABLES) tables[t.name] = await writeOutputs(db, t, opts.outDir);
		const [years] = await db.query<{ min: number | null; max: number | null }>(
			'SELECT min(year)::INTEGER AS min, max(year)::INTEGER AS max FROM evaluations'
		);
		const prov = await db.query<{ provenance: string; n: number }>(
			'SELECT provenance, count(*)::INTEGER AS n FROM evaluations GROUP BY provenance'
		);
		const manifest: Manifest = {
			schema_version: SCHEMA_VERSION,
			format: 'arrow-ipc-stream',
			tables,
			inputs: read.inputs.map((i) => ({
				file: `${basename(join(i.path, '..'))}/${basename(i.path)}`,
				table: i.table.name,
				rows: i.csv.rows.length,
				sha256: i.sha
			})),
			years,
			evaluations: {
				published: prov.find((p) => p.provenance === 'published')?.n ?? 0,
				synthetic: prov.find((p) => p.provenance === 'synthetic')?.n ?? 0
			}
		};
		writeFileSync(join(opts.outDir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		return { report, manifest };
	} finally {
		await db.close();
	}
}

async function count(db: NodeConnector, table: string): Promise<number> {
	const [r] = await db.query<{ n: number }>(
		`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)}`
	);
	return r.n;
}
