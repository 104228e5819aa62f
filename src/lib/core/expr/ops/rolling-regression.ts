import { rollingApply } from './rolling-apply';

/**
 * Ordinary least squares of the window's values y on the time index x = 1..n (Qlib's
 * `Slope`/`Rsquare`/`Resi`, its Cython `rolling_slope` family). Centred two-pass sums per window,
 * so prices near 100 with cent-sized moves lose no digits. Warm-up n − 1; n ≥ 2.
 *
 * slope = Σ (x − x̄)(y − ȳ) / Σ (x − x̄)²; R² = Sxy² / (Sxx · Syy) (NaN for a constant window, 0/0);
 * residual = y_n − (ȳ + slope · (n − x̄)), the last point's distance from the fitted line.
 */
function fit(
	y: Float64Array,
	start: number,
	end: number
): { slope: number; r2: number; resi: number } {
	const n = end - start;
	const xBar = (n + 1) / 2;
	let yBar = 0;
	for (let i = start; i < end; i++) yBar += y[i];
	yBar /= n;
	let sxy = 0;
	let syy = 0;
	for (let i = start; i < end; i++) {
		const dy = y[i] - yBar;
		sxy += (i - start + 1 - xBar) * dy;
		syy += dy * dy;
	}
	const sxx = (n * (n * n - 1)) / 12; // Σ (k − x̄)² for k = 1..n
	const slope = sxy / sxx;
	return {
		slope,
		r2: syy > 0 ? (sxy * sxy) / (sxx * syy) : NaN,
		resi: y[end - 1] - (yBar + slope * (n - xBar))
	};
}

export const rollingSlopeOp = (y: Float64Array, n: number): Float64Array =>
	rollingApply(y, n, (s, e) => fit(y, s, e).slope);

export const rollingRsquareOp = (y: Float64Array, n: number): Float64Array =>
	rollingApply(y, n, (s, e) => fit(y, s, e).r2);

export const rollingResiOp = (y: Float64Array, n: number): Float64Array =>
	rollingApply(y, n, (s, e) => fit(y, s, e).resi);
