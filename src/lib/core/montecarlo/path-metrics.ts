/** What one path ended with. */
export interface PathMetrics {
	/** Total simple return over the path: equity_end − 1 (equity starts at 1). */
	finalReturn: number;
	/** Largest fall from a running peak, as a fraction of the peak (0 = never fell), start included. */
	maxDrawdown: number;
	/** mean / sample std of the per-step log returns × √periodsPerYear; 0 when the std is 0 or steps < 2. */
	sharpe: number;
	/** Lowest log equity over steps 1…n (0 if the path never went below its start). */
	minLogEquity: number;
	/** Equity ≤ the ruin threshold at some step. */
	ruined: boolean;
}

/**
 * The metrics of one path of per-step log returns, in the form the WGSL kernel computes them (f64
 * here, f32 there): drawdown and ruin in log space (peak − cum; min cum ≤ ln threshold), so no exp
 * per step; the variance from sums of returns shifted by the first return (r − r₀), which keeps
 * Σd² − (Σd)²/n well conditioned in f32 when the mean is large next to the spread.
 *
 * @example
 * pathMetrics(Float64Array.of(0.1, -0.2), Math.log(0.5), Math.sqrt(252)).maxDrawdown; // 1 − e^-0.2
 */
export function pathMetrics(
	logReturns: Float64Array,
	ruinLog: number,
	annualFactor: number
): PathMetrics {
	const n = logReturns.length;
	const shift = n > 0 ? logReturns[0] : 0;
	let cum = 0;
	let peak = 0;
	let ddLog = 0;
	let minLog = 0;
	let sd = 0;
	let sd2 = 0;
	for (let s = 0; s < n; s++) {
		const r = logReturns[s];
		cum += r;
		if (cum > peak) peak = cum;
		else if (peak - cum > ddLog) ddLog = peak - cum;
		if (cum < minLog) minLog = cum;
		const d = r - shift;
		sd += d;
		sd2 += d * d;
	}
	return metricsFromSums(n, cum, ddLog, minLog, sd, sd2, shift, ruinLog, annualFactor);
}

/**
 * The metrics from one path's running sums (n steps; cum, ddLog and minLog in log space; Σd and Σd²
 * of the returns shifted by `shift`, the first return). Shared by `pathMetrics` and the WebAssembly
 * kernel, which returns these sums, so both produce the same bits.
 */
export function metricsFromSums(
	n: number,
	cum: number,
	ddLog: number,
	minLog: number,
	sd: number,
	sd2: number,
	shift: number,
	ruinLog: number,
	annualFactor: number
): PathMetrics {
	let sharpe = 0;
	if (n > 1) {
		const variance = (sd2 - (sd * sd) / n) / (n - 1);
		if (variance > 0) sharpe = ((shift + sd / n) / Math.sqrt(variance)) * annualFactor;
	}
	return {
		finalReturn: Math.expm1(cum),
		maxDrawdown: -Math.expm1(-ddLog),
		sharpe,
		minLogEquity: minLog,
		ruined: minLog <= ruinLog
	};
}
