import { rollingMeanM2 } from '../../features/rolling-std';

/**
 * Bollinger's batch path: the window's mean and M2 from `rollingMeanM2` (`RollingVariance`'s
 * arithmetic, as `rolling_std` reads it), then the five outputs in one pass — no per-row method call
 * or row copy. Same bits as the stream.
 */
export function bollingerBatch(close: Float64Array, period: number, k: number): Float64Array[] {
	const n = close.length;
	const mid = new Float64Array(n);
	const upper = new Float64Array(n); // holds M2 until the bands replace it, row by row
	const lower = new Float64Array(n);
	const percentB = new Float64Array(n);
	const bandwidth = new Float64Array(n);
	rollingMeanM2(close, period, mid, upper);
	for (let i = 0; i < n; i++) {
		const mean = mid[i];
		const sd = Math.sqrt(upper[i] / period); // population: ÷ n, as TTR and TA-Lib
		const up = mean + k * sd;
		const dn = mean - k * sd;
		upper[i] = up;
		lower[i] = dn;
		percentB[i] = (close[i] - dn) / (up - dn);
		bandwidth[i] = (up - dn) / mean;
	}
	return [mid, upper, lower, percentB, bandwidth];
}
