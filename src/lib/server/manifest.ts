// The built dataset's manifest.json, read at prerender from the folder the site's data was built into.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../db/manifest';
import { dataDir } from './dataset';

export function readManifest(): Manifest {
	return JSON.parse(readFileSync(join(dataDir(), 'manifest.json'), 'utf8')) as Manifest;
}
