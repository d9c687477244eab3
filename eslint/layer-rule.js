// The `jixiao/layers` lint rule: every import (static, dynamic, worker URL, type) points the way eslint/layers.js allows;
// and `jixiao/sql-in-place`: SQL text only in queries/ and db/.
import { statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYERS, NODE_MODULES, NODE_PACKAGES, findCycle, unknownTargets } from './layers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} path */
const isDirectory = (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * @typedef {{ kind: 'lib', folder: string }
 *   | { kind: 'lib-root', file: string }
 *   | { kind: 'routes', server: boolean }
 *   | { kind: 'scripts' } | { kind: 'test' } | { kind: 'other' }} Place
 */

/**
 * Where a file sits, from its path relative to the repository root (forward slashes).
 * @param {string} rel
 * @returns {Place}
 */
export function placeOf(rel) {
	const lib = /^src\/lib\/(.+)$/.exec(rel);
	if (lib) {
		const parts = lib[1].split('/');
		// `$lib/schema` names the folder's index; `$lib/links` a module at the root of src/lib.
		const folder = parts.length > 1 || parts[0] in LAYERS || isDirectory(resolve(ROOT, rel));
		return folder ? { kind: 'lib', folder: parts[0] } : { kind: 'lib-root', file: rel };
	}
	if (rel.startsWith('src/routes/'))
		return { kind: 'routes', server: /(^|\/)\+(page|layout)?\.?server\.(ts|js)$/.test(rel) };
	if (rel.startsWith('scripts/')) return { kind: 'scripts' };
	if (rel.startsWith('test/')) return { kind: 'test' };
	return { kind: 'other' };
}

/** @param {string} rel */
const isNodeOnly = (rel) => {
	const p = placeOf(rel);
	if (p.kind === 'scripts' || p.kind === 'test') return true;
	if (p.kind === 'routes') return p.server;
	if (p.kind === 'lib') return LAYERS[p.folder]?.node === true || NODE_MODULES.includes(rel);
	return false;
};

/** A path from the repo root with its extension as the import may omit it. @param {string} rel */
const asModule = (rel) => {
	// `db/node`, `db/node.ts` and `db/node.js` (TypeScript's ESM spelling) are the same module.
	const stem = rel.replace(/\.(js|ts)$/, '');
	return NODE_MODULES.find((m) => m === `${stem}.ts`) ?? rel;
};

/**
 * The repository path an import specifier names, or null for a package.
 * `$lib/x` is src/lib/x, `/src/x` is src/x; `./x` and `../x` are relative to the importing file;
 * `?worker`, `?url` are dropped.
 * @param {string} spec
 * @param {string} fromFile absolute path of the importing file
 * @returns {string | null}
 */
export function resolveSpecifier(spec, fromFile) {
	const bare = spec.replace(/[?#].*$/, '');
	let abs;
	if (bare === '$lib' || bare.startsWith('$lib/'))
		abs = resolve(ROOT, 'src/lib', bare.slice(4).replace(/^\/+/, ''));
	// Vite also resolves a path from the project root.
	else if (bare.startsWith('/src/')) abs = resolve(ROOT, bare.slice(1));
	else if (bare.startsWith('./') || bare.startsWith('../') || bare === '.' || bare === '..')
		abs = resolve(dirname(fromFile), bare);
	else return null;
	return asModule(relative(ROOT, abs).split(sep).join('/'));
}

/** @param {string} spec */
const isNodePackage = (spec) =>
	spec.startsWith('node:') ||
	builtinModules.includes(spec.split('/')[0]) ||
	NODE_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));

/** @param {Place} p */
const nameOf = (p) =>
	p.kind === 'lib'
		? p.folder
		: p.kind === 'routes'
			? p.server
				? 'routes (*.server.ts)'
				: 'routes'
			: p.kind === 'lib-root'
				? p.file
				: p.kind;

/**
 * Why `from` may not import `to`, or null when it may.
 * @param {string} fromRel importing file, from the repo root
 * @param {string} toRel imported module, from the repo root
 * @param {boolean} typeOnly the import brings in types only
 * @returns {{ id: string, data: Record<string, string> } | null}
 */
export function verdict(fromRel, toRel, typeOnly) {
	const from = placeOf(fromRel);
	const to = placeOf(toRel);
	if (from.kind === 'other' || to.kind === 'other') return null;
	if (from.kind === 'test') return null;
	if (from.kind === 'scripts')
		return to.kind === 'test' || to.kind === 'routes'
			? { id: 'scripts', data: { to: toRel } }
			: null;
	if (to.kind === 'scripts' || to.kind === 'test')
		return { id: 'srcToTooling', data: { from: nameOf(from), to: toRel } };
	if (!typeOnly && isNodeOnly(toRel) && !isNodeOnly(fromRel))
		return { id: 'nodeOnly', data: { from: nameOf(from), to: toRel } };
	if (from.kind === 'lib-root') return null;
	if (to.kind === 'lib-root') return { id: 'libRoot', data: { to: toRel } };
	const fromName = from.kind === 'lib' ? from.folder : 'routes';
	const toName = to.kind === 'lib' ? to.folder : 'routes';
	const layer = LAYERS[fromName];
	if (!layer) return { id: 'unknownFolder', data: { folder: `src/lib/${fromName}` } };
	if (!LAYERS[toName]) return { id: 'unknownFolder', data: { folder: `src/lib/${toName}` } };
	if (fromName === toName) return null;
	if (layer.may.includes(toName)) return null;
	if (typeOnly && layer.types?.includes(toName)) return null;
	if (from.kind === 'routes' && from.server && layer.server?.includes(toName)) return null;
	const allowed = [...layer.may];
	if (layer.types?.length) allowed.push(`types from ${layer.types.join(', ')}`);
	if (from.kind === 'routes' && from.server && layer.server?.length) allowed.push(...layer.server);
	return {
		id: 'wrongWay',
		data: {
			from: nameOf(from),
			to: toName,
			module: toRel,
			allowed: allowed.length ? allowed.join(', ') : 'nothing'
		}
	};
}

const cycle = findCycle(LAYERS);
if (cycle)
	throw new Error(`eslint/layers.js: the layers import each other in a ring: ${cycle.join(' → ')}`);
const unknown = unknownTargets(LAYERS);
if (unknown.length)
	throw new Error(`eslint/layers.js: arrows to folders not in the table: ${unknown.join(', ')}`);

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
	meta: {
		type: 'problem',
		docs: { description: 'imports point one way, as the layer table in eslint/layers.js says' },
		schema: [],
		messages: {
			wrongWay:
				'{{from}} may not import {{to}} ({{module}}); {{from}} imports only: {{allowed}} (eslint/layers.js)',
			nodeOnly:
				'{{to}} runs only in Node; {{from}} reaches the browser and may not import it (eslint/layers.js)',
			nodePackage:
				"'{{pkg}}' runs only in Node; {{from}} reaches the browser and may not import it (eslint/layers.js)",
			scripts: 'scripts/ may import src/lib and scripts/, never {{to}} (eslint/layers.js)',
			srcToTooling: '{{from}} may not import {{to}}: src/ never imports scripts/ or test/',
			libRoot:
				'{{to}} sits in no layer folder: move it into one of the folders of eslint/layers.js',
			unknownFolder: '{{folder}} is not in the layer table: add it to eslint/layers.js'
		}
	},
	create(context) {
		const file = isAbsolute(context.filename)
			? context.filename
			: resolve(context.cwd, context.filename);
		const fromRel = relative(ROOT, file).split(sep).join('/');
		const fromPlace = placeOf(fromRel);
		if (fromPlace.kind === 'other') return {};

		/**
		 * @param {import('estree').Node} node
		 * @param {string} spec
		 * @param {boolean} typeOnly
		 */
		const check = (node, spec, typeOnly) => {
			const toRel = resolveSpecifier(spec, file);
			if (toRel === null) {
				if (!typeOnly && isNodePackage(spec) && !isNodeOnly(fromRel))
					context.report({
						node,
						messageId: 'nodePackage',
						data: { pkg: spec, from: nameOf(fromPlace) }
					});
				return;
			}
			const v = verdict(fromRel, toRel, typeOnly);
			if (v) context.report({ node, messageId: v.id, data: v.data });
		};

		/** A string known when the code is read: a literal, or a template without expressions. @param {any} n */
		const staticString = (n) =>
			n?.type === 'Literal' && typeof n.value === 'string'
				? n.value
				: n?.type === 'TemplateLiteral' && n.expressions.length === 0
					? n.quasis[0].value.cooked
					: null;

		/** @param {any} node */
		const allTypes = (node) =>
			node.specifiers?.length > 0 &&
			node.specifiers.every(
				/** @param {any} s */ (s) => s.importKind === 'type' || s.exportKind === 'type'
			);

		return {
			/** @param {any} node */
			ImportDeclaration(node) {
				check(node.source, node.source.value, node.importKind === 'type' || allTypes(node));
			},
			/** @param {any} node */
			ExportNamedDeclaration(node) {
				if (node.source)
					check(node.source, node.source.value, node.exportKind === 'type' || allTypes(node));
			},
			/** @param {any} node */
			ExportAllDeclaration(node) {
				check(node.source, node.source.value, node.exportKind === 'type');
			},
			/** `await import('…')` @param {any} node */
			ImportExpression(node) {
				const spec = staticString(node.source);
				if (spec !== null) check(node.source, spec, false);
			},
			/** `typeof import('…')` in a type @param {any} node */
			TSImportType(node) {
				const arg = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
				const spec = staticString(arg);
				if (spec !== null) check(node, spec, true);
			},
			/** `new Worker(new URL('./x.worker.ts', import.meta.url))` @param {any} node */
			NewExpression(node) {
				if (node.callee.type !== 'Identifier' || node.callee.name !== 'URL') return;
				const [first, second] = node.arguments;
				const spec = staticString(first);
				const meta =
					second?.type === 'MemberExpression' &&
					second.object.type === 'MetaProperty' &&
					second.property.type === 'Identifier' &&
					second.property.name === 'url';
				if (spec !== null && meta) check(first, spec, false);
			}
		};
	}
};

