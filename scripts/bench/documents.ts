// Benchmark: reading the reference document in each format (Node), and the bytes the document readers add to the build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { kb, median, ms, type BenchOptions } from './lib';

/** Reading the reference document in each format (Node): first read (loads the reader), then medians; and the reader chunks' bytes in the build. */
export async function benchDocuments(opts: BenchOptions) {
	const { readDocument } = await import('../../src/lib/documents/read');
	const { importDocuments } = await import('../../src/lib/documents/import');
	const files = [
		'test/fixtures/hunan-zhuzhou-lukou-jiwei-2023.txt',
		'test/fixtures/documents/lukou-2023.html',
		'test/fixtures/documents/lukou-2023-gbk.html',
		'test/fixtures/documents/lukou-2023.docx',
		'test/fixtures/documents/lukou-2023.xlsx',
		'test/fixtures/documents/lukou-2023.pdf'
	];
	console.log(
		`\nReading the reference document (Node, read + recognise + canonical rows; first run loads the reader, then median of ${opts.runs})`
	);
	console.log(
		`  ${'file'.padEnd(36)} ${'bytes'.padStart(9)} ${'first'.padStart(10)} ${'median'.padStart(10)}  forms  rows`
	);
	for (const path of files) {
		const bytes = new Uint8Array(readFileSync(path));
		const name = path.split('/').pop()!;
		const unit = { unit_id: 'u1', provenance: 'published' as const };
		const once = async () => {
			const t0 = performance.now();
			const read = await readDocument({ name, bytes });
			const imp = importDocuments([{ read, unit }]);
			return { ms: performance.now() - t0, read, imp };
		};
		const first = await once();
		const xs: number[] = [];
		for (let i = 0; i < opts.runs; i++) xs.push((await once()).ms);
		const rows = [...first.imp.result.rows.values()].reduce((n, r) => n + r.length, 0);
		console.log(
			`  ${name.padEnd(36)} ${String(bytes.length).padStart(9)} ${ms(first.ms)} ${ms(median(xs))}  ${String(first.read.recognised?.forms.length ?? 0).padStart(5)} ${String(rows).padStart(5)}`
		);
	}
	documentChunks();
}

/**
 * The bytes the document readers add, from the built import worker's own import graph: the chunks
 * it fetches only when a document is dropped (its dynamic imports), each reader's on top of the
 * core. The page chunks and the worker itself hold none of it (the browser tests check that).
 */
function documentChunks() {
	const dir = 'build/_app/immutable/workers';
	const entry = existsSync(dir)
		? readdirSync(dir).find((f) => /^import\.worker-.*\.js$/.test(f))
		: undefined;
	if (!entry) return console.log('  (no build: run npm run build for the reader chunks)');
	const code = (f: string) => readFileSync(join(dir, f), 'utf8');
	const deps = (f: string, kind: 'static' | 'dynamic') => {
		const re =
			kind === 'dynamic'
				? /import\(\s*[`'"]\.\/(?:chunks\/)?([\w-]+\.js)[`'"]\s*\)/g
				: /(?:from|import)\s*["']\.\/(?:chunks\/)?([\w-]+\.js)["']/g;
		const base = f.includes('/') ? '' : 'chunks/';
		return [...code(f).matchAll(re)].map((m) =>
			f.startsWith('chunks/') || base ? `chunks/${m[1]}` : m[1]
		);
	};
	const closure = (roots: string[], dynamic = false, stop: ReadonlySet<string> = new Set()) => {
		const seen = new Set<string>();
		const stack = [...roots];
		while (stack.length) {
			const f = stack.pop()!;
			if (seen.has(f) || stop.has(f) || !existsSync(join(dir, f))) continue;
			seen.add(f);
			stack.push(...deps(f, 'static'), ...(dynamic ? deps(f, 'dynamic') : []));
		}
		return seen;
	};
	const size = (files: Iterable<string>) => {
		let raw = 0;
		let br = 0;
		for (const f of files) {
			const b = readFileSync(join(dir, f));
			raw += b.length;
			br += brotliCompressSync(b).length;
		}
		return `${kb(raw)} raw ${kb(br)} brotli`;
	};
	const worker = closure([entry]);
	const coreRoots = deps(entry, 'dynamic');
	const core = new Set([...closure(coreRoots)].filter((f) => !worker.has(f)));
	console.log(
		`\nDocument readers in the build: the import worker (${size(worker)}) holds none of them; a dropped document fetches`
	);
	console.log(`  core: recogniser, tables, text reader   ${size(core)}`);
	// Each reader's chunks, by a word only its code has (the XML readers each count htmlparser2, which they share).
	const label: [RegExp, string][] = [
		[/getOperatorList/, 'PDF reader with pdf.js'],
		[/空段落/, 'text reader'],
		[/gridSpan/, 'DOCX reader (+ htmlparser2)'],
		[/mergeCell/, 'XLSX form reader (+ htmlparser2)'],
		[/charset/, 'HTML reader (+ htmlparser2)']
	];
	for (const f of [...core].flatMap((c) => deps(c, 'dynamic'))) {
		const own = [...closure([f], true, new Set([...core, ...worker]))];
		const text = own.map(code).join('\n');
		const name = label.find(([re]) => re.test(text))?.[1] ?? f;
		console.log(`  + ${name.padEnd(36)} ${size(own)}`);
	}
}
