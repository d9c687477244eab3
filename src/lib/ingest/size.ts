// How much memory an import of these files takes, and whether the page checks them at once, asks first, or refuses.

/**
 * Memory per byte of input, measured on 16.6 MB of CSV (scripts/profile-import.ts): the checking
 * worker needs a JS heap of 10–12× the file size (Node fails with a 160 MB heap, runs with 200 MB),
 * and its process peaks at 33×; with the Arrow batches, DuckDB's copy and the audit, the tab as a
 * whole takes about 25×.
 */
export const HEAP_FACTOR = 12;
export const MEMORY_FACTOR = 25;
/** Above this the page says what the files will take, and checks them anyway. */
export const WARN_BYTES = 20 * 1024 * 1024;
/**
 * A worker's heap is capped like the page's (performance.memory.jsHeapSizeLimit in Chromium:
 * 3.76 GB here, 386 MB under --max-old-space-size=256). Running out of it kills the whole tab
 * without a message, so the page asks once the worker's need passes ASK_SHARE of the cap and
 * refuses past REFUSE_SHARE (about 110 and 235 MB of CSV with the default cap).
 */
export const ASK_SHARE = 0.35;
export const REFUSE_SHARE = 0.75;
/** The cap assumed where the browser does not say (Firefox, Safari). */
export const DEFAULT_HEAP_LIMIT = 2 * 1024 * 1024 * 1024;

export interface SizeCheck {
	level: 'ok' | 'warn' | 'ask' | 'refuse';
	files: number;
	bytes: number;
	/** Estimated peak memory of the check and load, in bytes. */
	memory: number;
	factor: number;
	/** The largest input accepted, in bytes, and the JS heap cap it follows from. */
	limit: number;
	heapLimit: number;
}

/** The JS heap cap of this browser, where it says (Chromium). */
export function heapLimit(): number {
	const m = (globalThis.performance as { memory?: { jsHeapSizeLimit?: number } } | undefined)
		?.memory;
	return m?.jsHeapSizeLimit ?? DEFAULT_HEAP_LIMIT;
}

export function sizeCheck(files: readonly { size: number }[], heap = heapLimit()): SizeCheck {
	const bytes = files.reduce((s, f) => s + f.size, 0);
	const need = bytes * HEAP_FACTOR;
	const level =
		need > heap * REFUSE_SHARE
			? 'refuse'
			: need > heap * ASK_SHARE
				? 'ask'
				: bytes > WARN_BYTES
					? 'warn'
					: 'ok';
	return {
		level,
		files: files.length,
		bytes,
		memory: bytes * MEMORY_FACTOR,
		factor: MEMORY_FACTOR,
		limit: (heap * REFUSE_SHARE) / HEAP_FACTOR,
		heapLimit: heap
	};
}
