// How much memory an import of these files takes, and whether the page checks them at once, asks first, or refuses.

/**
 * Memory per byte of input, measured (scripts/profile-import.ts, 16.6 MB of CSV): the checking worker
 * needs a JS heap of 10–12× the file size (it fails at 160 MB, runs at 200 MB), its process 33× at
 * peak; the Arrow batches, DuckDB's copy and the audit add about the file size each again.
 */
export const MEMORY_FACTOR = 25;
/** Above this the page says what it will take, and checks anyway. */
export const WARN_BYTES = 20 * 1024 * 1024;
/** Above this it asks first. */
export const ASK_BYTES = 100 * 1024 * 1024;
/**
 * Above this it refuses: a worker's V8 heap stops near 4 GB in Chromium, and 12× the file size
 * must fit in it with room to spare.
 */
export const REFUSE_BYTES = 250 * 1024 * 1024;

export interface SizeCheck {
	level: 'ok' | 'warn' | 'ask' | 'refuse';
	files: number;
	bytes: number;
	/** Estimated peak memory of the check and load, in bytes. */
	memory: number;
	factor: number;
	limit: number;
}

export function sizeCheck(files: readonly { size: number }[]): SizeCheck {
	const bytes = files.reduce((s, f) => s + f.size, 0);
	const level =
		bytes > REFUSE_BYTES
			? 'refuse'
			: bytes > ASK_BYTES
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
		limit: REFUSE_BYTES
	};
}
