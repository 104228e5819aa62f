import type { IndicatorDef } from '../indicator';
import { RunningTotal } from '../statistics/kernels/running-total';
import { clv } from './clv';

/** CLV · V added to a running total; NaN (adding nothing) for a bar with a missing input. */
function step(total: RunningTotal, h: number, l: number, c: number, v: number): number {
	const flow = clv(h, l, c) * v;
	return Number.isFinite(flow) ? total.add(flow) : NaN;
}

/** Chaikin accumulation/distribution line, TTR `chaikinAD` / TA-Lib AD. */
export const accumulationDistribution: IndicatorDef = {
	id: 'accumulation_distribution',
	name: 'Accumulation/distribution line (Chaikin)',
	category: 'volume',
	inputs: ['high', 'low', 'close', 'volume'],
	params: [],
	outputs: ['ad'],
	warmup: () => 0,
	compute(series) {
		const total = new RunningTotal();
		const { high, low, close, volume } = series;
		const out = new Float64Array(close.length);
		for (let i = 0; i < out.length; i++) out[i] = step(total, high[i], low[i], close[i], volume[i]);
		return [out];
	},
	stream() {
		const total = new RunningTotal();
		return { update: (b) => Float64Array.of(step(total, b.high, b.low, b.close, b.volume)) };
	},
	definition:
		'CLVₜ = ((Cₜ − Lₜ) − (Hₜ − Cₜ)) / (Hₜ − Lₜ) (0 when H = L); ADₜ = Σ_{i ≤ t} CLVᵢ · Vᵢ. A bar ' +
		'with a missing input is NaN and adds nothing.',
	reference:
		'Chaikin, accumulation/distribution (Achelis 2000, Technical Analysis from A to Z); TA-Lib ' +
		'AD; tested against TTR 0.24 chaikinAD.'
};
