// The import error catalogue on the command-line path: the import code in Node, and `npm run validate`'s main (exit code, counts, messages).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importAnyFiles } from '../../src/lib/ingest/sources';
import type { ImportResult } from '../../src/lib/ingest/pipeline';
import { main as validateMain } from '../../scripts/validate';
import { CATALOGUE, type CatalogueCase, type ExpectedMessage } from '../fixtures/import-errors';
import { runMain } from '../helpers/cli';

interface Reported {
	file: string;
	line: number | null;
	column: string | null;
	rule?: string;
	message: { zh: string; en: string };
}

/** Every expected message matches one reported message, and nothing else was reported. */
function expectMessages(got: readonly Reported[], want: readonly ExpectedMessage[]) {
	const left = [...got];
	for (const w of want) {
		const i = left.findIndex(
			(g) =>
				(w.file === undefined || g.file === w.file) &&
				g.line === w.line &&
				(g.column ?? null) === w.column &&
				(w.rule === undefined || g.rule === w.rule) &&
				g.message.zh.includes(w.zh) &&
				g.message.en.includes(w.en)
		);
		expect(
			i,
			`expected ${JSON.stringify(w)} in ${JSON.stringify(got, null, 1)}`
		).toBeGreaterThanOrEqual(0);
		left.splice(i, 1);
	}
	expect(left, 'messages nobody expected').toEqual([]);
}

function totals(r: ImportResult) {
	const sum = (k: 'read' | 'accepted' | 'rejected') =>
		r.report.tables.reduce((s, t) => s + t[k], 0);
	return { read: sum('read'), accepted: sum('accepted'), rejected: sum('rejected') };
}

describe('import error catalogue: the import code', () => {
	it.each(CATALOGUE.map((c) => [c.id, c] as const))('%s', async (_, c: CatalogueCase) => {
		const r = await importAnyFiles(c.files, { defaults: c.defaults });
		expect(totals(r)).toEqual({ read: c.read, accepted: c.accepted, rejected: c.rejected });
		expect(r.report.ok).toBe(c.errors.length === 0);
		expectMessages(r.report.issues, c.errors);
		expectMessages(
			r.warnings.map((w) => ({ ...w, rule: undefined })),
			c.warnings
		);
		const loaded = [...r.rows.values()].reduce((s, x) => s + x.length, 0);
		expect(loaded).toBe(c.accepted);
		if (c.encoding) expect(r.files[0].encoding).toBe(c.encoding);
		for (const v of c.values ?? []) {
			const row = r.rows.get(v.table)?.find((x) => x.line === v.line);
			expect(row, `${v.table} line ${v.line}`).toBeDefined();
			expect(row!.values[v.column] ?? null).toBe(v.value);
		}
	});
});

describe('import error catalogue: npm run validate', () => {
	const dir = mkdtempSync(join(tmpdir(), 'jixiao-cat-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const validate = async (c: CatalogueCase, lang: 'zh' | 'en') => {
		const paths = c.files.map((f) => {
			const p = join(dir, `${c.id}-${f.name}`);
			writeFileSync(p, f.bytes);
			return p;
		});
		return runMain(validateMain, [
			'--lang',
			lang,
			...Object.entries(c.defaults ?? {}).flatMap(([k, v]) => [`--${k}`, v]),
			...paths
		]);
	};

	it.each(CATALOGUE.map((c) => [c.id, c] as const))('%s', async (_, c: CatalogueCase) => {
		const en = await validate(c, 'en');
		expect(en.code).toBe(c.errors.length === 0 ? 0 : 1);
		const counts = [...en.stdout.matchAll(/read (\d+) = accepted (\d+) \+ rejected (\d+)/g)].reduce(
			(s, m) => ({
				read: s.read + Number(m[1]),
				accepted: s.accepted + Number(m[2]),
				rejected: s.rejected + Number(m[3])
			}),
			{ read: 0, accepted: 0, rejected: 0 }
		);
		expect(counts).toEqual({ read: c.read, accepted: c.accepted, rejected: c.rejected });
		const lines = en.stdout.split('\n');
		for (const m of [...c.errors, ...c.warnings]) {
			const at = m.line === null ? null : new RegExp(`:${m.line}(?!\\d)`);
			const line = lines.find((l) => l.includes(m.en) && (at === null || at.test(l)));
			expect(line, `${m.en} in\n${en.stdout}`).toBeDefined();
		}
		// Nothing else was reported.
		const count = (re: RegExp) => Number(re.exec(en.stdout)?.[1] ?? 0);
		expect(count(/^(\d+) error\(s\):$/m)).toBe(c.errors.length);
		expect(count(/^(\d+) warning\(s\) \(value kept\):$/m)).toBe(c.warnings.length);
		const verdict = en.stdout.trim().split('\n').pop()!;
		if (c.errors.length) expect(verdict).toMatch(/^FAILED: /);
		else
			expect(verdict).toBe(
				`OK: ${c.read} row(s) read, every row accepted${c.warnings.length ? `; ${c.warnings.length} warning(s) to check` : ''}`
			);
	});

	it('refuses a file without provenance when no --provenance is given, and says to pass it', async () => {
		const c = CATALOGUE.find((x) => x.id === 'provenance-default')!;
		const en = await validate({ ...c, defaults: undefined }, 'en');
		expect(en.code).toBe(1);
		expect(en.stdout).toContain('required column provenance (数据来源性质) is missing');
		expect(en.stdout).toContain('pass --provenance published|synthetic');
		expect(en.stdout.trim().split('\n').pop()).toMatch(/^FAILED: /);
	});

	it('speaks Chinese with --lang zh', async () => {
		const c = CATALOGUE.find((x) => x.id === 'percent-as-money')!;
		const zh = await validate(c, 'zh');
		expect(zh.code).toBe(1);
		expect(zh.stdout).toContain('读取 1 = 接受 0 + 拒绝 1');
		expect(zh.stdout).toContain('是以万元计的金额');
		expect(zh.stdout.trim().split('\n').pop()).toMatch(/^未通过：错误 1 条/);
	});
});
