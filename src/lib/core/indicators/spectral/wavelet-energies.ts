/** An orthonormal scaling (low-pass) filter h; the wavelet filter is gₖ = (−1)ᵏ h_{L−1−k}. */
export type ScalingFilter = readonly number[];

/** Haar: h = (1, 1)/√2 (Daubechies 1992, §5.1). */
export const HAAR: ScalingFilter = [Math.SQRT1_2, Math.SQRT1_2];

/** Daubechies' 4-tap filter, two vanishing moments (Daubechies 1992, Table 6.1, N = 2). */
export const DAUBECHIES_4: ScalingFilter = [
	(1 + Math.sqrt(3)) / (4 * Math.SQRT2),
	(3 + Math.sqrt(3)) / (4 * Math.SQRT2),
	(3 - Math.sqrt(3)) / (4 * Math.SQRT2),
	(1 - Math.sqrt(3)) / (4 * Math.SQRT2)
];

/**
 * Energy per level of an orthonormal periodic DWT (Mallat 1989 pyramid): at each level the current
 * approximation a (a⁰ = x, length m) gives details dⱼ = Σₖ gₖ a₍₂ⱼ₊ₖ₎ mod m and the next
 * approximation Σₖ hₖ a₍₂ⱼ₊ₖ₎ mod m, j = 0 … m/2 − 1. Returns [E(d¹), …, E(dᴸ), E(aᴸ)], E = Σ v²,
 * which sum to Σ x² (Parseval). Haar pairs never wrap; longer filters wrap around the window's
 * end (periodic extension of the window itself, so no data outside it is read).
 *
 * `x.length` must be a multiple of 2ᴸ (and ≥ the filter length at level L); `a`/`b` are scratch
 * buffers of the same length.
 *
 * @example
 * waveletEnergies(Float64Array.of(1, -1, 1, -1), 2, HAAR, new Float64Array(4), new Float64Array(4));
 * // [4, 0, 0]
 */
export function waveletEnergies(
	x: Float64Array,
	levels: number,
	h: ScalingFilter,
	a: Float64Array,
	b: Float64Array
): number[] {
	const taps = h.length;
	const g = h.map((_, k) => (k % 2 ? -1 : 1) * h[taps - 1 - k]);
	a.set(x);
	let cur = a;
	let next = b;
	const out: number[] = [];
	let m = x.length;
	for (let level = 0; level < levels; level++) {
		const half = m >> 1;
		let detail = 0;
		for (let j = 0; j < half; j++) {
			let s = 0;
			let d = 0;
			for (let k = 0; k < taps; k++) {
				// (2j + k) mod m without the division: 2j + k < 2m since taps ≤ m at every level.
				const at = 2 * j + k;
				const v = cur[at < m ? at : at - m];
				s += h[k] * v;
				d += g[k] * v;
			}
			next[j] = s;
			detail += d * d;
		}
		out.push(detail);
		[cur, next] = [next, cur];
		m = half;
	}
	let approx = 0;
	for (let j = 0; j < m; j++) approx += cur[j] * cur[j];
	out.push(approx);
	return out;
}
