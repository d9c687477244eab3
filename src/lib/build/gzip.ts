// The build's gzip for the files the browser inflates itself (the partitions, the search index): fflate's, at level 6, with no timestamp.
import { gzipSync } from 'fflate';

/**
 * Node's own zlib (Chromium's fork) wrote the partitions' Arrow files 16–26% larger at any level,
 * measured on a 4,000-unit build's year and unit files; fflate takes about three times as long.
 * No timestamp: the same data gives the same bytes.
 */
export const gzipStored = (bytes: Uint8Array): Uint8Array =>
	gzipSync(bytes, { level: 6, mtime: 0 });
