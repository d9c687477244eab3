// Vitest global setup: builds the bundled data (data/sample + data/demo) once per run, for every test file to open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildData } from '../../src/lib/build/build-data';
import { formatIssue } from '../../src/lib/schema';
import { ROOT } from './data';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The folder buildData wrote the bundled dataset into (manifest.json, Arrow, download/). */
		bundledDir: string;
	}
}

export default async function setup(project: TestProject): Promise<() => void> {
	const dir = mkdtempSync(join(tmpdir(), 'jixiao-bundled-'));
	const { report } = await buildData({
		dataDirs: [join(ROOT, 'data/sample'), join(ROOT, 'data/demo')],
		outDir: join(dir, 'out')
	});
	if (!report.ok)
		throw new Error(
			`the bundled data failed validation:\n${report.issues.map((i) => formatIssue(i)).join('\n')}`
		);
	project.provide('bundledDir', join(dir, 'out'));
	return () => rmSync(dir, { recursive: true, force: true });
}
