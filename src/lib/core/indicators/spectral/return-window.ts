import { SourceStream } from '../statistics/source';

/**
 * The last `size` one-bar log returns ln(cₜ / cₜ₋₁) of a close stream, oldest first, for the
 * indicators that recompute a transform over a trailing window each bar (spectral, wavelet).
 *
 * NaN rule: `push` returns false (the window is not usable) until `size` consecutive finite returns
 * have arrived, so a missing or non-positive close blanks the output for `size + 1` bars.
 *
 * @example
 * const w = new ReturnWindow(4);
 * [100, 101, 102, 101, 103].map((c) => w.push(c)); // [false, false, false, false, true]
 * w.values; // the 4 log returns, oldest first
 */
export class ReturnWindow {
	private readonly source = new SourceStream({ source: 1 });
	private readonly ring: Float64Array;
	private pos = 0;
	private finiteRun = 0;
	/** The window, oldest first (valid after `push` returned true; reused between calls). */
	readonly values: Float64Array;

	constructor(readonly size: number) {
		this.ring = new Float64Array(size);
		this.values = new Float64Array(size);
	}

	/** Feeds the next close; true when `values` holds `size` finite returns ending at this bar. */
	push(close: number): boolean {
		const r = this.source.push(close);
		this.finiteRun = Number.isFinite(r) ? this.finiteRun + 1 : 0;
		this.ring[this.pos] = r;
		this.pos = (this.pos + 1) % this.size;
		if (this.finiteRun < this.size) return false;
		// Plain copies: two `subarray` views per bar (objects) cost more than copying the window.
		const { ring, values, size, pos } = this;
		let j = 0;
		for (let i = pos; i < size; i++) values[j++] = ring[i];
		for (let i = 0; i < pos; i++) values[j++] = ring[i];
		return true;
	}
}
