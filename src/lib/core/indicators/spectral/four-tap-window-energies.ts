import { KeptCoefficients } from './kept-coefficients';

/**
 * The periodic four-tap (Daubechies 4) pyramid's level energies of a trailing window of log
 * returns, bar by bar, without redoing the transform.
 *
 * Inside a window that starts at position s, a coefficient that does not wrap around the window's
 * end reads only returns at fixed offsets from its own position: level 1's at p = s + 2j read
 * r[p … p + 3], level 2's at p = s + 4i read the level-1 approximations at p, p + 2, p + 4, p + 6,
 * level 3's at p = s + 8j read level 2's at p, p + 4, p + 8, p + 12. So those coefficients are the
 * same numbers in every window that contains them, and are computed once per position (the
 * newest position of each level when its last input arrives) with the pyramid's arithmetic
 * (0 + h₀v₀ + h₁v₁ + h₂v₂ + h₃v₃). Only the few coefficients that touch the wrap — the last one of
 * level 1, the last two of levels 2 and 3 and of the level-3 approximation — depend on the window
 * and are computed per bar. Each energy is then summed in the pyramid's order (coefficient 0
 * first, the wrapped ones last), so the result is `waveletEnergiesInto(…, DAUBECHIES_4, …)` bit
 * for bit, at O(N) adds per bar instead of the O(4N) transform (`wavelet_db4` over 1M bars at N = 64:
 * ~1.0 → ~0.35 s on the 2-core CI VM).
 *
 * Usable after N consecutive finite returns (a missing or non-positive close blanks the output for
 * N + 1 bars). Three levels, N ≥ 16 (the level-3 input must hold the four taps).
 */
export class FourTapWindowEnergies extends KeptCoefficients {
	private readonly h0: number;
	private readonly h1: number;
	private readonly h2: number;
	private readonly h3: number;
	private readonly g0: number;
	private readonly g1: number;
	private readonly g2: number;
	private readonly g3: number;

	/** `n` a power of two ≥ 16; `h`, `g` the four-tap scaling and wavelet filters. */
	constructor(n: number, h: Float64Array, g: Float64Array) {
		if (n < 16 || (n & (n - 1)) !== 0) throw new RangeError(`window ${n}: a power of two ≥ 16`);
		if (h.length !== 4 || g.length !== 4) throw new RangeError('four-tap filters only');
		super(n);
		// Scalars, not array destructuring per bar (an iterator each time: slower than the transform).
		this.h0 = h[0];
		this.h1 = h[1];
		this.h2 = h[2];
		this.h3 = h[3];
		this.g0 = g[0];
		this.g1 = g[1];
		this.g2 = g[2];
		this.g3 = g[3];
	}

