// Turns the forms read from documents into the canonical tables (as printed text, for the import's own normalising and checks) and the trace of every value.
import { comparatorWord } from '../normalize/value';
import { msg } from '../schema/msg';
import type { DataTableName } from '../schema/types';
import { table, TRACED_TABLES, type FormKind } from '../schema/tables';
import type { CsvTable } from '../schema/validate';
import type { Source } from '../ingest/pipeline';
import type { DocNote, SourceRef } from './grid';
import {
	closingSections,
	fundingFigures,
	metricFigures,
	sections,
	type Passage
} from './narrative';
import type { FormRead, Recognised, Traced } from './recognise';
import { placeColumns } from './trace-place';
import type { UnitFields } from './unit-fields';

export interface DocumentInput {
	file: string;
	recognised: Recognised;
	unit: UnitFields;
}

type Row = Record<string, string>;
/** The tables a document's forms fill (the trace is kept apart; directions are the publisher's, never read). */
type FormTable = Exclude<DataTableName, 'trace' | 'directions'>;

interface Built {
	rows: Record<FormTable, { row: Row; line: number; file: string }[]>;
	trace: { row: Row; line: number; file: string }[];
	notes: DocNote[];
}

const DIMENSION_ORDER = ['source', 'revenue', 'nature', 'economic'];

/** Builds the rows of every table from the documents, numbering forms per unit and year. */
function build(inputs: readonly DocumentInput[], knownUnits: ReadonlySet<string>): Built {
	const out: Built = {
		rows: { units: [], evaluations: [], funding: [], indicators: [], metrics: [] },
		trace: [],
		notes: []
	};
	const projectNo = new Map<string, number>();
	/** Forms already read, by unit, year, kind and project name: the same form from another document is not read twice. */
	const formsSeen = new Map<string, string>();
	const seenUnit = new Set<string>();
	const metricSeen = new Map<string, { printed: string; ref: SourceRef; others: Set<string> }>();

	for (const input of inputs) {
		const { file, recognised, unit } = input;
		const trace = (
			t: DataTableName,
			key: string,
			column: string,
			v: Traced | { printed: string; ref: SourceRef },
			context = ''
		) =>
			out.trace.push({
				row: {
					table_name: t,
					row_key: key,
					column_name: column,
					printed: v.printed,
					file: v.ref.file,
					...placeColumns(v.ref),
					context
				},
				line: 0,
				file
			});
		const add = (t: FormTable, row: Row) => out.rows[t].push({ row, line: 0, file });

		const forms = recognised.forms;
		const passages: FormPassage[] = [];
		const dept = forms.find((f) => f.form === 'department');
		const firstProject = forms.find((f) => f.form === 'project');
		const nameCell =
			dept?.header.unit ??
			firstProject?.header.implementer ??
			firstProject?.header.department ??
			null;
		if (knownUnits.has(unit.unit_id) && !seenUnit.has(unit.unit_id)) {
			seenUnit.add(unit.unit_id);
			out.notes.push({
				level: 'info',
				ref: nameCell?.ref ?? { file },
				message: msg(
					`单位 ${unit.unit_id} 已在数据或表格文件中：沿用那里的单位信息，文档只添加它的自评表`,
					`unit ${unit.unit_id} is already in the data or a table file: its unit row is kept from there, and the document adds only its forms`
				)
			});
		}
		if (!seenUnit.has(unit.unit_id)) {
			seenUnit.add(unit.unit_id);
			const shortCell = firstProject?.header.department;
			const name = unit.name ?? nameCell?.text ?? '';
			// A project form's 主管部门 is the unit's short name when it is shorter than the printed name.
			const short =
				unit.short_name ?? (shortCell && shortCell.text.length < name.length ? shortCell.text : '');
			add('units', {
				unit_id: unit.unit_id,
				name,
				short_name: short,
				region: unit.region ?? '',
				region_code: unit.region_code ?? '',
				sector: unit.sector ?? '',
				parent_id: unit.parent_id ?? '',
				provenance: unit.provenance ?? ''
			});
			if (nameCell && name === nameCell.text) trace('units', unit.unit_id, 'name', nameCell);
			if (shortCell && short && !unit.short_name)
				trace('units', unit.unit_id, 'short_name', shortCell);
		}

		for (const f of forms) {
			if (!f.year) {
				out.notes.push({
					level: 'error',
					ref: f.title?.ref ?? null,
					message: msg(
						'表上没有印年度（如“（2023年度）”），这张表未读入',
						'the form prints no year (such as “（2023年度）”); not read'
					)
				});
				continue;
			}
			const year = f.year.value;
			const same = `${unit.unit_id}|${year}|${f.form}|${f.header.project?.text ?? ''}`;
			const earlier = formsSeen.get(same);
			if (earlier !== undefined) {
				out.notes.push({
					level: 'error',
					ref: f.title?.ref ?? { file },
					message: msg(
						`这张表（${unit.unit_id} ${year} 年${f.header.project ? `「${f.header.project.text}」` : '部门整体'}）已从 ${earlier} 读入：同一张表不读两次`,
						`this form (${unit.unit_id} ${year}${f.header.project ? ` “${f.header.project.text}”` : ', department'}) was already read from ${earlier}: the same form is not read twice`
					)
				});
				continue;
			}
			formsSeen.set(same, file);
			let evalId: string;
			if (f.form === 'department') evalId = `${unit.unit_id}-${year}-dept`;
			else {
				const k = `${unit.unit_id}|${year}`;
				const n = (projectNo.get(k) ?? 0) + 1;
				projectNo.set(k, n);
				evalId = `${unit.unit_id}-${year}-p${String(n).padStart(2, '0')}`;
			}
			passages.push(...formRows(f, evalId, unit, year, file, add, trace, out.notes));
		}
		metricRows(unit.unit_id, passages, add, trace, metricSeen, out.notes);
	}
	for (const [k, seen] of metricSeen) {
		if (!seen.others.size) continue;
		const others = [...seen.others].join('、');
		const key = k.split('|')[2];
		out.notes.push({
			level: 'warning',
			ref: seen.ref,
			message: msg(
				`${key}：取了最先印出的「${seen.printed}」；文中后面还印了 ${others}（多为分项或下级数字），请核对`,
				`${key}: the first printed figure “${seen.printed}” is taken; the text later also prints ${others} (often a breakdown), please check`
			)
		});
	}
	return out;
}

