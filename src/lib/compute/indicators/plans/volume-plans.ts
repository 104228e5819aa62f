/** GPU plans for the volume indicators (CPU twins: core/indicators/volume). */
import { PlanBuilder, rd, type Col, type GpuPlan } from '../plan';
import { field } from './building-blocks';
import { zscoreOf } from './statistics-plans';

/**
 * A running total Σᵢ≤ₜ xᵢ as the affine scan with a = 1. The blocked scan adds within blocks of 64
 * and then carries block totals, so its worst-case rounding is (64 + bars/64) ulps of the running
 * magnitude rather than the `bars` ulps of a plain sequential f32 sum.
 */
const cumulative = (b: PlanBuilder, terms: Col): Col =>
	b.scan(terms.start, { seed: rd(terms), a: '1.0', b: rd(terms) });

/** OBV: ±volume by the sign of the close change; f32 keeps the sign of every real price change. */
export function obvPlan(): GpuPlan {
	const b = new PlanBuilder('obv', []);
	const close = field(b, 'close');
	const volume = field(b, 'volume');
	const terms = b.map(
		'0',
		`select(sign(${rd(close)} - ${rd(close, 'max(t - 1, 0)')}) * ${rd(volume)}, ${rd(volume)}, t == 0)`
	);
	return b.build([{ col: cumulative(b, terms) }]);
}

/** Close location value ((C − L) − (H − C)) / (H − L), 0 on a bar with no range. */
function clvVolume(b: PlanBuilder): { flow: Col; volume: Col } {
	const high = field(b, 'high');
	const low = field(b, 'low');
	const close = field(b, 'close');
	const volume = field(b, 'volume');
	const range = `(${rd(high)} - ${rd(low)})`;
	const clv = `select(((${rd(close)} - ${rd(low)}) - (${rd(high)} - ${rd(close)})) / ${range}, 0.0, ${range} == 0.0)`;
	return { flow: b.map('0', `${clv} * ${rd(volume)}`), volume };
}

export function accumulationDistributionPlan(): GpuPlan {
	const b = new PlanBuilder('accumulation_distribution', []);
	return b.build([{ col: cumulative(b, clvVolume(b).flow) }]);
}

export function chaikinMoneyFlowPlan(): GpuPlan {
	const b = new PlanBuilder('chaikin_money_flow', ['period']);
	const n = b.ip('period');
	const { flow, volume } = clvVolume(b);
	const volumeSum = b.map(`${n} - 1`, `wsum(${volume.index}u, t, ${n})`);
	return b.build([
		{
			col: b.map(`${n} - 1`, `wsum(${flow.index}u, t, ${n}) / ${rd(volumeSum)}`),
			nanWhen: `${rd(volumeSum)} == 0.0`
		}
	]);
}

export function vwapRollingPlan(): GpuPlan {
	const b = new PlanBuilder('vwap_rolling', ['period']);
	const n = b.ip('period');
	const close = field(b, 'close');
	const volume = field(b, 'volume');
	const pv = b.map('0', `${rd(close)} * ${rd(volume)}`);
	const volumeSum = b.map(`${n} - 1`, `wsum(${volume.index}u, t, ${n})`);
	return b.build([
		{
			col: b.map(`${n} - 1`, `wsum(${pv.index}u, t, ${n}) / ${rd(volumeSum)}`),
			nanWhen: `${rd(volumeSum)} == 0.0`
		}
	]);
}

/**
 * MFI. Whether the typical price rose, fell or stayed is decided in f64 on the host
 * (`typical_price_move`, see pack-inputs.ts); the flows and window sums run on the GPU.
 */
export function mfiPlan(): GpuPlan {
	const b = new PlanBuilder('mfi', ['period']);
	const n = b.ip('period');
	const tp = b.map(
		'0',
		`(${rd(field(b, 'high'))} + ${rd(field(b, 'low'))} + ${rd(field(b, 'close'))}) / 3.0`
	);
	const flow = b.map('0', `${rd(tp)} * ${rd(field(b, 'volume'))}`);
	const move = field(b, 'typical_price_move');
	const pos = b.map('1', `select(0.0, ${rd(flow)}, ${rd(move)} > 0.5)`);
	const neg = b.map('1', `select(0.0, ${rd(flow)}, ${rd(move)} < -0.5)`);
	const p = b.map(n, `wsum(${pos.index}u, t, ${n})`);
	const q = b.map(n, `wsum(${neg.index}u, t, ${n})`);
	const mfi = `select(100.0 - 100.0 / (1.0 + ${rd(p)} / ${rd(q)}), select(100.0, 50.0, ${rd(p)} == 0.0), ${rd(q)} == 0.0)`;
	return b.build([{ col: b.map(n, mfi) }]);
}

export function volumeZscorePlan(): GpuPlan {
	const b = new PlanBuilder('volume_zscore', ['window']);
	return b.build([zscoreOf(b, field(b, 'volume'), b.ip('window'))]);
}