	/** Feeds the next close; true when `e` holds [E(d¹), E(d²), E(d³), E(a³)] of the window. */
	push(close: number, e: Float64Array): boolean {
		const run = this.advance(close);
		const { t, n, mask, r, a1, d1, a2, d2, a3, d3, h0, h1, h2, h3, g0, g1, g2, g3 } = this;
		// The newest non-wrapping coefficient of each level: level 1 at t − 3 (inputs r[t − 3 … t]),
		// level 2 at t − 9 (a¹ at t − 9, −7, −5, −3), level 3 at t − 21 (a² at t − 21, −17, −13, −9).
		if (run >= 4) this.keep(r, t - 3, 1, a1, d1);
		if (run >= 10) this.keep(a1, t - 9, 2, a2, d2);
		if (run >= 22) this.keep(a2, t - 21, 4, a3, d3);
		if (run < n) return false;
		const s = t - n + 1; // the window's first position

		// Level 1: coefficients j = 0 … N/2 − 2 kept; j = N/2 − 1 reads r[N − 2], r[N − 1], r[0], r[1].
		// The kept squares summed inline: `alignedSum` calls measured ~15% slower in this kernel.
		let sum = 0;
		for (let j = 0; j < (n >> 1) - 1; j++) sum += d1[(s + 2 * j) & mask];
		const w0 = r[(s + n - 2) & mask];
		const w1 = r[(s + n - 1) & mask];
		const w2 = r[s & mask];
		const w3 = r[(s + 1) & mask];
		const wrapA1 = 0 + h0 * w0 + h1 * w1 + h2 * w2 + h3 * w3;
		const wrapD1 = 0 + g0 * w0 + g1 * w1 + g2 * w2 + g3 * w3;
		e[0] = sum + wrapD1 * wrapD1;

		// Level 2 over a¹ (length N/2, a¹ⱼ at s + 2j, the last one wrapped): i = 0 … N/4 − 3 kept;
		// i = N/4 − 2 reads a¹ at N/2 − 4 … N/2 − 1, i = N/4 − 1 reads a¹ at N/2 − 2, N/2 − 1, 0, 1.
		sum = 0;
		for (let j = 0; j < (n >> 2) - 2; j++) sum += d2[(s + 4 * j) & mask];
		const p4 = a1[(s + n - 8) & mask];
		const p3 = a1[(s + n - 6) & mask];
		const p2 = a1[(s + n - 4) & mask];
		const p0 = a1[s & mask];
		const p1 = a1[(s + 2) & mask];
		const wrapA2a = 0 + h0 * p4 + h1 * p3 + h2 * p2 + h3 * wrapA1;
		const b0 = 0 + g0 * p4 + g1 * p3 + g2 * p2 + g3 * wrapA1;
		const wrapA2b = 0 + h0 * p2 + h1 * wrapA1 + h2 * p0 + h3 * p1;
		const b1 = 0 + g0 * p2 + g1 * wrapA1 + g2 * p0 + g3 * p1;
		sum += b0 * b0;
		e[1] = sum + b1 * b1;

		// Level 3 over a² (length N/4, a²ᵢ at s + 4i, the last two wrapped): j = 0 … N/8 − 3 kept;
		// j = N/8 − 2 reads a² at N/4 − 4 … N/4 − 1, j = N/8 − 1 reads a² at N/4 − 2, N/4 − 1, 0, 1.
		sum = 0;
		let approx = 0;
		for (let j = 0; j < (n >> 3) - 2; j++) {
			sum += d3[(s + 8 * j) & mask];
			const v = a3[(s + 8 * j) & mask];
			approx += v * v;
		}
		const q4 = a2[(s + n - 16) & mask];
		const q3 = a2[(s + n - 12) & mask];
		const q0 = a2[s & mask];
		const q1 = a2[(s + 4) & mask];
		const u0 = 0 + h0 * q4 + h1 * q3 + h2 * wrapA2a + h3 * wrapA2b;
		const c0 = 0 + g0 * q4 + g1 * q3 + g2 * wrapA2a + g3 * wrapA2b;
		const u1 = 0 + h0 * wrapA2a + h1 * wrapA2b + h2 * q0 + h3 * q1;
		const c1 = 0 + g0 * wrapA2a + g1 * wrapA2b + g2 * q0 + g3 * q1;
		sum += c0 * c0;
		e[2] = sum + c1 * c1;
		approx += u0 * u0;
		e[3] = approx + u1 * u1;
		return true;
	}

	/** The coefficient at `first` from src at first, + stride, + 2·stride, + 3·stride: a and d². */
	private keep(
		src: Float64Array,
		first: number,
		stride: number,
		a: Float64Array,
		d: Float64Array
	): void {
		const mask = this.mask;
		const q = first & mask;
		const v0 = src[q];
		const v1 = src[(first + stride) & mask];
		const v2 = src[(first + 2 * stride) & mask];
		const v3 = src[(first + 3 * stride) & mask];
		a[q] = 0 + this.h0 * v0 + this.h1 * v1 + this.h2 * v2 + this.h3 * v3;
		const w = 0 + this.g0 * v0 + this.g1 * v1 + this.g2 * v2 + this.g3 * v3;
		d[q] = w * w;
	}
}