/** Adds a row to a table; its number in the document's source is given when the sources are made. */
type Add = (t: FormTable, row: Row) => void;
type Trace = (
	t: DataTableName,
	key: string,
	column: string,
	v: Traced | { printed: string; ref: SourceRef },
	context?: string
) => void;

function formRows(
	f: FormRead,
	evalId: string,
	unit: UnitFields,
	year: number,
	file: string,
	add: Add,
	trace: Trace,
	notes: DocNote[]
): FormPassage[] {
	const title =
		f.title?.text ?? (f.form === 'department' ? '部门整体支出绩效自评表' : '项目支出绩效自评表');
	const closing = closingSections(f.report);
	const ev: Row = {
		eval_id: evalId,
		unit_id: unit.unit_id,
		year: String(year),
		form: f.form,
		project_name: f.header.project?.text ?? '',
		goal_planned: f.goals.planned?.text ?? '',
		goal_achieved: f.goals.achieved?.text ?? '',
		problems: f.closing.problems?.text ?? closing.problems?.text ?? '',
		improvements: f.closing.improvements?.text ?? closing.improvements?.text ?? '',
		source: `${file} · ${title}${f.header.project ? `：${f.header.project.text}` : ''}`,
		notes: f.cutOff ? '文档在这张表的总分行之前结束（截断）' : '',
		provenance: unit.provenance ?? ''
	};
	for (const [k, v] of Object.entries(f.budget)) if (v) ev[k] = v.text;
	if (f.total.weight) ev.total_weight = f.total.weight.text;
	if (f.total.score) ev.total_score = f.total.score.text;
	add('evaluations', ev);
	for (const [k, v] of Object.entries(f.budget)) if (v) trace('evaluations', evalId, k, v);
	if (f.total.weight) trace('evaluations', evalId, 'total_weight', f.total.weight, '总分');
	if (f.total.score) trace('evaluations', evalId, 'total_score', f.total.score, '总分');
	if (f.header.project) trace('evaluations', evalId, 'project_name', f.header.project);
	if (f.goals.planned) trace('evaluations', evalId, 'goal_planned', f.goals.planned, '预期目标');
	if (f.goals.achieved)
		trace('evaluations', evalId, 'goal_achieved', f.goals.achieved, '实际完成情况');
	for (const k of ['problems', 'improvements'] as const) {
		const c = f.closing[k];
		const s = closing[k];
		if (c) trace('evaluations', evalId, k, c);
		else if (s) {
			const first = s.body[0].ref;
			const lastRef = s.body[s.body.length - 1].ref;
			trace(
				'evaluations',
				evalId,
				k,
				{
					printed: s.body.map((p) => p.text).join('\n'),
					ref: { ...first, lineEnd: lastRef.line ?? first.line }
				},
				s.heading.text.trim()
			);
		}
	}

	// Funding: the form's rows, then the spending lines of a department's report.
	const funding = [...f.funding];
	if (f.form === 'department') {
		const report: Passage = {
			parts: f.report.map((p) => ({ text: p.text, ref: p.ref })),
			label: f.reportTitle?.text ?? title
		};
		for (const x of fundingFigures(report)) {
			const v: Traced = { text: x.figure.printed, printed: x.figure.printed, ref: x.figure.ref };
			const have = funding.find(
				(r) =>
					r.dimension === x.dimension && (r.item.text === x.item || r.item.text === x.printedItem)
			);
			if (have && !have.values.executed) have.values.executed = v;
			else if (!have)
				funding.push({
					dimension: x.dimension,
					item: { text: x.printedItem, printed: x.printedItem, ref: x.figure.ref },
					values: { executed: v },
					extra: []
				});
		}
	}
	funding.sort(
		(a, b) => DIMENSION_ORDER.indexOf(a.dimension) - DIMENSION_ORDER.indexOf(b.dimension)
	);
	funding.forEach((r, i) => {
		const row: Row = {
			eval_id: evalId,
			dimension: r.dimension,
			seq: String(i + 1),
			item: r.item.text
		};
		for (const [k, v] of Object.entries(r.values)) if (v) row[k] = v.text;
		add('funding', row);
		const key = `${evalId}|${r.dimension}|${r.item.text}`;
		trace('funding', key, 'item', r.item);
		for (const [k, v] of Object.entries(r.values)) if (v) trace('funding', key, k, v);
		for (const e of r.extra)
			notes.push({
				level: 'info',
				ref: e.value.ref,
				message: msg(
					`资金来源行「${r.item.text}」还印了${e.heading}「${e.value.text}」：资金表没有这一列，原文保留在出处中`,
					`funding row “${r.item.text}” also prints ${e.heading} “${e.value.text}”: the funding table has no such column; the printed text is kept in the trace`
				)
			});
		for (const e of r.extra) trace('funding', key, `(${e.heading})`, e.value, e.heading);
	});

	f.indicators.forEach((ind, i) => {
		const seq = String(i + 1);
		const x = ind.fields;
		const row: Row = {
			eval_id: evalId,
			seq,
			level1: x.level1?.text ?? '',
			level2: x.level2?.text ?? '',
			level3: x.level3?.text ?? '',
			target_text: x.target?.text ?? '',
			actual_text: x.actual?.text ?? '',
			weight: x.weight?.text ?? '',
			score: x.score?.text ?? '',
			deviation_reason: x.reason?.text ?? ''
		};
		if (x.unit) row.unit = x.unit.text;
		const comparator = x.nature ? comparatorWord(x.nature.text) : null;
		if (comparator) row.comparator = comparator;
		add('indicators', row);
		const key = `${evalId}|${seq}`;
		const column: Record<string, string> = {
			target: 'target_text',
			actual: 'actual_text',
			reason: 'deviation_reason'
		};
		for (const [k, v] of Object.entries(x))
			if (v)
				// Columns the indicators table has no place for (是否核心指标, a 指标性质 such as 正向指标
				// that names no comparator) keep their printed text in the trace, under their heading.
				trace(
					'indicators',
					key,
					k === 'core'
						? '(是否核心指标)'
						: k === 'nature' && !comparator
							? '(指标性质)'
							: (column[k] ?? k),
					v
				);
	});

	// The passages a form's figures are read from: its 实际完成情况 and its report's sections.
	const out: FormPassage[] = [];
	const form = f.form;
	if (f.goals.achieved)
		out.push({
			form,
			year,
			passage: {
				parts: [{ text: f.goals.achieved.printed, ref: f.goals.achieved.ref }],
				label: `${title}·实际完成情况`
			}
		});
	for (const sec of sections(f.report))
		if (sec.body.length)
			out.push({
				form,
				year,
				passage: {
					parts: sec.body.map((p) => ({ text: p.text, ref: p.ref })),
					label: `${f.reportTitle?.text ?? title}·${sec.heading.text.trim()}`
				}
			});
	return out;
}

