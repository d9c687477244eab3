// Newest wins: when queries overlap, only the last one asked may show its answer or its failure.

export interface NewestWins {
	/**
	 * Runs `work`; `apply` gets its value and `fail` its error only if no newer run (or reset) came
	 * since. Never rejects: an older answer or failure is dropped.
	 */
	run<T>(
		work: () => Promise<T>,
		apply: (value: T) => void,
		fail: (error: unknown) => void
	): Promise<void>;
	/** Drops every pending answer (the page shows something that needs no query). */
	reset(): void;
}

export function newestWins(): NewestWins {
	let latest = 0;
	return {
		async run<T>(
			work: () => Promise<T>,
			apply: (value: T) => void,
			fail: (error: unknown) => void
		): Promise<void> {
			const id = ++latest;
			let value: T;
			try {
				value = await work();
			} catch (e) {
				if (id === latest) fail(e);
				return;
			}
			if (id === latest) apply(value);
		},
		reset() {
			latest++;
		}
	};
}

/** The text of an error, as thrown (DuckDB's message, or a string). */
export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
