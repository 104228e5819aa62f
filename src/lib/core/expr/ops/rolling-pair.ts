import { rollingApplyPair } from './rolling-apply';

/** Centred co-moments of the aligned windows x[s..e), y[s..e). */
function comoments(x: Float64Array, y: Float64Array, s: number, e: number) {
	const n = e - s;
	let mx = 0;
	let my = 0;
	for (let i = s; i < e; i++) {
		mx += x[i];
		my += y[i];
	}
	mx /= n;
	my /= n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = s; i < e; i++) {
		const dx = x[i] - mx;
		const dy = y[i] - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return { sxy, sxx, syy };
}

/**
 * Rolling Pearson correlation (pandas `rolling().corr()`); NaN when either window is constant,
 * as Qlib's `Corr` sets it. Warm-up n − 1; n ≥ 2.
 */
export const rollingCorrOp = (x: Float64Array, y: Float64Array, n: number): Float64Array =>
	rollingApplyPair(x, y, n, (s, e) => {
		const { sxy, sxx, syy } = comoments(x, y, s, e);
		return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
	});

/** Rolling sample covariance (divides by n − 1, pandas `rolling().cov()`). n ≥ 2. */
export const rollingCovOp = (x: Float64Array, y: Float64Array, n: number): Float64Array =>
	rollingApplyPair(x, y, n, (s, e) => comoments(x, y, s, e).sxy / (n - 1));