interface FormPassage {
	form: FormKind;
	year: number;
	passage: Passage;
}

/**
 * The metrics of a unit-year from its passages: the department form and its report first, then the
 * project forms (whose figures may be a part, such as the townships' cases); the first printed
 * figure wins, a figure taken from a project form is said, and a different figure later is listed.
 */
function metricRows(
	unitId: string,
	passages: readonly FormPassage[],
	add: Add,
	trace: Trace,
	metricSeen: Map<string, { printed: string; ref: SourceRef; others: Set<string> }>,
	notes: DocNote[]
): void {
	const ordered = [...passages].sort((a, b) =>
		a.form === b.form ? 0 : a.form === 'department' ? -1 : 1
	);
	for (const { form, year, passage: p } of ordered)
		for (const { metric, figure } of metricFigures(p)) {
			const k = `${unitId}|${year}|${metric.key}`;
			const seen = metricSeen.get(k);
			if (seen) {
				if (seen.printed !== figure.printed) seen.others.add(figure.printed);
				continue;
			}
			metricSeen.set(k, { printed: figure.printed, ref: figure.ref, others: new Set() });
			if (form === 'project')
				notes.push({
					level: 'warning',
					ref: figure.ref,
					message: msg(
						`${metric.zh}「${figure.printed}」取自项目表（部门整体表和报告没有印）：项目表的数字可能只是一部分，请核对`,
						`${metric.en} “${figure.printed}” is taken from a project form (the department form and its report do not print it): a project's figure may be only a part, please check`
					)
				});
			add('metrics', {
				unit_id: unitId,
				year: String(year),
				metric: metric.key,
				value: figure.printed,
				source: p.label
			});
			trace('metrics', k, 'value', { printed: figure.printed, ref: figure.ref }, figure.sentence);
		}
}

