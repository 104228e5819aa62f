import { compensatedSum } from '../../../features/compensated-sum';

/**
 * Central moments m₂, m₃, m₄ (each Σ (x − x̄)ᵏ / n) of the last `window` finite values, for
 * rolling skewness and kurtosis, in O(1) per value.
 *
 * Numerics: power sums of raw prices cancel badly (x⁴ ≈ 10⁸ for a price near 100 whose window
 * spread gives m₄ ≈ 1, losing eight digits). The sums are kept of d = x − a around an anchor a
 * that is reset to the window's exact mean, with the sums recomputed exactly, every `window`
 * steps; between resets a is within one window's drift of the mean, so little is cancelled.
 *
 * NaN rule: a non-finite value empties the window.
 *
 * @example
 * const m = new RollingMoments(3);
 * [1, 2, 6].forEach((x) => m.push(x)); // m.m2 = 14/3, m.m3 = 6, m.m4 = 98/3
 */
export class RollingMoments {
	private readonly window: number;
	private readonly ring: Float64Array; // mirrored: slot j also at j + window
	private pos = 0;
	private count = 0;
	private sinceExact: number;
	private anchor = 0;
	private s1 = 0;
	private s2 = 0;
	private s3 = 0;
	private s4 = 0;
	m2 = 0;
	m3 = 0;
	m4 = 0;
	/** True when m₂ is lost in rounding (a constant window): no shape statistic is defined. */
	degenerate = false;

	constructor(window: number) {
		this.window = window;
		this.ring = new Float64Array(2 * window);
		this.sinceExact = window;
	}

	/** Adds a value; true when the window is full and m2/m3/m4 describe it. */
	push(x: number): boolean {
		const w = this.window;
		if (!Number.isFinite(x)) {
			this.count = 0;
			this.sinceExact = w;
			return false;
		}
		const slot = this.pos;
		const old = this.ring[slot];
		this.ring[slot] = x;
		this.ring[slot + w] = x;
		this.pos = slot + 1 === w ? 0 : slot + 1;
		if (this.count < w) this.count++;
		if (this.count < w) return false;
		if (this.sinceExact >= w) {
			this.recompute(this.pos);
			this.sinceExact = 0;
		} else {
			const a = this.anchor;
			const d = x - a;
			const e = old - a;
			const d2 = d * d;
			const e2 = e * e;
			this.s1 += d - e;
			this.s2 += d2 - e2;
			this.s3 += d2 * d - e2 * e;
			this.s4 += d2 * d2 - e2 * e2;
		}
		this.sinceExact++;
		this.central();
		return true;
	}

	private recompute(start: number): void {
		const w = this.window;
		const a = compensatedSum(this.ring, start, start + w) / w;
		let s1 = 0;
		let s2 = 0;
		let s3 = 0;
		let s4 = 0;
		for (let j = start; j < start + w; j++) {
			const d = this.ring[j] - a;
			const d2 = d * d;
			s1 += d;
			s2 += d2;
			s3 += d2 * d;
			s4 += d2 * d2;
		}
		this.anchor = a;
		this.s1 = s1;
		this.s2 = s2;
		this.s3 = s3;
		this.s4 = s4;
	}

	/** Moments about the mean from moments about the anchor (binomial expansion, δ = x̄ − a). */
	private central(): void {
		const n = this.window;
		const d = this.s1 / n;
		const r2 = this.s2 / n;
		const r3 = this.s3 / n;
		const r4 = this.s4 / n;
		const dd = d * d;
		this.m2 = r2 - dd;
		this.m3 = r3 - 3 * d * r2 + 2 * dd * d;
		this.m4 = r4 - 4 * d * r3 + 6 * dd * r2 - 3 * dd * dd;
		// When m₂ is below the rounding noise of r₂ the window is (numerically) constant.
		this.degenerate = !(this.m2 > 64 * Number.EPSILON * r2);
	}
}
