import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyModel } from '../training/testing/tiny-problem';
import { exportNativeModel, importNativeModel } from './native-model-bundle';
import { nativePredictor } from './native-predictor';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const x = Float32Array.from({ length: 3 * 4 * 2 }, (_, i) => Math.sin(i));

describe('native model export and import', () => {
	it('a model exported and imported back predicts exactly the same values', async () => {
		const model = tinyModel();
		const bundle = await exportNativeModel(model, {
			spec: { kind: 'gru', units: 3 },
			card: { name: 'tiny-gru', task: 'regression', metrics: { val_mse: 0.5 } }
		});
		expect(bundle.card).toMatchObject({
			format: 'axon-model-card/1',
			inputShape: [4, 2],
			outputShape: [1],
			paramCount: model.countParams()
		});
		expect(bundle.modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);

		// Through JSON text and a copied buffer, as files would carry them.
		const back = await importNativeModel({
			modelJson: JSON.parse(JSON.stringify(bundle.modelJson)),
			weights: bundle.weights.slice(0),
			card: JSON.parse(JSON.stringify(bundle.card)),
			spec: bundle.spec
		});
		expect(back.ok).toBe(true);
		if (!back.ok) return;
		const original = nativePredictor(model);
		const imported = nativePredictor(back.value.model);
		expect(await imported.predict(x, [3, 4, 2])).toEqual(await original.predict(x, [3, 4, 2]));
		expect(back.value.card.name).toBe('tiny-gru');
		expect(back.value.spec).toEqual({ kind: 'gru', units: 3 });
		original.dispose();
		imported.dispose();
	});

	it('refuses a bundle whose card is not an AXON model card', async () => {
		const r = await importNativeModel({
			modelJson: {},
			weights: new ArrayBuffer(0),
			card: { name: 'x' }
		});
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/card\.json/);
	});
});
