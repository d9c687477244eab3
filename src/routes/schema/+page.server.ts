// The data format page: generated from the schema, with the built files to download.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '$lib/build/manifest';

export function load() {
	const dir = process.env.JIXIAO_DATA_DIR ?? 'static/data';
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
	return { manifest };
}
