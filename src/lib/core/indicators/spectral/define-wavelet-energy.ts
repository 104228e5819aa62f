import type { IndicatorDef, Params } from '../indicator';
import { FourTapWindowEnergies } from './four-tap-window-energies';
import { HaarWindowEnergies } from './haar-window-energies';
import { waveletFilter, type ScalingFilter } from './wavelet-energies';
import { windowLog2Param } from './window-log2-param';

/** Detail levels reported (scales 2, 4 and 8 bars), plus the level-3 approximation. */
export const WAVELET_LEVELS = 3;

type Spec = Pick<IndicatorDef, 'id' | 'name' | 'definition' | 'reference'> & {
	/** A two-tap (Haar) or four-tap (Daubechies 4) orthonormal scaling filter. */
	filter: ScalingFilter;
	/** Smallest window exponent (the level-3 input must be at least the filter length). */
	minLog2: number;
};

/** The window's level energies, bar by bar: [E(d¹), E(d²), E(d³), E(a³)] into `e` when usable. */
interface WindowEnergies {
	push(close: number, e: Float64Array): boolean;
}

/**
 * A wavelet-energy indicator over a trailing window of log returns: shares of Σr² in d¹, d², d³
 * and a³. Both paths run the same per-bar kernel, which keeps each coefficient that does not wrap
 * around the window (computed once, when its last input arrives) and sums the window's energies
 * from them in the periodic pyramid's order — `waveletEnergiesInto`'s numbers bit for bit
 * (`HaarWindowEnergies`, `FourTapWindowEnergies`) — so batch and stream agree bit for bit. The
 * shares divide by the energies' sum 0 + E(d¹) + E(d²) + E(d³) + E(a³) (= Σr², Parseval) and are
 * NaN when it is 0 (every return was 0). Warm-up 2ᵏ bars.
 */
export function defineWaveletEnergy(spec: Spec): IndicatorDef {
	const { filter, minLog2, ...rest } = spec;
	if (filter.length !== 2 && filter.length !== 4)
		throw new RangeError(`${spec.id}: a two- or four-tap scaling filter`);
	const h = Float64Array.from(filter);
	const g = waveletFilter(filter);
	const energies = (p: Params): WindowEnergies => {
		const n = 2 ** p.windowLog2;
		return h.length === 2 ? new HaarWindowEnergies(n, h, g) : new FourTapWindowEnergies(n, h, g);
	};
	return {
		...rest,
		category: 'spectral',
		inputs: ['close'],
		params: [windowLog2Param(6, minLog2)],
		outputs: ['d1', 'd2', 'd3', 'a3'],
		warmup: (p) => 2 ** p.windowLog2,
		compute(series, p) {
			const kept = energies(p);
			const close = series.close;
			const n = close.length;
			const [c1, c2, c3, ca] = [0, 1, 2, 3].map(() => new Float64Array(n));
			const e = new Float64Array(WAVELET_LEVELS + 1);
			// Written straight into the four columns (a row buffer and a copy per bar cost about as
			// much as the energies themselves).
			for (let i = 0; i < n; i++) {
				const total = kept.push(close[i], e) ? 0 + e[0] + e[1] + e[2] + e[3] : 0;
				if (total > 0) {
					c1[i] = e[0] / total;
					c2[i] = e[1] / total;
					c3[i] = e[2] / total;
					ca[i] = e[3] / total;
				} else c1[i] = c2[i] = c3[i] = ca[i] = NaN;
			}
			return [c1, c2, c3, ca];
		},
		stream(p) {
			const kept = energies(p);
			const e = new Float64Array(WAVELET_LEVELS + 1);
			return {
				update(bar: { close: number }): Float64Array {
					const out = new Float64Array(WAVELET_LEVELS + 1).fill(NaN);
					const total = kept.push(bar.close, e) ? 0 + e[0] + e[1] + e[2] + e[3] : 0;
					if (total > 0) for (let k = 0; k <= WAVELET_LEVELS; k++) out[k] = e[k] / total;
					return out;
				}
			};
		}
	};
}
