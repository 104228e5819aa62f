import { defineIndicator } from '../trend/define-indicator';
import { intParam } from '../trend/int-param';
import { LagState } from '../trend/lag-state';
import { rocBatch } from './lag-batch';

/**
 * Rate of change over n bars in percent, TA-Lib's ROC: 100 (Cₜ / Cₜ₋ₙ − 1). TTR's
 * `ROC(type = "discrete")` is the same ratio as a fraction (× 100 here).
 */
export const roc = defineIndicator({
	id: 'roc',
	name: 'Rate of Change (percent)',
	category: 'momentum',
	inputs: ['close'],
	params: [intParam('n', 10, 'Bars back (TA-Lib default 10; TTR default 1).')],
	outputs: ['roc'],
	warmup: (p) => p.n,
	kernel(p) {
		const lag = new LagState(p.n);
		return {
			step(bar, out) {
				const old = lag.next(bar.close);
				// A zero base price has no rate: 0, as TA-Lib.
				out[0] = old === 0 ? 0 : 100 * (bar.close / old - 1);
			}
		};
	},
	batch: rocBatch,
	definition: 'ROC = 100 (Cₜ / Cₜ₋ₙ − 1), 0 when Cₜ₋ₙ = 0. Warm-up n bars.',
	reference:
		'TA-Lib ROC (ta_ROC.c). Tested against 100 × TTR::ROC(type = "discrete") on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
