// What the loaded data holds (years, units), queried again whenever imported data replaces it.
import { unitList, type UnitListRow } from '../queries/unit';
import { years } from '../queries/overview';
import { run } from '../queries/query';
import { duck } from './db.svelte';

class Loaded {
	/** Null while the published (prerendered) data is shown. */
	years: number[] | null = $state.raw(null);
	units: UnitListRow[] | null = $state.raw(null);
	private generation = 0;

	/** Call from an effect: refreshes after each import. */
	track(): void {
		const g = duck.generation;
		const db = duck.db;
		if (g === 0 || g === this.generation || !db) return;
		this.generation = g;
		run(db, years()).then((ys) => (this.years = ys.map((y) => y.year)));
		run(db, unitList()).then((us) => (this.units = us));
	}
}

export const loaded = new Loaded();
