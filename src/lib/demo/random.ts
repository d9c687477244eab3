// A small seeded PRNG (mulberry32) with the distributions the demo generator needs.

export class Random {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	/** Uniform in [0, 1). */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	uniform(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}
	int(lo: number, hi: number): number {
		return Math.floor(this.uniform(lo, hi + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
	logNormal(median: number, sigma: number): number {
		return median * Math.exp(this.normal(0, sigma));
	}
	pick<T>(xs: readonly T[]): T {
		return xs[Math.floor(this.next() * xs.length)];
	}
	shuffle<T>(xs: readonly T[]): T[] {
		const a = [...xs];
		for (let i = a.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[a[i], a[j]] = [a[j], a[i]];
		}
		return a;
	}
}

export function round(n: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round(n * f) / f;
}
