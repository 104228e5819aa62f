import { RollingVariance } from './kernels/rolling-variance';

/**
 * (x − mean) / sample std of the window ending at x, or NaN (warm-up, or a constant window).
 * Shared by `rolling_zscore` and `volume_zscore`.
 */
export function zscoreStep(v: RollingVariance, x: number, window: number): number {
	if (!v.push(x)) return NaN;
	const sd = Math.sqrt(v.sumSquares / (window - 1));
	return sd > 0 ? (x - v.mean) / sd : NaN;
}

/** z-scores of a whole column (same kernel as the stream, so the paths agree bit for bit). */
export function zscoreColumn(x: Float64Array, window: number): Float64Array {
	const v = new RollingVariance(window);
	const out = new Float64Array(x.length);
	for (let i = 0; i < x.length; i++) out[i] = zscoreStep(v, x[i], window);
	return out;
}
