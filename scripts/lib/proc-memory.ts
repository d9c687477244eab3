// Memory of the Chromium renderers this process started, read from Linux's /proc (none elsewhere).
import { readFileSync, readdirSync } from 'node:fs';

export interface RendererMemory {
	/** Resident now, bytes (the largest renderer: the page's, with its workers and DuckDB-WASM). */
	rss: number;
	/** Its peak resident size since it started (VmHWM), bytes. */
	peak: number;
}

const read = (path: string) => {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return null;
	}
};

/** The largest renderer process descended from `ancestor` (default: this process), or null. */
export function rendererMemory(ancestor = process.pid): RendererMemory | null {
	let pids: number[];
	try {
		pids = readdirSync('/proc')
			.filter((d) => /^\d+$/.test(d))
			.map(Number);
	} catch {
		return null;
	}
	const parent = new Map<number, number>();
	for (const pid of pids) {
		const stat = read(`/proc/${pid}/stat`);
		// pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
		const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
		if (Number.isInteger(ppid)) parent.set(pid, ppid);
	}
	const descends = (pid: number) => {
		for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
			if (p === ancestor) return true;
		return false;
	};
	let best: RendererMemory | null = null;
	for (const pid of pids) {
		if (!descends(pid) || !read(`/proc/${pid}/cmdline`)?.includes('--type=renderer')) continue;
		const status = read(`/proc/${pid}/status`) ?? '';
		const kb = (field: string) =>
			Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
		const m = { rss: kb('VmRSS'), peak: kb('VmHWM') };
		if (!best || m.rss > best.rss) best = m;
	}
	return best;
}
