import { describe, expect, it } from 'vitest';
import type { ExecutionConfig } from '../arena/execution-config';
import { simulate } from '../arena/simulate';
import { CounterRng } from '../random/philox';
import { generateGbm } from '../synthetic/gbm';
import { PaperAccount } from './paper-account';

const series = generateGbm({ seed: 11, bars: 600, s0: 100, mu: 0.02, sigma: 0.35, symbol: 'GBM' });

function randomTargets(seed: number): Float64Array {
	const rng = new CounterRng(seed);
	const levels = [1, -1, 0, 0.5, NaN, 2];
	const t = new Float64Array(600);
	let current = 0;
	for (let i = 0; i < t.length; i++) {
		if (rng.uniform() < 0.08) current = levels[Math.floor(rng.uniform() * levels.length)];
		t[i] = current;
	}
	return t;
}

const CONFIGS: [string, ExecutionConfig][] = [
	['defaults (next open, lag 1)', {}],
	[
		'fees, slippage and fixed costs at the close, lag 0',
		{ lag: 0, fill: 'close', fees: { bps: 10, fixed: 0.01 }, slippage: { bps: 3 } }
	],
	[
		'VWAP proxy with leverage 1.5 and every-bar rebalancing',
		{ fill: 'vwap_proxy', maxLeverage: 1.5, rebalance: 'every_bar', fees: { bps: 2 } }
	],
	[
		'stops, take-profit and trailing stop, long only',
		{ allowShort: false, stops: { stopLoss: 0.03, takeProfit: 0.06, trailingStop: 0.04 } }
	],
	[
		'optimistic intrabar, lag 2',
		{ lag: 2, stops: { stopLoss: 0.02, takeProfit: 0.02, intrabar: 'optimistic' } }
	],
	[
		'risk limits that trip',
		{ risk: { maxDrawdown: 0.15, dailyLoss: 0.05, maxExposure: 1.8 }, maxLeverage: 2 }
	]
];

describe('PaperAccount (the streaming arena engine)', () => {
	for (const [name, config] of CONFIGS)
		it(`matches the batch engine bar for bar: ${name}`, () => {
			for (const seed of [1, 2, 3]) {
				const targets = randomTargets(seed);
				const batch = simulate(series, targets, config);
				const live = new PaperAccount(config);
				for (let i = 0; i < 600; i++) {
					const m = live.step(
						{
							time: series.time[i],
							open: series.open[i],
							high: series.high[i],
							low: series.low[i],
							close: series.close[i],
							volume: series.volume[i]
						},
						targets[i]
					);
					expect(m.equity).toBe(batch.equity[i]);
					expect(m.ret).toBe(batch.returns[i]);
					expect(m.units).toBe(batch.units[i]);
				}
				expect(live.fees).toBe(batch.fees);
				expect(live.fills.length).toBe(batch.fills);
				expect(live.halted).toBe(batch.halt !== null);
			}
		});

	it('trips the risk limits in the halting configuration, as the batch engine does', () => {
		const config = CONFIGS[5][1];
		const halts = [1, 2, 3].map((seed) => simulate(series, randomTargets(seed), config).halt);
		expect(halts.some((h) => h !== null)).toBe(true);
	});

	it('refuses the batch-only volume slippage with a message', () => {
		expect(() => new PaperAccount({ slippage: { volumeShare: { cap: 0.1 } } })).toThrow(
			/batch-only/
		);
	});
});
