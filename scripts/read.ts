// CLI: reads published self-evaluation documents (.txt, .html, .docx, .xlsx form, .pdf) into canonical CSVs with the trace of every value, for build-data.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importDocuments } from '../src/lib/documents/import';
import { formatRef, type DocNote } from '../src/lib/documents/grid';
import { readDocument, type DocumentRead } from '../src/lib/documents/read';
import {
	missingFields,
	printedUnitName,
	UNIT_FIELDS,
	type UnitFields
} from '../src/lib/documents/unit-fields';
import { toCsv } from '../src/lib/export/csv';
import { parseCsv } from '../src/lib/ingest/csv';
import { reportLines } from '../src/lib/ingest/pipeline';
import { DATA_TABLES } from '../src/lib/schema';
import { runIfMain, type CliIo } from './lib/cli';

const USAGE = `usage: npm run read -- <documents…> [--out <folder>] [unit fields] [--units <file.csv|.json>] [--lang zh|en]
Reads every 部门整体/项目支出绩效自评表 in the documents, and the figures of their reports, into the
canonical tables (units, evaluations, funding, indicators, metrics) plus trace.csv, which says where
each value was printed. A document does not say its unit's id, region code, sector or provenance:
  --unit-id ID  --region-code 430212  --sector 纪检监察  --provenance published  --region 地区  --short-name 简称
apply to every document; --units gives them per document (CSV or JSON with a "file" column/key), and
a sidecar <document>.unit.json beside a document is read too. provenance defaults to published.
Exit 0 when every document was read (warnings allowed), 1 when a document has no form or cannot be
read, the reader reports an error, a required field is missing, or rows were rejected (then nothing
is written); 2 on usage.`;

const FLAG: Record<string, keyof UnitFields> = {
	'--unit-id': 'unit_id',
	'--region-code': 'region_code',
	'--sector': 'sector',
	'--provenance': 'provenance',
	'--region': 'region',
	'--short-name': 'short_name',
	'--name': 'name',
	'--parent-id': 'parent_id'
};

type Fields = Partial<UnitFields>;

function perFile(path: string): Map<string, Fields> {
	const text = readFileSync(path, 'utf8');
	const out = new Map<string, Fields>();
	if (path.endsWith('.json')) {
		const data = JSON.parse(text) as Fields[] | Record<string, Fields>;
		const list = Array.isArray(data)
			? data
			: Object.entries(data).map(([file, f]) => ({ ...f, file }));
		for (const x of list as (Fields & { file?: string })[])
			if (x.file) out.set(basename(x.file), x);
	} else {
		const csv = parseCsv(text, path);
		for (const r of csv.rows) {
			const row = Object.fromEntries(csv.header.map((h, i) => [h, r.fields[i] ?? ''])) as Record<
				string,
				string
			>;
			const f: Fields = {};
			for (const u of UNIT_FIELDS)
				if (row[u.name]) (f as Record<string, string>)[u.name] = row[u.name];
			if (row.file) out.set(basename(row.file), f);
		}
	}
	return out;
}

function noteLine(n: DocNote, lang: 'zh' | 'en'): string {
	const level = {
		error: lang === 'zh' ? '错误' : 'error',
		warning: lang === 'zh' ? '警示' : 'warning',
		info: lang === 'zh' ? '提示' : 'info'
	}[n.level];
	return `    ${level}${n.ref ? ` [${formatRef(n.ref, lang)}]` : ''} ${n.message[lang]}`;
}

function describe(r: DocumentRead, lang: 'zh' | 'en'): string[] {
	const zh = lang === 'zh';
	const out = [`${r.file} (${r.format ?? '?'}, ${Math.round(r.ms)} ms)`];
	if (r.error) out.push(`    ${zh ? '错误' : 'error'} ${r.error[lang]}`);
	for (const f of r.recognised?.forms ?? []) {
		const name = f.header.project?.text ?? f.header.unit?.text ?? '';
		out.push(
			`  ${f.form === 'department' ? (zh ? '部门整体' : 'department') : zh ? '项目' : 'project'} ${f.year?.value ?? '?'} ${name}: ` +
				(zh
					? `${f.indicators.length} 个指标，${f.funding.length} 行资金${f.cutOff ? '，截断' : ''}`
					: `${f.indicators.length} indicators, ${f.funding.length} funding rows${f.cutOff ? ', cut off' : ''}`)
		);
	}
	for (const n of r.notes) out.push(noteLine(n, lang));
	return out;
}

