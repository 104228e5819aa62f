import { describe, expect, it } from 'vitest';
import { battleReproduceQuery, parseBattleReproduce } from './battles';

const config = {
	dataset: { name: 'TTRC', content_hash: 'b'.repeat(64), rows: 5550 },
	windows: 4,
	train_bars: 1000,
	mode: 'rolling' as const,
	fill: 'next_open' as const,
	lag: 1,
	allow_short: true,
	periods_per_year: 252,
	seed: 7
};

describe('reproducing a shared battle from its link', () => {
	it('round-trips the config, seed, contenders and data hash through the query string', () => {
		const q = battleReproduceQuery({
			name: 'SMA vs RSI',
			models_tested: ['sma-cross', 'buy-and-hold'],
			config
		});
		expect(parseBattleReproduce(new URLSearchParams(q))).toEqual({
			name: 'SMA vs RSI',
			windows: 4,
			train_bars: 1000,
			mode: 'rolling',
			fill: 'next_open',
			lag: 1,
			allow_short: true,
			seed: 7,
			contenders: ['sma-cross', 'buy-and-hold'],
			content_hash: 'b'.repeat(64)
		});
	});

	it('ignores a link without the flag or with a tampered value', () => {
		const q = new URLSearchParams(
			battleReproduceQuery({ name: 'x', models_tested: ['a'], config })
		);
		expect(parseBattleReproduce(new URLSearchParams())).toBeNull();
		q.set('windows', '1000000');
		expect(parseBattleReproduce(q)).toBeNull();
		q.set('windows', '4');
		q.set('mode', "rolling'; DROP TABLE x");
		expect(parseBattleReproduce(q)).toBeNull();
	});
});
