import type { IndicatorDef, Params } from '../indicator';
import { HaarWindowEnergies } from './haar-window-energies';
import { ReturnWindow } from './return-window';
import { waveletEnergiesInto, waveletFilter, type ScalingFilter } from './wavelet-energies';
import { windowLog2Param } from './window-log2-param';

/** Detail levels reported (scales 2, 4 and 8 bars), plus the level-3 approximation. */
export const WAVELET_LEVELS = 3;

type Spec = Pick<IndicatorDef, 'id' | 'name' | 'definition' | 'reference'> & {
	filter: ScalingFilter;
	/** Smallest window exponent (the level-3 input must be at least the filter length). */
	minLog2: number;
	/** Haar only: keep each block's coefficients instead of redoing the transform (same bits). */
	blocks?: boolean;
};

/** Each energy's share of their total (left NaN when the total is 0: every return was 0). */
function shares(e: Float64Array, out: Float64Array): void {
	let total = 0;
	for (let k = 0; k <= WAVELET_LEVELS; k++) total += e[k];
	if (total > 0) for (let k = 0; k <= WAVELET_LEVELS; k++) out[k] = e[k] / total;
}

/**
 * A wavelet-energy indicator over a trailing window of log returns: shares of Σr² in d¹, d², d³
 * and a³. Both paths run the same per-bar kernel (the transform recomputed over the window each
 * bar, O(w·taps); for Haar, whose blocks do not overlap, each block's coefficients computed once
 * and summed per window), so batch and stream agree bit for bit. Warm-up 2ᵏ bars.
 */
export function defineWaveletEnergy(spec: Spec): IndicatorDef {
	const { filter, minLog2, blocks, ...rest } = spec;
	const h = Float64Array.from(filter);
	const g = waveletFilter(filter);
	/** One bar: writes the four shares into `out` (NaN while the window is not usable). */
	const kernel = (p: Params) => {
		const n = 2 ** p.windowLog2;
		if (blocks) {
			const haar = new HaarWindowEnergies(n, h, g);
			const e = new Float64Array(WAVELET_LEVELS + 1);
			return (close: number, out: Float64Array): void => {
				out.fill(NaN);
				if (haar.push(close, e)) shares(e, out);
			};
		}
		const win = new ReturnWindow(n);
		const a = new Float64Array(n);
		const b = new Float64Array(n);
		const e = new Float64Array(WAVELET_LEVELS + 1);
		return (close: number, out: Float64Array): void => {
			out.fill(NaN);
			if (!win.push(close)) return;
			waveletEnergiesInto(win.values, WAVELET_LEVELS, h, g, a, b, e);
			shares(e, out);
		};
	};
	const stream = (p: Params) => {
		const step = kernel(p);
		return {
			update(bar: { close: number }): Float64Array {
				const out = new Float64Array(WAVELET_LEVELS + 1);
				step(bar.close, out);
				return out;
			}
		};
	};
	return {
		...rest,
		category: 'spectral',
		inputs: ['close'],
		params: [windowLog2Param(6, minLog2)],
		outputs: ['d1', 'd2', 'd3', 'a3'],
		warmup: (p) => 2 ** p.windowLog2,
		compute(series, p) {
			const step = kernel(p);
			const close = series.close;
			const outs = [0, 1, 2, 3].map(() => new Float64Array(close.length));
			const row = new Float64Array(WAVELET_LEVELS + 1);
			for (let i = 0; i < close.length; i++) {
				step(close[i], row);
				for (let k = 0; k <= WAVELET_LEVELS; k++) outs[k][i] = row[k];
			}
			return outs;
		},
		stream
	};
}