/** Reads the documents named in `args` (and writes their CSVs with --out); returns the exit code. */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
	let lang: 'zh' | 'en' = 'en';
	let out: string | null = null;
	const common: Fields = {};
	const paths: string[] = [];
	let table = new Map<string, Fields>();
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		const next = args[i + 1];
		if (a === '--lang' && (next === 'zh' || next === 'en')) lang = args[++i] as 'zh' | 'en';
		else if (a === '--out' && next) out = args[++i];
		else if (a === '--units' && next) table = perFile(args[++i]);
		else if (FLAG[a] && next !== undefined) (common as Record<string, string>)[FLAG[a]] = args[++i];
		else if (a.startsWith('-')) {
			io.err(USAGE + '\n');
			return 2;
		} else paths.push(a);
	}
	if (!paths.length) {
		io.err(USAGE + '\n');
		return 2;
	}
	const lines: string[] = [];
	const reads: { read: DocumentRead; unit: UnitFields }[] = [];
	let failed = false;
	for (const p of paths) {
		const read = await readDocument({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) });
		const sidecar = existsSync(`${p}.unit.json`)
			? (JSON.parse(readFileSync(`${p}.unit.json`, 'utf8')) as Fields)
			: {};
		// The name the document prints is the default; an option, the table or the sidecar may change it.
		const printed = read.recognised ? printedUnitName(read.recognised) : null;
		const fields: Fields = {
			provenance: 'published',
			...(printed ? { name: printed } : {}),
			...common,
			...table.get(basename(p)),
			...sidecar
		};
		lines.push(...describe(read, lang));
		if (read.error) failed = true;
		const missing = missingFields(fields);
		if (read.recognised?.forms.length && missing.required.length) {
			failed = true;
			lines.push(
				lang === 'zh'
					? `    错误 文档没有写明、需要提供：${missing.required.map((m) => `--${m.replace('_', '-')}`).join(' ')}`
					: `    error the document does not say, please give: ${missing.required.map((m) => `--${m.replace('_', '-')}`).join(' ')}`
			);
		} else if (read.recognised?.forms.length && missing.optional.length)
			lines.push(
				lang === 'zh'
					? `    提示 未提供（可选）：${missing.optional.join('、')}`
					: `    info not given (optional): ${missing.optional.join(', ')}`
			);
		if (!missing.required.length) reads.push({ read, unit: fields as UnitFields });
	}
	const imp = importDocuments(reads);
	const extra = imp.notes.filter((n) => !reads.some((r) => r.read.notes.includes(n)));
	for (const n of extra) lines.push(noteLine(n, lang));
	if (imp.result.files.length) lines.push(...reportLines(imp.result, lang));
	if (!imp.result.report.ok) failed = true;
	// The reader's own notes count in the verdict: an error stops the write, warnings are counted.
	const count = (level: DocNote['level']) => imp.notes.filter((n) => n.level === level).length;
	const errors = count('error');
	const warnings = count('warning');
	if (errors) failed = true;
	lines.push(
		lang === 'zh'
			? `文档：${reads.reduce((n, r) => n + (r.read.recognised?.forms.length ?? 0), 0)} 张表；阅读错误 ${errors} 条、警示 ${warnings} 条（见上）${failed ? '；未写入任何文件' : ''}`
			: `documents: ${reads.reduce((n, r) => n + (r.read.recognised?.forms.length ?? 0), 0)} form(s); ${errors} reading error(s), ${warnings} warning(s) (above)${failed ? '; nothing written' : ''}`
	);
	if (out && reads.length && !failed) {
		mkdirSync(out, { recursive: true });
		for (const t of DATA_TABLES) {
			const rows = imp.result.rows.get(t.name) ?? [];
			if (!rows.length) continue;
			const header = t.columns.map((c) => c.name);
			writeFileSync(
				join(out, `${t.name}.csv`),
				toCsv(
					header,
					rows.map((r) => header.map((h) => r.values[h] ?? ''))
				)
			);
			lines.push(
				`${lang === 'zh' ? '写入' : 'wrote'} ${join(out, `${t.name}.csv`)} (${rows.length})`
			);
		}
	}
	io.out(lines.join('\n') + '\n');
	return failed ? 1 : 0;
}

await runIfMain(import.meta.url, main);
