import { describe, expect, it } from 'vitest';
import type { ExperimentCreate } from '$lib/core/protocol';
import { changedFields, mergeExperiment } from './merge';

const base: ExperimentCreate = {
	name: 'base',
	status: 'created',
	model_config: { model_type: 'gru', window: 16, units: 16 },
	data_config: {
		dataset: 'd',
		content_hash: 'c'.repeat(64),
		rows: 10,
		features: ['close'],
		train_fraction: 0.7
	},
	training_config: { seed: 1, epochs: 2, batch_size: 8, learning_rate: 0.01, backend: 'cpu' }
};

describe('mergeExperiment', () => {
	it('takes each side’s change when they touch different fields', () => {
		const local = { ...base, name: 'mine' };
		const server = { ...base, training_config: { ...base.training_config, epochs: 9 } };
		expect(mergeExperiment(base, local, server)).toEqual({
			merged: { ...base, name: 'mine', training_config: { ...base.training_config, epochs: 9 } },
			conflicts: []
		});
	});

	it('reports fields both sides changed and resolves them by preference', () => {
		const local = { ...base, name: 'mine' };
		const server = { ...base, name: 'theirs' };
		expect(mergeExperiment(base, local, server, 'local')).toEqual({
			merged: local,
			conflicts: ['name']
		});
		expect(mergeExperiment(base, local, server, 'server').merged.name).toBe('theirs');
	});

	it('without a base every difference is a conflict; key order never is', () => {
		const reordered = {
			...base,
			model_config: { units: 16, window: 16, model_type: 'gru' as const }
		};
		expect(changedFields(base, reordered)).toEqual([]);
		expect(mergeExperiment(null, { ...base, description: 'x' }, base).conflicts).toEqual([
			'description'
		]);
	});
});
