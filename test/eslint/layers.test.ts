// The layer lint rule: a wrong-way import fails, a right-way one passes, in every form an import takes.
import { RuleTester } from 'eslint';
import { join } from 'node:path';
import svelte from 'eslint-plugin-svelte';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layersRule, resolveSpecifier, sqlPlaceRule, verdict } from '../../eslint/layer-rule.js';
import { LAYERS, findCycle, type Layer } from '../../eslint/layers.js';
import { ROOT } from '../helpers/data';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
	languageOptions: { parser: ts.parser, ecmaVersion: 2022, sourceType: 'module' }
});

/** A file of the repository, by its path from the root (it need not exist). */
const at = (rel: string) => join(ROOT, rel);
const ok = (filename: string, code: string) => ({ filename: at(filename), code });
const bad = (filename: string, code: string, messageId: string) => ({
	filename: at(filename),
	code,
	errors: [{ messageId }]
});

tester.run('jixiao/layers', layersRule, {
	valid: [
		// Down the table: queries → db, schema; a folder → itself.
		ok('src/lib/queries/x.ts', "import { sqlString } from '../db/sql';"),
		ok('src/lib/queries/x.ts', "import { TABLES } from '$lib/schema';"),
		ok('src/lib/queries/x.ts', "import { query } from './query';"),
		// Types only may reach a listed type folder.
		ok('src/lib/charts/x.ts', "import type { TrendRow } from '$lib/queries/trends';"),
		ok('src/lib/charts/x.ts', "import { type TrendRow } from '../queries/trends';"),
		ok('src/lib/components/x.ts', "type R = typeof import('$lib/queries/unit').unitList;"),
		ok('src/lib/charts/x.ts', "export type { TrendRow } from '$lib/queries/trends';"),
		// The orchestration sits above both importers.
		ok('src/lib/dataset/x.ts', "const m = await import('../documents/in-import');"),
		ok('src/lib/dataset/x.ts', "new Worker(new URL('./import.worker.ts', import.meta.url));"),
		// Node-only code may use Node and the Node-only modules.
		ok('src/lib/build/x.ts', "import { NodeConnector } from '../db/node';"),
		ok('src/lib/build/x.ts', "import { readFileSync } from 'node:fs';"),
		ok('src/routes/x/+page.server.ts', "import { dataset } from '$lib/server/dataset';"),
		ok('src/routes/x/+page.server.ts', "import { readFileSync } from 'node:fs';"),
		// A type from a Node-only module reaches no browser.
		ok('src/lib/db/x.ts', "import type { NodeConnector } from './node';"),
		// Scripts use src/lib and each other; tests use anything.
		ok('scripts/x.ts', "import { buildData } from '../src/lib/build/build-data';"),
		ok('scripts/x.ts', "import { launch } from './lib/chromium';"),
		ok('test/unit/x.ts', "import { launch } from '../../scripts/lib/chromium';"),
		ok('test/unit/x.ts', "import { NodeConnector } from '../../src/lib/db/node';"),
		// Packages are not layers (except Node's).
		ok('src/lib/charts/x.ts', "import * as echarts from 'echarts';"),
		ok('src/lib/db/x.ts', "import wasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';")
	],
	invalid: [
		// Up the table: the examples the issue names.
		bad('src/lib/ingest/x.ts', "import { runAudit } from '../audit';", 'wrongWay'),
		bad('src/lib/ingest/x.ts', "import { run } from '$lib/queries/query';", 'wrongWay'),
		bad('src/lib/schema/x.ts', "import type { CsvTable } from '../ingest/csv';", 'wrongWay'),
		bad('src/lib/db/x.ts', "import { unitList } from '../queries/unit';", 'wrongWay'),
		bad('src/lib/audit/x.ts', "import { run } from '$lib/queries/query';", 'wrongWay'),
		bad('src/lib/audit/x.ts', "import { grade } from '../format/number';", 'wrongWay'),
		bad(
			'src/lib/ingest/x.ts',
			"import { documentFormat } from '../documents/formats';",
			'wrongWay'
		),
		bad(
			'src/lib/components/x.svelte.ts',
			"import { duck } from '$lib/db/client.svelte';",
			'wrongWay'
		),
		// A type folder is for types only.
		bad('src/lib/charts/x.ts', "import { trendsData } from '$lib/queries/trends';", 'wrongWay'),
		bad('src/lib/charts/x.ts', "import { type A, b } from '$lib/queries/trends';", 'wrongWay'),
		// Re-exports, dynamic imports and worker URLs are imports too.
		bad('src/lib/db/x.ts', "export { run } from '../queries/query';", 'wrongWay'),
		bad('src/lib/db/x.ts', "export * from '../queries/query';", 'wrongWay'),
		bad('src/lib/ingest/x.ts', "const m = await import('../documents/in-import');", 'wrongWay'),
		bad('src/lib/ingest/x.ts', 'const m = await import(`../documents/in-import`);', 'wrongWay'),
		bad(
			'src/lib/ingest/x.ts',
			"new Worker(new URL('../documents/x.worker.ts', import.meta.url));",
			'wrongWay'
		),
		bad('src/lib/charts/x.ts', "import W from '../ingest/x.worker?worker';", 'wrongWay'),
		// Node-only modules and packages never reach the browser.
		bad('src/lib/db/x.ts', "import { NodeConnector } from './node';", 'nodeOnly'),
		bad('src/lib/queries/x.ts', "import { openBuiltDataset } from '../db/node';", 'nodeOnly'),
		bad('src/lib/views/x.ts', "import { buildData } from '$lib/build/build-data';", 'nodeOnly'),
		bad('src/routes/x/+page.ts', "import { dataset } from '$lib/server/dataset';", 'nodeOnly'),
		bad('src/lib/ingest/x.ts', "import { readFileSync } from 'node:fs';", 'nodePackage'),
		bad('src/lib/db/x.ts', "import { DuckDBInstance } from '@duckdb/node-api';", 'nodePackage'),
		// A route's server file reaches views and server/, not queries.
		bad('src/routes/x/+page.server.ts', "import { run } from '$lib/queries/query';", 'wrongWay'),
		// Scripts never import tests; src never imports scripts or tests.
		bad('scripts/x.ts', "import { launch } from '../test/browser/chromium';", 'scripts'),
		bad('src/lib/demo/x.ts', "import { ROOT } from '../../../test/helpers/data';", 'srcToTooling'),
		// A module must sit in a layer folder; a new folder must join the table.
		bad('src/lib/components/x.ts', "import { unitHref } from '$lib/links';", 'libRoot'),
		bad('src/lib/widgets/x.ts', "import { TABLES } from '$lib/schema';", 'unknownFolder')
	]
});

