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
	const out = new Float64Array(levels + 1);
	waveletEnergiesInto(x, levels, Float64Array.from(h), waveletFilter(h), a, b, out);
	return Array.from(out);
}

/** The wavelet (high-pass) filter gₖ = (−1)ᵏ h_{L−1−k} of a scaling filter. */
export function waveletFilter(h: ScalingFilter): Float64Array {
	return Float64Array.from(h, (_, k) => (k % 2 ? -1 : 1) * h[h.length - 1 - k]);
}

/**
 * `waveletEnergies` into `out` (length levels + 1) with the filters as typed arrays made once,
 * allocating nothing. The whole transform of one window: the reference that the indicators'
 * per-bar kernels (`HaarWindowEnergies`, `FourTapWindowEnergies`) are held to bit for bit, and
 * the arithmetic (0 + h₀v₀ + h₁v₁ + …, energies summed from coefficient 0) they reproduce.
 */
export function waveletEnergiesInto(
	x: Float64Array,
	levels: number,
	h: Float64Array,
	g: Float64Array,
	a: Float64Array,
	b: Float64Array,
	out: Float64Array
): void {
	const taps = h.length;
	// Level 1 reads x itself (x is only read); later levels alternate between a and b.
	let cur = x;
	let next = a;
	let m = x.length;
	for (let level = 0; level < levels; level++) {
		const half = m >> 1;
		out[level] =
			taps === 2
				? haarLevel(cur, next, half, h[0], h[1], g[0], g[1])
				: taps === 4
					? fourTapLevel(cur, next, m, h, g)
					: anyLevel(cur, next, m, h, g);
		cur = next;
		next = cur === a ? b : a;
		m = half;
	}
	let approx = 0;
	for (let j = 0; j < m; j++) approx += cur[j] * cur[j];
	out[levels] = approx;
}

/** One level with any filter: the next approximation into `next`, the detail energy returned. */
function anyLevel(
	cur: Float64Array,
	next: Float64Array,
	m: number,
	h: Float64Array,
	g: Float64Array
): number {
	const taps = h.length;
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
	return detail;
}

/**
 * `anyLevel` for a two-tap filter, unrolled (Haar pairs never wrap). The sums start from 0 as the
 * loop's do (0 + (−0) is +0), so the bits are the loop's.
 */
function haarLevel(
	cur: Float64Array,
	next: Float64Array,
	half: number,
	h0: number,
	h1: number,
	g0: number,
	g1: number
): number {
	let detail = 0;
	for (let j = 0; j < half; j++) {
		const v0 = cur[2 * j];
		const v1 = cur[2 * j + 1];
		next[j] = 0 + h0 * v0 + h1 * v1;
		const d = 0 + g0 * v0 + g1 * v1;
		detail += d * d;
	}
	return detail;
}

/** `anyLevel` for a four-tap filter (Daubechies 4), unrolled; only the last pair wraps. */
function fourTapLevel(
	cur: Float64Array,
	next: Float64Array,
	m: number,
	h: Float64Array,
	g: Float64Array
): number {
	const [h0, h1, h2, h3] = h;
	const [g0, g1, g2, g3] = g;
	const half = m >> 1;
	let detail = 0;
	for (let j = 0; j < half; j++) {
		const at = 2 * j;
		const last = j === half - 1; // reads a[m − 2], a[m − 1], a[0], a[1]
		const v0 = cur[at];
		const v1 = cur[at + 1];
		const v2 = last ? cur[0] : cur[at + 2];
		const v3 = last ? cur[1] : cur[at + 3];
		next[j] = 0 + h0 * v0 + h1 * v1 + h2 * v2 + h3 * v3;
		const d = 0 + g0 * v0 + g1 * v1 + g2 * v2 + g3 * v3;
		detail += d * d;
	}
	return detail;
}
