import { compensatedSum, squaredDeviationSum } from '../../../features/compensated-sum';

/**
 * Streaming twin of `rollingStd`: the mean and M2 = Σ (x − mean)² of the last `window` finite
 * values, by the sliding Welford update with an exact two-pass recomputation every `window` steps
 * (same operations, same order, so results equal `rollingStd` bit for bit).
 *
 * The ring is mirrored (each value stored at slot j and j + window) so the window is always one
 * contiguous slice and the exact recomputation can reuse `compensatedSum`/`squaredDeviationSum`.
 *
 * NaN rule: a non-finite value empties the window. O(1) per value amortised (O(w) once per w).
 *
 * @example
 * const v = new RollingVariance(3);
 * [1, 2, 3].forEach((x) => v.push(x)); // now v.mean = 2, v.sumSquares = 2
 */
export class RollingVariance {
	private readonly window: number;
	private readonly ring: Float64Array;
	private pos = 0;
	private count = 0;
	private sinceExact: number;
	/** Mean of the window (valid after `push` returned true). */
	mean = 0;
	/** Σ (x − mean)² over the window, clamped at 0 (valid after `push` returned true). */
	m2 = 0;

	constructor(window: number) {
		this.window = window;
		this.ring = new Float64Array(2 * window);
		this.sinceExact = window;
	}

	/** Adds a value; true when the window is full and `mean`/`m2` describe it. */
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
			const start = this.pos; // oldest value; the window is ring[start .. start + w)
			this.mean = compensatedSum(this.ring, start, start + w) / w;
			this.m2 = squaredDeviationSum(this.ring, start, start + w, this.mean);
			this.sinceExact = 0;
		} else {
			const d = x - old;
			const next = this.mean + d / w;
			this.m2 += d * (x - next + old - this.mean);
			this.mean = next;
		}
		this.sinceExact++;
		return true;
	}

	/** M2 as `rollingStd` reads it (never negative after rounding). */
	get sumSquares(): number {
		return Math.max(0, this.m2);
	}
}