// The rule also reads the imports of Svelte components (with the parser the lint config uses for them).
const svelteParser = svelte.configs.base.find((c) => c.files?.includes('**/*.svelte'))!
	.languageOptions!.parser;
new RuleTester({
	languageOptions: { parser: svelteParser, parserOptions: { parser: ts.parser } }
}).run('jixiao/layers in .svelte', layersRule, {
	valid: [
		ok(
			'src/lib/components/X.svelte',
			'<script lang="ts">import { money } from \'$lib/format/number\';</script>'
		)
	],
	invalid: [
		bad(
			'src/lib/components/X.svelte',
			'<script lang="ts">import { run } from \'$lib/queries/query\';</script>',
			'wrongWay'
		)
	]
});

// SQL text sits in queries/ (questions) and db/ (DDL and writes), nowhere else in src.
tester.run('jixiao/sql-in-place', sqlPlaceRule, {
	valid: [
		ok('src/lib/queries/x.ts', 'const q = `SELECT year FROM evaluations WHERE unit_id = ${u}`;'),
		ok('src/lib/db/x.ts', "const s = 'DELETE FROM audit_flags';"),
		ok('src/lib/db/x.ts', "await db.exec('BEGIN TRANSACTION');"),
		ok('src/lib/views/x.ts', "const label = 'Select a unit';"),
		ok('src/lib/views/x.ts', "const zh = '选择单位（SELECT）';"),
		ok('src/lib/dataset/x.ts', 'await db.exec(deleteAllSql(t.name));'),
		ok('test/unit/x.ts', "await db.query('SELECT count(*) AS n FROM units');"),
		ok('scripts/x.ts', "await db.query('SELECT 1');")
	],
	invalid: [
		bad(
			'src/routes/x/+page.server.ts',
			"run(db, query('SELECT DISTINCT unit_id FROM evaluations'));",
			'sql'
		),
		bad('src/lib/audit/x.ts', 'const q = `SELECT ${cols} FROM evaluations`;', 'sql'),
		bad('src/lib/dataset/x.ts', "await db.exec('DELETE FROM units');", 'sql'),
		bad('src/lib/export/x.ts', 'const q = `\n\tINSERT INTO t SELECT 1`;', 'sql'),
		bad('src/lib/components/x.ts', "await db.exec('COMMIT');", 'sql'),
		bad('src/lib/build/x.ts', 'await db.exec(`COPY (SELECT 1) TO ${p}`);', 'sql')
	]
});

describe('the layer table', () => {
	it('has no ring: no two folders can import each other, directly or around a cycle', () => {
		expect(findCycle(LAYERS)).toBeNull();
	});

	it('finds a ring when one is added', () => {
		const ring: Record<string, Layer> = {
			...LAYERS,
			db: { may: ['schema', 'queries'] }
		};
		expect(findCycle(ring)).toEqual(['db', 'queries', 'db']);
		expect(
			findCycle({ a: { may: [] }, b: { may: ['a'], types: ['c'] }, c: { may: ['b'] } })
		).toEqual(['b', 'c', 'b']);
	});

	it('resolves $lib, relative paths and worker suffixes to a file of the repository', () => {
		const from = at('src/lib/ingest/run.ts');
		expect(resolveSpecifier('$lib/db/node', from)).toBe('src/lib/db/node.ts');
		expect(resolveSpecifier('../db/node', from)).toBe('src/lib/db/node.ts');
		expect(resolveSpecifier('./import.worker.ts?worker', from)).toBe(
			'src/lib/ingest/import.worker.ts'
		);
		expect(resolveSpecifier('$lib/schema', from)).toBe('src/lib/schema');
		expect(resolveSpecifier('apache-arrow', from)).toBeNull();
		expect(resolveSpecifier('$app/paths', from)).toBeNull();
	});

	it('resolves the spellings that name the same module: .js for .ts, a doubled slash, a root path', () => {
		const from = at('src/lib/views/x.ts');
		expect(resolveSpecifier('$lib/db/node.js', from)).toBe('src/lib/db/node.ts');
		expect(resolveSpecifier('$lib//queries/unit', from)).toBe('src/lib/queries/unit');
		expect(resolveSpecifier('/src/lib/queries/unit', from)).toBe('src/lib/queries/unit');
		expect(verdict('src/lib/components/x.ts', '/src/lib/queries/unit'.slice(1), false)?.id).toBe(
			'wrongWay'
		);
	});

	it('judges a folder index as its folder', () => {
		expect(verdict('src/lib/queries/a.ts', 'src/lib/audit', true)).toBeNull();
		expect(verdict('src/lib/audit/a.ts', 'src/lib/queries', false)?.id).toBe('wrongWay');
	});
});
