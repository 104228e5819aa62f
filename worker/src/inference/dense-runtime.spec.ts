import { describe, expect, it } from 'vitest';
import type { DenseWeights } from '../../../src/lib/core/protocol';
import { checkShapes, featureImportance, predict } from './dense-runtime';

const xor: DenseWeights = {
	format: 'axon-dense-v1',
	kind: 'mlp',
	input_size: 2,
	layers: [
		{
			weights: [
				[1, 1],
				[1, 1]
			],
			bias: [0, -1],
			activation: 'relu'
		},
		{ weights: [[1, -2]], bias: [0], activation: 'linear' }
	]
};

describe('dense runtime', () => {
	it('predict(mlp, x) computes XOR with a hand-set relu network', () => {
		const cases: [number[], number][] = [
			[[0, 0], 0],
			[[0, 1], 1],
			[[1, 0], 1],
			[[1, 1], 0]
		];
		for (const [x, y] of cases) expect(predict(xor, x)).toEqual({ output: [y], confidence: null });
	});

	it('predict(linear logistic) returns the probability and its confidence', () => {
		const w: DenseWeights = {
			format: 'axon-dense-v1',
			kind: 'linear',
			input_size: 2,
			coefficients: [1, -1],
			intercept: 0,
			link: 'logistic'
		};
		const { output, confidence } = predict(w, [2, 1]);
		expect(output[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
		expect(confidence).toBeCloseTo(output[0]!, 12);
		// p(class 1) = sigmoid(-3) ≈ 0.047, so the model is confident in class 0.
		expect(predict(w, [0, 3]).confidence).toBeCloseTo(1 / (1 + Math.exp(-3)), 12);
	});

	it('softmax outputs sum to one and confidence is the largest class probability, even for huge logits', () => {
		const w: DenseWeights = {
			format: 'axon-dense-v1',
			kind: 'mlp',
			input_size: 1,
			layers: [{ weights: [[1000], [999], [0]], bias: [0, 0, 0], activation: 'softmax' }]
		};
		const { output, confidence } = predict(w, [1]);
		expect(output.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		expect(confidence).toBe(Math.max(...output));
		expect(output.every(Number.isFinite)).toBe(true);
	});

	it('checkShapes reports layers that do not chain', () => {
		expect(checkShapes(xor)).toBeNull();
		const broken: DenseWeights = {
			...xor,
			layers: [xor.layers[0]!, { weights: [[1, 2, 3]], bias: [0], activation: 'linear' }]
		} as DenseWeights;
		expect(checkShapes(broken)).toMatch(/layer 1: row 0 has 3 weights, expected 2/);
	});

	it('featureImportance is zero for a feature the model ignores', () => {
		const w: DenseWeights = {
			format: 'axon-dense-v1',
			kind: 'linear',
			input_size: 2,
			coefficients: [2, 0],
			intercept: 1,
			link: 'identity'
		};
		expect(featureImportance(w, [3, 5])).toEqual([6, 0]);
	});
});
