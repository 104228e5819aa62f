/** GPU plan for the volatility regime (CPU twin: core/indicators/regime/vol-regime.ts). */
import { PlanBuilder, rd, type GpuPlan } from '../plan';
import { field, logReturns, sampleStd } from './building-blocks';

/**
 * Mid-rank of column c at row t among its rows first … t − 1, by counting: O(t) per bar, the
 * expanding history read straight from the column (no sorted structure per thread).
 */
const EXPANDING_RANK_WGSL = /* wgsl */ `
fn expanding_mid_rank(c: u32, first: i32, t: i32) -> f32 {
	let x = rd(c, t);
	var below = 0;
	var equal = 0;
	for (var j = first; j < t; j++) {
		let y = rd(c, j);
		below += select(0, 1, y < x);
		equal += select(0, 1, y == x);
	}
	return (f32(below) + 0.5 * f32(equal)) / f32(t - first);
}
`;

/**
 * Rolling std of log returns, its expanding mid-rank percentile, and the tercile regime. f32 stds
 * can swap the order of two nearly equal past values, moving the percentile by 1/count per swap;
 * the regime can then differ only where the percentile sits at a tercile boundary (see
 * `gpu-tolerance.ts`).
 */
export function volRegimePlan(): GpuPlan {
	const b = new PlanBuilder('vol_regime', ['window', 'minHistory']);
	b.helper(EXPANDING_RANK_WGSL);
	const w = b.ip('window');
	const { std } = sampleStd(b, logReturns(b, field(b, 'close')), w);
	const start = `${std.start} + ${b.ip('minHistory')}`;
	const pct = b.map(start, `expanding_mid_rank(${std.index}u, ${std.start}, t)`);
	const regime = b.map(
		start,
		`select(select(2.0, 1.0, ${rd(pct)} < 2.0 / 3.0), 0.0, ${rd(pct)} < 1.0 / 3.0)`
	);
	return b.build([{ col: regime }, { col: pct }]);
}
