import { median } from './median';

/** 0.6745 is the 0.75 quantile of the standard normal, so MAD / 0.6745 estimates σ for normal data. */
const MAD_SCALE = 0.6745;
/** √(π/2): the mean absolute deviation / 1.253314 estimates σ for normal data. */
const MEAN_AD_SCALE = 1.253314;

/**
 * Modified z-scores (Iglewicz & Hoaglin, 1993, *How to Detect and Handle Outliers*, ch. 3):
 * Mᵢ = 0.6745 · (xᵢ − median) / MAD, with MAD the median absolute deviation from the median. Median
 * and MAD are not dragged by the outliers themselves, unlike the mean and standard deviation. When
 * more than half the values are equal the MAD is 0; then the mean absolute deviation stands in,
 * Mᵢ = (xᵢ − median) / (1.253314 · MeanAD), and when that is 0 too every score is 0. NaN in, NaN out.
 *
 * @example
 * modifiedZScores([1, 2, 3, 4, 100]); // [-1.349, -0.6745, 0, 0.6745, 65.43]
 */
export function modifiedZScores(values: ArrayLike<number>): {
	z: Float64Array;
	median: number;
	mad: number;
} {
	const n = values.length;
	const m = median(values);
	const deviations = new Float64Array(n);
	for (let i = 0; i < n; i++) deviations[i] = Math.abs(values[i] - m);
	const mad = median(deviations);
	let scale: number;
	if (mad > 0) scale = mad / MAD_SCALE;
	else {
		let sum = 0;
		let count = 0;
		for (const d of deviations) {
			if (!Number.isFinite(d)) continue;
			sum += d;
			count++;
		}
		scale = count > 0 ? (MEAN_AD_SCALE * sum) / count : 0;
	}
	const z = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const x = values[i];
		z[i] = Number.isNaN(x) ? NaN : scale > 0 ? (x - m) / scale : 0;
	}
	return { z, median: m, mad };
}
