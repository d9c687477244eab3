// CLI: serves the built site (build/) on localhost like a compressing static host, under BASE_PATH if the site was built with one.
import { serveStatic } from './lib/static-server';

const port = Number(process.env.PORT ?? 4173);
const server = await serveStatic(process.argv[2] ?? 'build', {
	port,
	base: process.env.BASE_PATH ?? ''
});
console.log(`绩效 Jixiao is served at ${server.url}/  (Ctrl+C stops it)`);
