// Links to a unit: its prerendered page for published data, the in-browser page for imported data.
import { base } from '$app/paths';
import { duck } from './db/client.svelte';

export function unitHref(id: string, year?: number): string {
	if (duck.source === 'local')
		return `${base}/unit/?id=${encodeURIComponent(id)}${year !== undefined ? `&year=${year}` : ''}`;
	return `${base}/units/${id}/${year !== undefined ? `${year}/` : ''}`;
}
