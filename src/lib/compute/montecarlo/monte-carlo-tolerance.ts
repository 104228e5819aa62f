/**
 * The largest |gpu − cpu| a per-path output of the WGSL kernel may differ from the f64 CPU twin,
 * as `tolerance × (1 + |cpu|)`, and why. Both twins use the same Philox words and the same integer
 * decisions (bootstrap indices and restarts, regime switches), so the paths are the same paths and
 * only f32 rounding separates them:
 * - each step's normal: the kernel's own ln / cos series (not WGSL's built-ins, which may be off by
 *   2^-11) keep |Δz| ≤ 1e-6 (measured 5.6e-7 on SwiftShader, see philox-wgsl.gpu.spec.ts);
 * - inputs rounded to f32 (drift, sigma, bootstrap returns): relative 6e-8 each;
 * - the running log equity summed in f32 over `steps` steps: ≤ steps · 2^-24 · max|cum|, about
 *   1.5e-5 · |cum| in the worst case for 252 steps, ~1e-6 typically.
 * Measured on 4,096 paths × 252 steps (SwiftShader): final return 1.1e-6, max drawdown 3.1e-7,
 * Sharpe 2.9e-5 (the variance Σd² − (Σd)²/n loses digits in f32). The bounds allow ~10×.
 */
export const MONTE_CARLO_TWIN_TOLERANCE = {
	finalReturn: 1e-5,
	maxDrawdown: 5e-6,
	sharpe: 2.5e-4,
	/** A ruin flag may differ only where the CPU's lowest log equity is this close to ln(threshold). */
	ruinLogEquity: 1e-5
} as const;
