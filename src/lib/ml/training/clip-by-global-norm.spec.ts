import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clipByGlobalNorm } from './clip-by-global-norm';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('clipByGlobalNorm', () => {
	it('rescales all gradients by one factor so the global norm is maxNorm (‖[3,4,12]‖ = 13)', async () => {
		const before = tf.memory().numTensors;
		const grads = [tf.tensor1d([3, 4]), tf.tensor2d([[12]])];
		const { clipped, norm } = clipByGlobalNorm(grads, 6.5);
		expect((await norm.data())[0]).toBeCloseTo(13, 5);
		expect(Array.from(await clipped[0].data())).toEqual([1.5, 2]);
		expect(Array.from(await clipped[1].data())).toEqual([6]);
		expect(clipped[1].shape).toEqual([1, 1]);
		tf.dispose([...grads, ...clipped, norm]);
		expect(tf.memory().numTensors).toBe(before);
	});

	it('leaves gradients whose global norm is under maxNorm unchanged', async () => {
		const grads = [tf.tensor1d([3, 4]), tf.tensor1d([12])];
		const { clipped, norm } = clipByGlobalNorm(grads, 20);
		expect(Array.from(await clipped[0].data())).toEqual([3, 4]);
		expect(Array.from(await clipped[1].data())).toEqual([12]);
		tf.dispose([...grads, ...clipped, norm]);
	});
});
