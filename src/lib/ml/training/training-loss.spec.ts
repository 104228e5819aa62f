import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainingLoss } from './training-loss';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const probs = () =>
	tf.tensor2d([
		[0.8, 0.2],
		[0.3, 0.7],
		[0.6, 0.4]
	]);
const labels = () => tf.tensor2d([[0], [1], [1]]);
const value = async (t: tf.Tensor) => {
	const v = (await t.data())[0];
	t.dispose();
	return v;
};

describe('trainingLoss', () => {
	it('classification without weights is the mean −log p of the true class', async () => {
		const [p, y] = [probs(), labels()];
		const expected = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.4)) / 3; // 0.49870307
		expect(await value(trainingLoss('classification', p, y))).toBeCloseTo(expected, 6);
		tf.dispose([p, y]);
	});

	it('class weights give the weighted mean Σ w_y·(−log p_y) / Σ w_y (rare class 1 weighted 3)', async () => {
		const [p, y] = [probs(), labels()];
		const expected = -(Math.log(0.8) + 3 * Math.log(0.7) + 3 * Math.log(0.4)) / 7; // 0.57743437
		const weighted = await value(trainingLoss('classification', p, y, [1, 3]));
		expect(weighted).toBeCloseTo(expected, 6);
		expect(weighted).not.toBeCloseTo(await value(trainingLoss('classification', p, y)), 3);
		tf.dispose([p, y]);
	});

	it('regression is the mean squared error', async () => {
		const [out, y] = [tf.tensor2d([[1], [2]]), tf.tensor2d([[1], [4]])];
		expect(await value(trainingLoss('regression', out, y))).toBe(2);
		tf.dispose([out, y]);
	});
});
