// A worker thread for the build's gzip (src/lib/build/gzip.ts): it compresses what it is sent while the build's main thread reads the next rows. Plain JavaScript, so Node runs it as it is, under tsx or Vitest alike.
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'fflate';

parentPort.on('message', ({ id, bytes, options }) => {
	try {
		const gz = gzipSync(bytes, options);
		parentPort.postMessage({ id, gz }, [gz.buffer]);
	} catch (e) {
		parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
	}
});
