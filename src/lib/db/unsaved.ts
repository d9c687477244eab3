// Imported data lives only in this tab: a reload or close asks first, until the data has been downloaded.
import { duck } from './client.svelte';

/** True while imported data is loaded and its latest load has not been downloaded. */
export function unsaved(): boolean {
	return duck.source === 'local' && duck.exported !== duck.generation;
}

/**
 * Registers the browser's leave-page prompt for unsaved imported data, and counts a download of
 * the dataset zip (the Import page's export, named jixiao-dataset-….zip) as saving it.
 * Returns the function that removes both listeners.
 */
export function guardUnsaved(): () => void {
	const beforeUnload = (e: BeforeUnloadEvent) => {
		if (unsaved()) e.preventDefault();
	};
	const click = (e: MouseEvent) => {
		const a = e.target instanceof Element ? e.target.closest('a[download]') : null;
		if (a?.getAttribute('download')?.startsWith('jixiao-dataset-') && duck.source === 'local')
			duck.exported = duck.generation;
	};
	window.addEventListener('beforeunload', beforeUnload);
	document.addEventListener('click', click, true);
	return () => {
		window.removeEventListener('beforeunload', beforeUnload);
		document.removeEventListener('click', click, true);
	};
}
