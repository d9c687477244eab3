// The built site's size, file count and page count by kind, and how they compare with static hosts' limits.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** What a file of the site is, by its path (relative to the site's root, '/'-separated). */
export type FileKind =
	'html' | 'page-data' | 'js' | 'css' | 'wasm' | 'data' | 'precompressed' | 'other';

export const FILE_KINDS: readonly FileKind[] = [
	'html',
	'page-data',
	'js',
	'css',
	'wasm',
	'data',
	'precompressed',
	'other'
];

/**
 * html: a page; page-data: SvelteKit's __data.json beside it; data: the dataset under data/
 * (Arrow, Parquet, CSV, manifest, and what it stores gzipped: the partitions, a long table's
 * .csv.gz, the search index); precompressed: a .br or .gz written beside another file
 * (`npm run precompress`; `besideAnother` tells one under data/ from the data's own).
 * Also takes a URL's path (a directory path '/x/' is its index.html).
 */
export function fileKind(path: string, besideAnother = false): FileKind {
	const p = path.replace(/^\/+/, '');
	if (/\.(br|gz)$/.test(p) && (besideAnother || !p.startsWith('data/'))) return 'precompressed';
	if (p === '' || p.endsWith('/') || p.endsWith('.html')) return 'html';
	if (p.endsWith('__data.json')) return 'page-data';
	if (p.endsWith('.wasm')) return 'wasm';
	if (/\.m?js$/.test(p)) return 'js';
	if (p.endsWith('.css')) return 'css';
	if (p.startsWith('data/')) return 'data';
	return 'other';
}

export interface SiteReport {
	bytes: number;
	files: number;
	/** HTML pages (files ending .html). */
	pages: number;
	byKind: Record<FileKind, { files: number; bytes: number }>;
	/** The largest files, largest first (paths relative to the site, '/'-separated). */
	largest: { path: string; bytes: number }[];
}

/** Walks `dir` (the built site) and sums its files; keeps the `largest` biggest. */
export async function siteReport(dir: string, largest = 8): Promise<SiteReport> {
	const byKind = Object.fromEntries(FILE_KINDS.map((k) => [k, { files: 0, bytes: 0 }])) as Record<
		FileKind,
		{ files: number; bytes: number }
	>;
	const top: { path: string; bytes: number }[] = [];
	let bytes = 0;
	let files = 0;
	const walk = async (d: string): Promise<void> => {
		for (const e of await readdir(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) {
				await walk(p);
				continue;
			}
			if (!e.isFile()) continue;
			const size = (await stat(p)).size;
			const rel = relative(dir, p).split(sep).join('/');
			const beside = /\.(br|gz)$/.test(p) && existsSync(p.slice(0, p.lastIndexOf('.')));
			const k = byKind[fileKind(rel, beside)];
			k.files++;
			k.bytes += size;
			bytes += size;
			files++;
			if (largest > 0 && (top.length < largest || size > top[top.length - 1].bytes)) {
				top.push({ path: rel, bytes: size });
				top.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
				if (top.length > largest) top.pop();
			}
		}
	};
	await walk(dir);
	return { bytes, files, pages: byKind.html.files, byKind, largest: top };
}

/** A static host's limit on a site: on its total bytes, its file count, or any one file's bytes. */
export interface HostLimit {
	host: string;
	on: 'bytes' | 'files' | 'file-bytes';
	limit: number;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** As the hosts document them (2026): GitHub Pages' published site, Cloudflare Pages' free plan. */
export const HOST_LIMITS: readonly HostLimit[] = [
	{ host: 'GitHub Pages', on: 'bytes', limit: GB },
	{ host: 'Cloudflare Pages', on: 'files', limit: 20_000 },
	{ host: 'Cloudflare Pages', on: 'file-bytes', limit: 25 * MB }
];

/** How much of each limit the site uses (1 = at the limit), highest first. */
export function limitUse(r: SiteReport): { limit: HostLimit; used: number; share: number }[] {
	const biggest = r.largest[0]?.bytes ?? 0;
	return HOST_LIMITS.map((limit) => {
		const used = limit.on === 'bytes' ? r.bytes : limit.on === 'files' ? r.files : biggest;
		return { limit, used, share: used / limit.limit };
	}).sort((a, b) => b.share - a.share);
}

export const mb = (x: number) => `${(x / MB).toFixed(1)} MB`;

/** A limit's size as the hosts state it (1 GB, 25 MB: binary units). */
const round = (x: number) => (x >= GB ? `${x / GB} GB` : `${x / MB} MB`);

const describe = (l: HostLimit) =>
	l.on === 'bytes'
		? `${l.host}: ${round(l.limit)} per site`
		: l.on === 'files'
			? `${l.host}: ${l.limit.toLocaleString('en')} files per site`
			: `${l.host}: ${round(l.limit)} per file`;

const shown = (l: HostLimit, used: number) =>
	l.on === 'files' ? used.toLocaleString('en') + ' files' : mb(used);

/** The report as lines for a terminal. */
export function reportLines(r: SiteReport): string[] {
	const lines = [
		`site: ${mb(r.bytes)} in ${r.files.toLocaleString('en')} files, ${r.pages.toLocaleString('en')} HTML pages`
	];
	for (const k of FILE_KINDS) {
		const { files, bytes } = r.byKind[k];
		if (files > 0)
			lines.push(`  ${k.padEnd(14)} ${String(files).padStart(7)} files ${mb(bytes).padStart(11)}`);
	}
	if (r.largest.length > 0) {
		lines.push('  largest files:');
		for (const f of r.largest) lines.push(`    ${mb(f.bytes).padStart(11)}  ${f.path}`);
	}
	const uses = limitUse(r);
	lines.push('  host limits:');
	for (const { limit, used, share } of uses)
		lines.push(
			`    ${describe(limit).padEnd(40)} ${shown(limit, used).padStart(14)}  ${(share * 100).toFixed(0).padStart(4)} %${share > 1 ? '  OVER' : ''}`
		);
	const [closest] = uses;
	lines.push(
		`  closest limit: ${describe(closest.limit)} (${(closest.share * 100).toFixed(0)} % used)`
	);
	return lines;
}
