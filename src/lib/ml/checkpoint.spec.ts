import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { loadCheckpoint, saveCheckpoint } from './checkpoint';
import { buildSequenceModel } from './gru-regressor';
import { arWindows } from './synthetic-series';
import { predict, trainModel } from './train';

beforeAll(async () => {
	await selectBackend('cpu');
});

const data = arWindows({ samples: 48, window: 8, nFeatures: 4, seed: 4 });

describe('saveCheckpoint / loadCheckpoint', () => {
	it.each(['gru', 'lstm'] as const)(
		'a trained %s survives a structured clone (as IndexedDB stores it) with identical predictions',
		async (model_type) => {
			const model = buildSequenceModel({ model_type, window: 8, nFeatures: 4, units: 8, seed: 2 });
			const trained = await trainModel({
				model,
				...data,
				trainSamples: 48,
				epochs: 1,
				batchSize: 16,
				learningRate: 0.01,
				seed: 1
			});
			expect(trained.ok).toBe(true);
			const expected = await predict(model, data.x, data.samples, 8, 4);

			const ckpt = structuredClone(await saveCheckpoint(model));
			expect(ckpt.format).toBe('tfjs-layers');
			expect(ckpt.weightData.byteLength).toBe(model.countParams() * 4);

			const restored = await loadCheckpoint(ckpt);
			expect(restored.countParams()).toBe(model.countParams());
			expect(await predict(restored, data.x, data.samples, 8, 4)).toEqual(expected);
			model.dispose();
			restored.dispose();
		}
	);

	it('saving leaves no tensors behind', async () => {
		const model = buildSequenceModel({
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 2
		});
		const before = tf.memory().numTensors;
		await saveCheckpoint(model);
		expect(tf.memory().numTensors).toBe(before);
		model.dispose();
	});

	it('rejects a damaged or foreign checkpoint with a message that says what is wrong', async () => {
		const model = buildSequenceModel({
			model_type: 'gru',
			window: 8,
			nFeatures: 4,
			units: 8,
			seed: 2
		});
		const ckpt = await saveCheckpoint(model);
		model.dispose();
		await expect(loadCheckpoint({ ...ckpt, weightData: ckpt.weightData.slice(4) })).rejects.toThrow(
			/damaged/
		);
		await expect(loadCheckpoint({ ...ckpt, format: 'onnx' as 'tfjs-layers' })).rejects.toThrow(
			/format/
		);
		await expect(
			loadCheckpoint({ ...ckpt, modelTopology: null as unknown as object })
		).rejects.toThrow(/topology/);
	});
});
