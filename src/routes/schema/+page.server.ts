// The data format page: generated from the schema, with the built files to download.
import { readManifest } from '$lib/server/manifest';

export function load() {
	return { manifest: readManifest() };
}
