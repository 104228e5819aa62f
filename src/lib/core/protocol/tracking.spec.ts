import { describe, expect, it } from 'vitest';
import { parseReproduceQuery, reproduceQuery } from './tracking';

const shared = {
	name: 'GRU on TTRC',
	model_config: { model_type: 'lstm' as const, window: 24, units: 32 },
	training_config: {
		seed: 1234,
		epochs: 7,
		batch_size: 32,
		learning_rate: 0.002,
		backend: 'webgpu'
	},
	data_config: {
		dataset: 'ttrc',
		content_hash: 'd'.repeat(64),
		rows: 10,
		features: ['close'],
		train_fraction: 0.7
	},
	backtest_config: { threshold: 0.001, fee_bps: 2.5, periods_per_year: 252 }
};

describe('reproduce query', () => {
	it('parseReproduceQuery(reproduceQuery(e)) gives back the spec, seed and data hash', () => {
		const parsed = parseReproduceQuery(new URLSearchParams(reproduceQuery(shared)));
		expect(parsed).toEqual({
			name: 'GRU on TTRC',
			model_type: 'lstm',
			window: 24,
			units: 32,
			epochs: 7,
			batch_size: 32,
			learning_rate: 0.002,
			seed: 1234,
			content_hash: 'd'.repeat(64),
			threshold: 0.001,
			fee_bps: 2.5
		});
	});

	it('ignores URLs without the flag or with invalid values', () => {
		const q = new URLSearchParams(reproduceQuery(shared));
		q.set('window', '100000');
		expect(parseReproduceQuery(q)).toBeNull();
		expect(parseReproduceQuery(new URLSearchParams('name=x'))).toBeNull();
	});
});
