import type { OhlcvSeries } from '../../ohlcv';
import { CounterRng } from '../../random/philox';
import { generateGbm } from '../../synthetic';
import type { ExecutionConfig } from '../execution-config';

const TARGET_LEVELS = [-1.5, -1, -0.5, 0, 0, 0.5, 1, 1, 2, NaN];

export interface Case {
	series: OhlcvSeries;
	targets: Float64Array;
	config: ExecutionConfig;
}

/** A random strategy on a random GBM series under a random execution config, from one seed. */
export function randomCase(seed: number): Case {
	const rng = new CounterRng(seed, 7);
	const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
	const chance = (p: number) => rng.uniform() < p;
	const between = (a: number, b: number) => a + (b - a) * rng.uniform();
	const bars = 40 + rng.int(200);
	const initialCash = pick([1, 10_000]);
	const series = generateGbm({
		seed,
		bars,
		s0: 100,
		mu: between(-0.5, 0.5),
		sigma: between(0.2, 1.2),
		stepMs: pick([86_400_000, 6 * 3_600_000]),
		// Thin volume for large accounts, so volume caps bind.
		volumeMedian: initialCash === 1 ? 1e6 : pick([300, 3000, 1e6]),
		symbol: 'RND'
	});
	const targets = new Float64Array(bars);
	let current = pick(TARGET_LEVELS);
	for (let i = 0; i < bars; i++) {
		if (chance(0.25)) current = pick(TARGET_LEVELS);
		targets[i] = current;
	}
	const lag = rng.int(4);
	const config: ExecutionConfig = {
		initialCash,
		lag,
		fill: lag === 0 ? 'close' : pick(['next_open', 'close', 'vwap_proxy'] as const),
		rebalance: pick(['on_change', 'every_bar'] as const),
		maxLeverage: pick([1, 1.5, 2]),
		allowShort: chance(0.8),
		maxUnits: chance(0.3) ? (0.7 * initialCash) / 100 : undefined,
		fees: {
			bps: chance(0.5) ? between(0, 50) : undefined,
			fixed: chance(0.3) ? between(0, 1e-3) * initialCash : undefined,
			custom: chance(0.3) ? (v, q) => 5e-4 * v + (q < 0 ? 1e-4 * initialCash : 0) : undefined
		},
		slippage: {
			bps: chance(0.5) ? between(0, 30) : undefined,
			volumeShare: chance(0.3)
				? { cap: between(0.01, 0.5), impact: chance(0.5) ? between(0, 0.2) : undefined }
				: undefined,
			sqrtImpact: chance(0.3)
				? {
						k: between(0.1, 1),
						sigma: chance(0.5)
							? 0.02
							: Float64Array.from({ length: bars }, () => between(0.005, 0.05))
					}
				: undefined
		},
		stops: {
			stopLoss: chance(0.4) ? between(0.01, 0.1) : undefined,
			takeProfit: chance(0.4) ? between(0.01, 0.2) : undefined,
			trailingStop: chance(0.4) ? between(0.01, 0.1) : undefined,
			intrabar: pick(['pessimistic', 'optimistic'] as const)
		},
		risk: {
			maxDrawdown: chance(0.2) ? between(0.1, 0.5) : undefined,
			dailyLoss: chance(0.2) ? between(0.02, 0.1) : undefined,
			maxExposure: chance(0.2) ? between(1.2, 2.5) : undefined
		}
	};
	return { series, targets, config };
}
