// The Monte Carlo benchmarks' path models, shared so both benches measure the same thing: ten
// years of daily log returns from a seeded GBM history (2,520 returns) for the stationary
// bootstrap, a GBM, and a two-regime Markov GBM.
import type { PathModel } from '../src/lib/core/montecarlo';
import { generateGbm } from '../src/lib/core/synthetic/gbm';

const history = generateGbm({
	seed: 3,
	bars: 2521,
	s0: 100,
	mu: 0.05,
	sigma: 0.2,
	symbol: 'SYN'
}).close;
const logReturns = Float64Array.from({ length: history.length - 1 }, (_, i) =>
	Math.log(history[i + 1] / history[i])
);

export const MC_MODELS: Record<'bootstrap' | 'gbm' | 'markov-gbm', PathModel> = {
	bootstrap: { kind: 'bootstrap', returns: logReturns, meanBlockLength: 10 },
	gbm: { kind: 'gbm', mu: 3e-4, sigma: 0.012 },
	'markov-gbm': {
		kind: 'markov-gbm',
		regimes: [
			{ mu: 5e-4, sigma: 0.008 },
			{ mu: -1e-3, sigma: 0.025 }
		],
		transition: [
			[0.98, 0.02],
			[0.1, 0.9]
		]
	}
};
