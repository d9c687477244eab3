// The build's gzip for the files the browser inflates itself (the partitions, the search index): fflate's, at level 6, with no timestamp; on the main thread or in a worker thread.
import { Worker } from 'node:worker_threads';
import { gzipSync, type GzipOptions } from 'fflate';

/**
 * Node's own zlib (Chromium's fork) wrote the partitions' Arrow files 16–26% larger at any level,
 * measured on a 4,000-unit build's year and unit files; fflate takes about three times as long.
 * No timestamp: the same data gives the same bytes.
 */
const OPTIONS: GzipOptions = { level: 6, mtime: 0 };

export const gzipStored = (bytes: Uint8Array): Uint8Array => gzipSync(bytes, OPTIONS);

/** `gzipStored` in a worker thread, so that compressing overlaps the build's own work. */
export interface GzipWorker {
	gzip(bytes: Uint8Array): Promise<Uint8Array>;
	close(): Promise<void>;
}

export function gzipWorker(): GzipWorker {
	const worker = new Worker(new URL('./gzip-worker.mjs', import.meta.url));
	const waiting = new Map<
		number,
		{ resolve: (gz: Uint8Array) => void; reject: (e: Error) => void }
	>();
	let next = 0;
	/** Why the worker stopped: later calls fail at once rather than wait for it. */
	let dead: Error | null = null;
	const failAll = (e: Error) => {
		dead ??= e;
		for (const w of waiting.values()) w.reject(e);
		waiting.clear();
	};
	worker.on('message', (m: { id: number; gz?: Uint8Array; error?: string }) => {
		const w = waiting.get(m.id);
		waiting.delete(m.id);
		if (m.gz) w?.resolve(m.gz);
		else w?.reject(new Error(`gzip: ${m.error}`));
	});
	worker.on('error', failAll);
	worker.on('exit', (code) => failAll(new Error(`gzip worker stopped (exit ${code})`)));
	return {
		gzip(bytes) {
			return new Promise((resolve, reject) => {
				if (dead) return reject(dead);
				const id = next++;
				waiting.set(id, { resolve, reject });
				worker.postMessage({ id, bytes, options: OPTIONS });
			});
		},
		async close() {
			await worker.terminate();
		}
	};
}
