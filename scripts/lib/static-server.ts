// Serves the built site like a static host (precompressed .br/.gz, ETags), optionally under a base path.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

export async function serveStatic(
	dir: string,
	opts: { port?: number; base?: string } = {}
): Promise<StaticServer> {
	const base = opts.base ?? '';
	const files = sirv(dir, { brotli: true, gzip: true, etag: true, dev: false });
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (base && !url.startsWith(`${base}/`)) {
			res.writeHead(url === base ? 301 : 404, url === base ? { location: `${base}/` } : {}).end();
			return;
		}
		req.url = url.slice(base.length) || '/';
		files(req, res, () => {
			res
				.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
				.end('404 未找到 Not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
