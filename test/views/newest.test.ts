// Newest wins: a slower, older query's answer or failure never replaces the newest one's.
import { describe, expect, it } from 'vitest';
import { newestWins } from '../../src/lib/views/newest';

/** A promise settled from outside, to order answers by hand. */
function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

function recorder() {
	const shown: string[] = [];
	return {
		shown,
		apply: (v: string) => void shown.push(`answer ${v}`),
		fail: (e: unknown) => void shown.push(`error ${(e as Error).message}`)
	};
}

describe('newest wins', () => {
	it('drops an older answer that arrives after a newer one', async () => {
		const q = newestWins();
		const r = recorder();
		const older = deferred<string>();
		const newer = deferred<string>();
		const a = q.run(() => older.promise, r.apply, r.fail);
		const b = q.run(() => newer.promise, r.apply, r.fail);
		newer.resolve('2024');
		await b;
		older.resolve('2023');
		await a;
		expect(r.shown).toEqual(['answer 2024']);
	});

	it('drops an older answer that arrives first, while a newer query runs', async () => {
		const q = newestWins();
		const r = recorder();
		const older = deferred<string>();
		const newer = deferred<string>();
		const a = q.run(() => older.promise, r.apply, r.fail);
		const b = q.run(() => newer.promise, r.apply, r.fail);
		older.resolve('2023');
		await a;
		expect(r.shown).toEqual([]);
		newer.resolve('2024');
		await b;
		expect(r.shown).toEqual(['answer 2024']);
	});

	it('does not show the failure of an older query, and never rejects', async () => {
		const q = newestWins();
		const r = recorder();
		const older = deferred<string>();
		const newer = deferred<string>();
		const a = q.run(() => older.promise, r.apply, r.fail);
		const b = q.run(() => newer.promise, r.apply, r.fail);
		older.reject(new Error('Catalog Error: no such table'));
		newer.resolve('2024');
		await expect(a).resolves.toBeUndefined();
		await b;
		expect(r.shown).toEqual(['answer 2024']);
	});

	it('shows the failure of the newest query, as thrown, also when it throws at once', async () => {
		const q = newestWins();
		const r = recorder();
		await q.run(() => Promise.reject(new Error('Binder Error: x')), r.apply, r.fail);
		await q.run(
			() => {
				throw new Error('sync');
			},
			r.apply,
			r.fail
		);
		expect(r.shown).toEqual(['error Binder Error: x', 'error sync']);
	});

	it('a newer failure replaces nothing an older answer could show later', async () => {
		const q = newestWins();
		const r = recorder();
		const older = deferred<string>();
		const a = q.run(() => older.promise, r.apply, r.fail);
		await q.run(() => Promise.reject(new Error('newest failed')), r.apply, r.fail);
		older.resolve('2023');
		await a;
		expect(r.shown).toEqual(['error newest failed']);
	});

	it('drops every pending answer and failure on reset (the page shows its prerendered answer)', async () => {
		const q = newestWins();
		const r = recorder();
		const ok = deferred<string>();
		const bad = deferred<string>();
		const a = q.run(() => ok.promise, r.apply, r.fail);
		const b = q.run(() => bad.promise, r.apply, r.fail);
		q.reset();
		bad.reject(new Error('late'));
		ok.resolve('late');
		await Promise.all([a, b]);
		expect(r.shown).toEqual([]);
		await q.run(() => Promise.resolve('after'), r.apply, r.fail);
		expect(r.shown).toEqual(['answer after']);
	});
});
