/**
 * Total (cumulative, simple) return of an equity curve: last / first − 1. NaN for an empty curve.
 *
 * @example
 * totalReturn(Float64Array.of(1, 1.2, 0.9, 1.1)); // 0.1 (up to rounding)
 */
export function totalReturn(equity: Float64Array): number {
	const n = equity.length;
	return n === 0 ? NaN : equity[n - 1] / equity[0] - 1;
}
