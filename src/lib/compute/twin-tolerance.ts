import { sourceOf, type FeatureSpec } from '../core/features';

/**
 * The largest |gpu − cpu| the WebGPU kernels may differ from the f64 CPU twins at row `i`, and why.
 *
 * The GPU sees prices rounded to f32 (relative error ≤ 2^-24 ≈ 6e-8) and computes in f32:
 * - Columns built on log returns: a return from two rounded prices is off by up to 2^-23 (1 + |r|)
 *   ≈ 1.2e-7 *absolute*, whatever the size of the return, and means, stds and EMAs of returns
 *   inherit that absolute bound. Allowed: 2.5e-7 + 1e-6·|cpu|.
 * - Columns built on close prices: errors scale with the price level, not the value (a std of
 *   0.01 on a price of 100 carries rounding of ~1e-5), so the bound is relative to the largest
 *   |close| in the window: 2e-6 × level, i.e. ~32 f32 ulps — one for rounding the input, plus the
 *   EMA recurrence's steady state of about ulp/α (13 ulps for EMA(26)).
 */
export function twinTolerance(
	spec: FeatureSpec,
	close: Float64Array,
	i: number,
	cpu: number
): number {
	if (spec.kind === 'log_return' || sourceOf(spec) === 'log_return')
		return 2.5e-7 + 1e-6 * Math.abs(cpu);
	const w = spec.kind === 'ema' ? spec.period : spec.window;
	let level = Math.abs(cpu);
	for (let j = Math.max(0, i - w + 1); j <= i; j++) level = Math.max(level, Math.abs(close[j]));
	return 2e-6 * level;
}
