import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { buildSequenceModel, type SequenceModelSpec } from './gru-regressor';

beforeAll(async () => {
	await selectBackend('cpu');
});

async function weightsOf(model: tf.LayersModel): Promise<Float32Array[]> {
	return Promise.all(model.getWeights().map(async (w) => (await w.data()) as Float32Array));
}

describe('buildSequenceModel', () => {
	// Keras formula: gates × (kernel f·u + recurrent u·u + bias u), then the dense head u·1 + 1.
	const cases: { spec: Omit<SequenceModelSpec, 'seed'>; params: number }[] = [
		{
			spec: { model_type: 'gru', window: 8, nFeatures: 4, units: 8 },
			params: 3 * (8 * 4 + 8 * 8 + 8) + 9
		},
		{
			spec: { model_type: 'lstm', window: 8, nFeatures: 4, units: 8 },
			params: 4 * (8 * 4 + 8 * 8 + 8) + 9
		},
		{
			spec: { model_type: 'gru', window: 32, nFeatures: 1, units: 16 },
			params: 3 * (16 + 256 + 16) + 17
		},
		{
			spec: { model_type: 'lstm', window: 3, nFeatures: 6, units: 5 },
			params: 4 * (30 + 25 + 5) + 6
		}
	];
	it.each(
		cases.map((c) => ({
			...c,
			name: `${c.spec.model_type.toUpperCase()}(${c.spec.units} units, ${c.spec.nFeatures} features)`
		}))
	)('$name has $params parameters', ({ spec, params }) => {
		const model = buildSequenceModel({ ...spec, seed: 1 });
		expect(model.countParams()).toBe(params);
		expect(model.inputs[0].shape).toEqual([null, spec.window, spec.nFeatures]);
		expect(model.outputs[0].shape).toEqual([null, 1]);
		model.dispose();
	});

	it('gives bit-identical initial weights for the same seed, including seed 0', async () => {
		for (const model_type of ['gru', 'lstm'] as const) {
			for (const seed of [0, 42]) {
				const spec = { model_type, window: 8, nFeatures: 4, units: 8, seed };
				const a = buildSequenceModel(spec);
				const b = buildSequenceModel(spec);
				expect(await weightsOf(a)).toEqual(await weightsOf(b));
				a.dispose();
				b.dispose();
			}
		}
	});

	it('gives different weights for different seeds, and different weights in each layer', async () => {
		const spec = { model_type: 'gru' as const, window: 8, nFeatures: 4, units: 8 };
		const a = buildSequenceModel({ ...spec, seed: 1 });
		const b = buildSequenceModel({ ...spec, seed: 2 });
		const [ka, ra] = await weightsOf(a);
		const [kb] = await weightsOf(b);
		expect(ka).not.toEqual(kb);
		// Distinct per-layer seeds: the kernel and the recurrent kernel do not start from the same draws.
		expect(Array.from(ka.subarray(0, 8))).not.toEqual(Array.from(ra.subarray(0, 8)));
		a.dispose();
		b.dispose();
	});

	it('rejects a spec that cannot make a model', () => {
		const good: SequenceModelSpec = {
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 1
		};
		expect(() => buildSequenceModel({ ...good, units: 0 })).toThrow(/units/);
		expect(() => buildSequenceModel({ ...good, window: 2.5 })).toThrow(/window/);
		expect(() => buildSequenceModel({ ...good, seed: -1 })).toThrow(/seed/);
	});
});
