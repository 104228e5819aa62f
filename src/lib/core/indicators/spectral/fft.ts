/**
 * In-place iterative radix-2 Cooley–Tukey FFT (Cooley & Tukey 1965; the bit-reversal + butterfly
 * form of Press et al., *Numerical Recipes*, 3rd ed., §12.2): Xₖ = Σₙ xₙ e^(−2πikn/N).
 * `re.length` must be a power of two (not checked in the hot path; callers size their buffers).
 *
 * Twiddles are taken from cos/sin of the exact angle for each k (not by recurrence), so the error
 * stays O(ε log N); they are tabulated once per size (`twiddles`). O(N log N).
 *
 * @example
 * const re = Float64Array.of(1, 0, 0, 0), im = new Float64Array(4);
 * fft(re, im); // re = [1, 1, 1, 1], im = [0, 0, 0, 0]
 */
export function fft(re: Float64Array, im: Float64Array): void {
	const n = re.length;
	const { cos, sin } = twiddles(n);
	for (let i = 1, j = 0; i < n; i++) {
		let bit = n >> 1;
		for (; j & bit; bit >>= 1) j ^= bit;
		j ^= bit;
		if (i < j) {
			const r = re[i];
			re[i] = re[j];
			re[j] = r;
			const m = im[i];
			im[i] = im[j];
			im[j] = m;
		}
	}
	for (let len = 2; len <= n; len <<= 1) {
		const half = len >> 1;
		for (let k = 0; k < half; k++) {
			const wr = cos[half - 1 + k];
			const wi = sin[half - 1 + k];
			for (let s = k; s < n; s += len) {
				const t = s + half;
				const xr = re[t] * wr - im[t] * wi;
				const xi = re[t] * wi + im[t] * wr;
				re[t] = re[s] - xr;
				im[t] = im[s] - xi;
				re[s] += xr;
				im[s] += xi;
			}
		}
	}
}

let table = { cos: new Float64Array(0), sin: new Float64Array(0) };

/**
 * The twiddles of every butterfly level up to size n: level `len` (half = len / 2) keeps
 * cos/sin(−2πk / len), k < half, at offset half − 1. Computed once with the same expression the
 * transform used per call (so the same bits) and grown on demand: a transform per bar over a
 * rolling window otherwise spends most of its time in cos and sin.
 */
function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
	if (table.cos.length >= n - 1) return table;
	const cos = new Float64Array(n - 1);
	const sin = new Float64Array(n - 1);
	for (let len = 2; len <= n; len <<= 1) {
		const half = len >> 1;
		const step = (-2 * Math.PI) / len;
		for (let k = 0; k < half; k++) {
			cos[half - 1 + k] = Math.cos(step * k);
			sin[half - 1 + k] = Math.sin(step * k);
		}
	}
	table = { cos, sin };
	return table;
}
