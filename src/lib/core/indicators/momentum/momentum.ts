import { defineIndicator } from '../trend/define-indicator';
import { intParam } from '../trend/int-param';
import { LagState } from '../trend/lag-state';
import { momentumBatch } from './lag-batch';

/** Momentum: the close's change over n bars, Cₜ − Cₜ₋ₙ (TA-Lib MOM, TTR `momentum`). */
export const momentum = defineIndicator({
	id: 'momentum',
	name: 'Momentum',
	category: 'momentum',
	inputs: ['close'],
	params: [intParam('n', 10, 'Bars back (TA-Lib default 10; TTR default 1).')],
	outputs: ['momentum'],
	warmup: (p) => p.n,
	kernel(p) {
		const lag = new LagState(p.n);
		return {
			step(bar, out) {
				out[0] = bar.close - lag.next(bar.close);
			}
		};
	},
	batch: momentumBatch,
	definition: 'MOM = Cₜ − Cₜ₋ₙ. Warm-up n bars.',
	reference:
		'TA-Lib MOM (ta_MOM.c). Tested against TTR::momentum on the TTR ttrc daily dataset (scripts/fixtures/ttr-trend-momentum.R).'
});
