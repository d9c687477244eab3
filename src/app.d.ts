// Ambient types for SvelteKit.
declare global {
	namespace App {
		interface PageState {
			/** Year shown by the overview after an in-browser (DuckDB) query. */
			year?: number;
		}
	}
}

export {};
