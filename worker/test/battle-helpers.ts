// Test support for the battle-session edge specs: a valid session body as the browser sends it.
import type { BattleSessionCreate } from '../../src/lib/core/protocol';

export function validBattle(overrides: Partial<BattleSessionCreate> = {}): BattleSessionCreate {
	return {
		name: 'SMA vs RSI on TTRC',
		models_tested: ['sma-cross', 'rsi-reversion', 'buy-and-hold'],
		status: 'completed',
		duration_seconds: 3,
		risk_limits: { max_drawdown: 0.3, fee_bps: 5 },
		config: {
			dataset: { name: 'TTRC daily', content_hash: 'b'.repeat(64), rows: 5550 },
			windows: 4,
			train_bars: 1000,
			mode: 'rolling',
			fill: 'next_open',
			lag: 1,
			allow_short: false,
			periods_per_year: 252,
			seed: 1
		},
		results: {
			standings: [
				{
					id: 'sma-cross',
					label: 'SMA crossover',
					kind: 'expression',
					trials: 6,
					total_return: 0.4,
					sharpe: 0.6,
					sharpe_ci: [-0.1, 1.3],
					max_drawdown: 0.25,
					trades: 40,
					psr: 0.93,
					dsr: 0.61,
					pbo: 0.4,
					verdict: 'indistinguishable from luck at 95%'
				}
			],
			trials: 10,
			bars: 4550,
			spa: { p_value: 0.31, verdict: 'no model beats Buy & hold at 95%', best: 'SMA crossover' }
		},
		metrics: [
			{ name: 'sma-cross:sharpe', value: 0.6, step: 0 },
			{ name: 'sma-cross:dsr', value: 0.61, step: 0 }
		],
		...overrides
	};
}
