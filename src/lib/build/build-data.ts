// The data build: validate a data folder's CSVs, load and audit them in DuckDB (Node) as an import does, write Arrow, Parquet, CSV and manifest.
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { BuiltFile, Manifest } from '../db/manifest';
import { NodeConnector } from '../db/node';
import { createDataset } from '../db/load';
import { gzipStored } from './gzip';
import { writePartitions } from './partitions';
import { loadDataset } from '../dataset/load';
import { tableXlsx } from '../export/dataset';
import { XLSX_MAX_ROWS, XLSX_PUBLISH_MAX_ROWS } from '../format/spreadsheet';
import { toBatches, type TableBatches } from '../ingest/batches';
import { parseCsv } from '../ingest/csv';
import { run } from '../queries/query';
import { searchSource } from '../queries/search';
import { buildIndex } from '../search/build';
import { basePath, partPath, SEARCH_DIR } from '../search/format';
import {
	copyToFileSql,
	countRows,
	formsByProvenance,
	tableRows,
	yearSpan
} from '../queries/tables';
import {
	DATA_TABLES,
	METRICS,
	SCHEMA_VERSION,
	msg,
	TABLES,
	validateDataset,
	type TableDef,
	type TableInput,
	type TableName,
	type ValidationIssue,
	type ValidationReport,
	type ValidRow
} from '../schema';

export interface BuildOptions {
	dataDirs: readonly string[];
	outDir: string;
	log?: (line: string) => void;
	/** A CSV download larger than this is published gzipped (default CSV_PLAIN_MAX_BYTES). */
	csvPlainMaxBytes?: number;
	/** The longest table given an XLSX download (default XLSX_PUBLISH_MAX_ROWS, at most a sheet's rows). */
	xlsxMaxRows?: number;
}

export interface BuildResult {
	report: ValidationReport;
	manifest: Manifest | null;
}

/**
 * The largest CSV download published as it is: 25 MB, Cloudflare Pages' limit per file (GitHub
 * refuses files over 100 MB). A larger table's CSV is published as `<table>.csv.gz`.
 */
export const CSV_PLAIN_MAX_BYTES = 25 * 1024 * 1024;

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
	outDir: string,
	limits: { csvPlainMaxBytes: number; xlsxMaxRows: number }
): Promise<Manifest['tables'][string]> {
	const file = (path: string): BuiltFile => {
		const bytes = readFileSync(path);
		return { path: relative(outDir, path), bytes: bytes.length, sha256: sha256(bytes) };
	};
	const parquetPath = join(outDir, 'download', `${t.name}.parquet`);
	let csvPath = join(outDir, 'download', `${t.name}.csv`);
	await db.exec(copyToFileSql(tableRows(t), parquetPath, 'parquet'));
	await db.exec(copyToFileSql(tableRows(t), csvPath, 'csv'));
	// A CSV over a host's per-file limit is published gzipped instead (the same bytes inside).
	if (statSync(csvPath).size > limits.csvPlainMaxBytes) {
		rmSync(csvPath);
		csvPath += '.gz';
		await db.exec(copyToFileSql(tableRows(t), csvPath, 'csv.gz'));
	}
	const [{ n }] = await run(db, countRows(t.name));
	// The same rows for spreadsheets: the CSV is exact data, the XLSX never runs a text as a formula.
	// A table longer than the limit gets no XLSX rather than a cut one.
	const xlsxPath = join(outDir, 'download', `${t.name}.xlsx`);
	const xlsx = n <= limits.xlsxMaxRows;
	if (xlsx) writeFileSync(xlsxPath, tableXlsx(t, await run(db, tableRows(t))));
	return {
		rows: n,
		parquet: file(parquetPath),
		csv: file(csvPath),
		xlsx: xlsx ? file(xlsxPath) : null
	};
}

/**
 * The search index of the loaded tables, as the prerendered site searches them without DuckDB: its
 * parts, gzipped as stored like the partitions (the same bytes on any host), then its base naming
 * each part's hash.
 */
async function writeSearchIndex(db: NodeConnector, outDir: string): Promise<Manifest['search']> {
	const { base, parts } = buildIndex(await searchSource(db));
	mkdirSync(join(outDir, SEARCH_DIR), { recursive: true });
	let partBytes = 0;
	for (const [name, part] of Object.entries(parts)) {
		const gz = gzipStored(new TextEncoder().encode(JSON.stringify(part)));
		writeFileSync(join(outDir, partPath(name)), gz);
		base.files[name] = sha256(gz).slice(0, 12);
		partBytes += gz.length;
	}
	const path = join(outDir, basePath);
	const gz = gzipStored(new TextEncoder().encode(JSON.stringify(base)));
	writeFileSync(path, gz);
	return {
		path: relative(outDir, path),
		bytes: gz.length,
		sha256: sha256(gz),
		texts: base.texts,
		records: base.records,
		parts: Object.keys(parts).length,
		partBytes
	};
}

