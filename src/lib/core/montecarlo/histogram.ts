/** Most bins the histogram twins support: the WGSL kernel keeps one workgroup-local counter per bin. */
export const MAX_HISTOGRAM_BINS = 256;

export interface HistogramRange {
	/** Left edge of bin 0. */
	lo: number;
	/** Right edge of the last bin; values ≥ hi land in the last bin, values < lo in bin 0. */
	hi: number;
	bins: number;
}

export interface Histogram extends HistogramRange {
	counts: Uint32Array;
	/** Values counted (NaN and ±∞ are skipped). */
	total: number;
}

/**
 * The f32 scale both twins multiply by: bins / (hi − lo), rounded to f32 once, here, so that the CPU
 * and the GPU bin every value identically (f32 subtraction and multiplication are correctly rounded
 * in both JavaScript's `Math.fround` and WGSL).
 */
export function histogramScale({ lo, hi, bins }: HistogramRange): number {
	if (!(Number.isInteger(bins) && bins >= 1 && bins <= MAX_HISTOGRAM_BINS))
		throw new RangeError(`histogram: bins must be an integer in [1, ${MAX_HISTOGRAM_BINS}]`);
	if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo))
		throw new RangeError('histogram: the range needs finite lo < hi');
	return Math.fround(bins / (Math.fround(hi) - Math.fround(lo)));
}

/**
 * The CPU twin of the WGSL workgroup-histogram kernel (`compute/montecarlo/histogram-kernel.ts`):
 * counts of f32 values per equal-width bin, bin = clamp(⌊f32(f32(x − lo) · scale)⌋, 0, bins − 1).
 * NaN and ±∞ are skipped. The GPU must give exactly these counts.
 *
 * @example
 * histogramCounts(Float32Array.of(0.1, 0.5, 0.9), { lo: 0, hi: 1, bins: 2 }).counts; // [1, 2]
 */
export function histogramCounts(values: Float32Array, range: HistogramRange): Histogram {
	const scale = histogramScale(range);
	const lo = Math.fround(range.lo);
	const last = range.bins - 1;
	const counts = new Uint32Array(range.bins);
	let total = 0;
	for (let i = 0; i < values.length; i++) {
		const x = values[i];
		if (!Number.isFinite(x)) continue;
		const t = Math.floor(Math.fround(Math.fround(x - lo) * scale));
		counts[t < 0 ? 0 : t > last ? last : t]++;
		total++;
	}
	return { ...range, counts, total };
}

/**
 * Quantile p of the binned values: the type-7 rank p·(n − 1) located in its bin, then placed
 * linearly inside the bin (values assumed spread evenly across it). Within one bin width of the
 * exact order statistic for values inside [lo, hi).
 *
 * @example
 * histogramQuantile(histogramCounts(values, { lo: -1, hi: 1, bins: 200 }), 0.95);
 */
export function histogramQuantile(h: Histogram, p: number): number {
	if (h.total === 0) return NaN;
	const rank = p * (h.total - 1);
	const width = (h.hi - h.lo) / h.bins;
	let before = 0;
	for (let b = 0; b < h.bins; b++) {
		const c = h.counts[b];
		if (c > 0 && before + c > rank) return h.lo + (b + (rank - before + 0.5) / c) * width;
		before += c;
	}
	return h.hi;
}

/** Bins with ⌈√n⌉ bins (capped) over the finite range of `values`, for a return histogram. */
export function autoHistogram(values: ArrayLike<number>, maxBins = 40): Histogram {
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (Number.isFinite(v)) {
			if (v < lo) lo = v;
			if (v > hi) hi = v;
		}
	}
	if (!(hi > lo)) {
		lo = Number.isFinite(lo) ? lo - 0.5 : 0;
		hi = lo + 1;
	}
	const finite = Array.from(values).filter(Number.isFinite).length;
	const bins = Math.min(maxBins, MAX_HISTOGRAM_BINS, Math.max(1, Math.ceil(Math.sqrt(finite))));
	return histogramCounts(Float32Array.from(values), { lo, hi, bins });
}
