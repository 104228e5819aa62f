// Test and bench support: several parameter sets per indicator for one GPU dispatch.
import type { IndicatorDef, Params, RelationDef } from '../../../core/indicators/indicator';
import { defaultParams } from '../../../core/indicators/testing';

/** Integer lengths are scaled by these factors (set 0 is the defaults). */
const SCALES = [1, 0.5, 2];

/**
 * Parameters that must not follow the generic scaling: a log2 window doubled is a 16× window (slow on
 * SwiftShader, and longer than a modest test series), and `source`/`q` are choices, not lengths.
 */
const OVERRIDES: Record<string, (set: number) => Params> = {
	wavelet_haar: (i) => ({ windowLog2: [6, 4, 5][i] }),
	fft_band_energy: (i) => ({ windowLog2: [6, 4, 5][i] }),
	wavelet_db4: (i) => ({ windowLog2: [6, 4, 5][i] }),
	hmm_regime: (i) => ({ fitWindow: [504, 300, 504][i], refit: [63, 40, 100][i] })
};

/**
 * `count` parameter sets for `def`: the defaults, then integer lengths halved and doubled (clamped
 * to their ranges), the statistics' `source` alternating close / log return, a few quantiles.
 *
 * @example
 * paramVariants(rsi, 3); // [{ n: 14 }, { n: 7 }, { n: 28 }]
 */
export function paramVariants(def: IndicatorDef | RelationDef, count = 3): Params[] {
	const base = defaultParams(def);
	return Array.from({ length: count }, (_, i) => {
		const p: Params = { ...base };
		for (const spec of def.params) {
			if (spec.name === 'source') p.source = i % 2;
			else if (spec.name === 'q') p.q = [0.9, 0.25, 0.5][i % 3];
			else if (spec.integer) {
				const scaled = Math.round(spec.default * SCALES[i % SCALES.length]);
				p[spec.name] = Math.min(spec.max, Math.max(spec.min, scaled));
			}
		}
		return { ...p, ...OVERRIDES[def.id]?.(i % 3) };
	});
}