/**
 * Reads and checks the folders; when they pass, their accepted rows as Arrow batches with each
 * table's count and the inputs' list. The parsed files live only in here: at 4,000 units they are
 * gigabytes of JavaScript objects, and every later step (the audit above all: 165 s against 77 s)
 * ran about twice as slowly while the garbage collector kept walking them.
 */
function readChecked(
	opts: BuildOptions,
	log: (line: string) => void,
	took: () => string
):
	| { report: ValidationReport; batches: null }
	| {
			report: ValidationReport;
			batches: TableBatches[];
			counts: Map<TableName, number>;
			inputs: Manifest['inputs'];
	  } {
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
	if (!report.ok) return { report, batches: null };
	log(`  read and validated (${took()})`);
	// The accepted rows of every file, by table, in the order of the folders.
	const rows = new Map<TableName, ValidRow[]>();
	for (const i of read.inputs) {
		const list = rows.get(i.table.name) ?? [];
		// One by one: a spread of a million rows overflows the call stack.
		for (const r of validated.rows.get(i.csv) ?? []) list.push(r);
		rows.set(i.table.name, list);
	}
	const inputs = read.inputs.map((i) => ({
		file: `${basename(join(i.path, '..'))}/${basename(i.path)}`,
		table: i.table.name,
		rows: i.csv.rows.length,
		sha256: i.sha
	}));
	const counts = new Map([...rows].map(([name, list]) => [name, list.length]));
	return { report, batches: toBatches(rows), counts, inputs };
}

/** Reads, checks and loads the folders into a new DuckDB (with the audit), or reports why not. */
async function loadInputs(
	opts: BuildOptions,
	log: (line: string) => void,
	took: () => string
): Promise<
	| { report: ValidationReport; db: null }
	| { report: ValidationReport; db: NodeConnector; inputs: Manifest['inputs'] }
> {
	const checked = readChecked(opts, log, took);
	const { report } = checked;
	if (checked.batches === null) return { report, db: null };
	rmSync(opts.outDir, { recursive: true, force: true });
	mkdirSync(join(opts.outDir, 'download'), { recursive: true });
	const db = await NodeConnector.open();
	try {
		await createDataset(db);
		// The same load and audit as an import in the browser: Arrow batches, one transaction.
		const { loaded, audit } = await loadDataset(db, checked.batches, 'replace');
		for (const [name, n] of checked.counts)
			if ((loaded[name] ?? 0) !== n)
				throw new Error(`${name}: validated ${n} rows but loaded ${loaded[name] ?? 0}`);
		log(
			`  loaded and audited: ${audit.forms} forms, ${audit.flags} flags (audit ${(audit.ms / 1000).toFixed(1)} s; ${took()})`
		);
	} catch (e) {
		// The load's error is the one to report, not a failure to close after it.
		await db.close().catch(() => {});
		throw e;
	}
	return { report, db, inputs: checked.inputs };
}

export async function buildData(opts: BuildOptions): Promise<BuildResult> {
	const log = opts.log ?? (() => {});
	let stepStart = performance.now();
	/** Seconds since the last step ended, for the build's log. */
	const took = () => {
		const s = (performance.now() - stepStart) / 1000;
		stepStart = performance.now();
		return `${s.toFixed(1)} s`;
	};
	const xlsxMaxRows = Math.min(opts.xlsxMaxRows ?? XLSX_PUBLISH_MAX_ROWS, XLSX_MAX_ROWS);
	const loadedInputs = await loadInputs(opts, log, took);
	const { report, db } = loadedInputs;
	if (db === null) return { report, manifest: null };
	try {
		const tables: Manifest['tables'] = {};
		const limits = {
			csvPlainMaxBytes: opts.csvPlainMaxBytes ?? CSV_PLAIN_MAX_BYTES,
			xlsxMaxRows
		};
		for (const t of TABLES) tables[t.name] = await writeOutputs(db, t, opts.outDir, limits);
		log(`  downloads (${took()})`);
		const parts = await writePartitions(db, opts.outDir);
		log(
			`  partitions: ${parts.years.length} years, ${parts.units} units (${(parts.unitBytes.total / 1e6).toFixed(1)} MB, largest ${(parts.unitBytes.max / 1e3).toFixed(0)} KB; ${took()})`
		);
		const search = await writeSearchIndex(db, opts.outDir);
		log(
			`  search index: ${search.texts} texts, ${search.records} records; base ${search.bytes} bytes, ${search.parts} parts ${search.partBytes} bytes (${took()})`
		);
		const [years] = await run(db, yearSpan());
		const prov = await run(db, formsByProvenance());
		const manifest: Manifest = {
			schema_version: SCHEMA_VERSION,
			tables,
			xlsx_max_rows: xlsxMaxRows,
			parts,
			search,
			inputs: loadedInputs.inputs,
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
