// Imported data lives only in this tab: a reload or close asks first, until the data has been downloaded.
import { duck } from './db.svelte';

/** True while imported data is loaded and its latest load has not been downloaded. */
export function unsaved(): boolean {
	return duck.source === 'local' && duck.exported !== duck.generation;
}

/** The Import page downloaded the loaded dataset: leaving no longer loses anything. */
export function markExported(): void {
	if (duck.source === 'local') duck.exported = duck.generation;
}

/** Registers the browser's leave-page prompt for unsaved imported data; returns its remover. */
export function guardUnsaved(): () => void {
	const beforeUnload = (e: BeforeUnloadEvent) => {
		if (unsaved()) e.preventDefault();
	};
	window.addEventListener('beforeunload', beforeUnload);
	return () => window.removeEventListener('beforeunload', beforeUnload);
}