/** Folders whose modules may hold SQL text: questions in queries/, DDL and writes in db/. */
export const SQL_FOLDERS = ['queries', 'db'];

/** Text that starts like a SQL statement DuckDB runs. */
const SQL_START =
	/^\s*(SELECT\s|INSERT\s+INTO\s|DELETE\s+FROM\s|UPDATE\s+\S+\s+SET\s|CREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+)?(TABLE|VIEW|INDEX)\s|DROP\s+(TABLE|VIEW)\s|ALTER\s+TABLE\s|COPY\s*\(|BEGIN(\s+TRANSACTION)?\s*;?\s*$|COMMIT\s*;?\s*$|ROLLBACK\s*;?\s*$|WITH\s+\w+\s+AS\s*\()/;

/** @type {import('eslint').Rule.RuleModule} */
export const sqlPlaceRule = {
	meta: {
		type: 'problem',
		docs: {
			description: 'SQL text only in src/lib/queries (questions) and src/lib/db (DDL, writes)'
		},
		schema: [],
		messages: {
			sql: 'SQL belongs in src/lib/queries (a question) or src/lib/db (DDL, writes), not in {{place}}: add a function there and call it'
		}
	},
	create(context) {
		const file = isAbsolute(context.filename)
			? context.filename
			: resolve(context.cwd, context.filename);
		const rel = relative(ROOT, file).split(sep).join('/');
		const p = placeOf(rel);
		if (p.kind !== 'lib' && p.kind !== 'routes' && p.kind !== 'lib-root') return {};
		if (p.kind === 'lib' && SQL_FOLDERS.includes(p.folder)) return {};
		/** @param {import('estree').Node} node @param {string} text */
		const check = (node, text) => {
			if (SQL_START.test(text))
				context.report({ node, messageId: 'sql', data: { place: nameOf(p) } });
		};
		return {
			/** @param {any} node */
			Literal(node) {
				if (typeof node.value === 'string') check(node, node.value);
			},
			/** @param {any} node */
			TemplateLiteral(node) {
				check(node, node.quasis[0].value.cooked ?? '');
			}
		};
	}
};

export default { rules: { layers: layersRule, 'sql-in-place': sqlPlaceRule } };
