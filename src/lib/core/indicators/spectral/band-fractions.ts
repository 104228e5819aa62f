import { fft } from './fft';

/** Band edges in cycles per bar: low f ≤ 1/16 (periods ≥ 16 bars), high f > 1/4 (periods < 4). */
export const LOW_BAND_MAX_FREQ = 1 / 16;
export const MID_BAND_MAX_FREQ = 1 / 4;

const tapers = new Map<number, Float64Array>();

/** 1 − cos(2πn/N) for n < N, tabulated once per N (the same expression as per bar, so the same bits). */
function hannTaper(n: number): Float64Array {
	let t = tapers.get(n);
	if (!t) {
		t = Float64Array.from({ length: n }, (_, i) => 1 - Math.cos((2 * Math.PI * i) / n));
		tapers.set(n, t);
	}
	return t;
}

/**
 * Fractions of one-sided periodogram energy in the low / mid / high bands of a window x (length N,
 * a power of two ≥ 16): x is demeaned, multiplied by the periodic Hann taper
 * wₙ = ½(1 − cos(2πn/N)) (Harris 1978), transformed by `fft`, and the power |Xₖ|² of bins
 * k = 1 … N/2 (weight 2 below Nyquist, 1 at Nyquist; DC dropped) is split at f = k/N ≤ 1/16 and
 * ≤ 1/4. Returns NaNs when the window does not vary (every |xₙ − x̄| ≤ 1e-12·|x̄|: a flat or
 * steadily compounding price, whose demeaned values are rounding residue).
 *
 * `re`/`im` are scratch buffers of length N (reused by the caller to avoid allocation per bar).
 */
export function bandFractions(
	x: Float64Array,
	re: Float64Array,
	im: Float64Array
): [number, number, number] {
	const n = x.length;
	let mean = 0;
	for (let i = 0; i < n; i++) mean += x[i];
	mean /= n;
	let spread = 0;
	for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(x[i] - mean));
	// Equal returns (a flat or steadily compounding price) leave only rounding residue: no spectrum.
	if (spread <= 1e-12 * Math.abs(mean)) return [NaN, NaN, NaN];
	const taper = hannTaper(n);
	for (let i = 0; i < n; i++) {
		re[i] = (x[i] - mean) * 0.5 * taper[i];
		im[i] = 0;
	}
	fft(re, im);
	const bands = [0, 0, 0];
	const half = n >> 1;
	for (let k = 1; k <= half; k++) {
		const power = (k === half ? 1 : 2) * (re[k] * re[k] + im[k] * im[k]);
		const f = k / n;
		bands[f <= LOW_BAND_MAX_FREQ ? 0 : f <= MID_BAND_MAX_FREQ ? 1 : 2] += power;
	}
	const total = bands[0] + bands[1] + bands[2];
	if (!(total > 0)) return [NaN, NaN, NaN];
	return [bands[0] / total, bands[1] / total, bands[2] / total];
}
