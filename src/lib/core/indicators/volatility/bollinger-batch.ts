import { compensatedSum, squaredDeviationSum } from '../../features/compensated-sum';

/**
 * Bollinger's batch path: `RollingVariance`'s arithmetic (the sliding Welford update, recomputed
 * exactly every `period` rows, as `features/rolling-std` reads it) inline over the close column,
 * writing the five outputs directly: no per-row method call or row copy. Same bits as the stream.
 */
export function bollingerBatch(close: Float64Array, period: number, k: number): Float64Array[] {
	const n = close.length;
	const mid = new Float64Array(n);
	const upper = new Float64Array(n);
	const lower = new Float64Array(n);
	const percentB = new Float64Array(n);
	const bandwidth = new Float64Array(n);
	let runStart = 0;
	let mean = 0;
	let m2 = 0;
	let sinceExact = period; // ≥ period forces an exact recomputation
	for (let i = 0; i < n; i++) {
		const x = close[i];
		if (x - x !== 0) runStart = i + 1; // not finite: the window empties
		if (i - runStart + 1 < period) {
			if (x - x !== 0) sinceExact = period;
			mid[i] = upper[i] = lower[i] = percentB[i] = bandwidth[i] = NaN;
			continue;
		}
		const start = i - period + 1;
		if (sinceExact >= period) {
			mean = compensatedSum(close, start, i + 1) / period;
			m2 = squaredDeviationSum(close, start, i + 1, mean);
			sinceExact = 0;
		} else {
			const old = close[start - 1];
			const d = x - old;
			const next = mean + d / period;
			m2 += d * (x - next + old - mean);
			mean = next;
		}
		sinceExact++;
		const sd = Math.sqrt(Math.max(0, m2) / period); // population: ÷ n, as TTR and TA-Lib
		const up = mean + k * sd;
		const dn = mean - k * sd;
		mid[i] = mean;
		upper[i] = up;
		lower[i] = dn;
		percentB[i] = (x - dn) / (up - dn);
		bandwidth[i] = (up - dn) / mean;
	}
	return [mid, upper, lower, percentB, bandwidth];
}