function source(
	name: string,
	t: DataTableName,
	items: readonly { row: Row; line: number; file: string }[]
): Source {
	// The printed text goes beside the number it is read into, as the document printed it.
	for (const c of table(t).columns)
		if (c.printedIn)
			for (const x of items)
				if (x.row[c.name] && !x.row[c.printedIn]) x.row[c.printedIn] = x.row[c.name];
	const cols = table(t)
		.columns.map((c) => c.name)
		.filter((c) => items.some((x) => c in x.row));
	const csv: CsvTable = {
		file: name,
		header: cols,
		headerLine: 1,
		rows: items.map((x) => ({ line: x.line, fields: cols.map((c) => x.row[c] ?? '') })),
		parseErrors: []
	};
	return { name, csv, error: null, encoding: null, delimiter: null };
}

/**
 * The canonical tables of the documents as import sources, one per document and table, for the
 * same normalising and checks as any CSV, plus what the reader has to say. Rows are numbered
 * 2, 3, … in each source (as a CSV's lines under its header), so that a refused row takes no
 * other with it; where a value was printed is in the trace.
 */
export function documentSources(
	inputs: readonly DocumentInput[],
	knownUnits: ReadonlySet<string> = new Set()
): {
	sources: Source[];
	notes: DocNote[];
} {
	const b = build(inputs, knownUnits);
	const sources: Source[] = [];
	for (const { file } of inputs) {
		const mine = <T extends { file: string }>(xs: readonly T[]) =>
			xs.filter((x) => x.file === file).map((x, i) => ({ ...x, line: i + 2 }));
		for (const t of [...TRACED_TABLES, 'trace'] as const) {
			const rows = mine(t === 'trace' ? b.trace : b.rows[t]);
			if (rows.length) sources.push(source(`${file} → ${t}`, t, rows));
		}
	}
	return { sources, notes: b.notes };
}
