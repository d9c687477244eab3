// The in-browser query engine as a page shows it: its status badge, and whether the published data is shown.
import { duck } from './db.svelte';

export const engine = {
	get status() {
		return duck.status;
	},
	/** Why the engine failed to start (empty otherwise). */
	get error() {
		return duck.error;
	},
	/** The published data is shown (no data imported in this browser). */
	get bundled() {
		return duck.source === 'bundled';
	}
};
