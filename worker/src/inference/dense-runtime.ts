/**
 * The edge's inference runtime for `POST /models/{id}/predict`: a few dozen lines of TypeScript over
 * the `axon-dense-v1` JSON weights format (src/lib/core/protocol/tracking.ts#DenseWeights).
 *
 * Why not tfjs or onnxruntime-web in the Worker: both are megabytes of code (the Worker bundle limit
 * is 3 MiB compressed on the free plan, 10 MiB paid), ORT needs WebAssembly compilation on cold start,
 * and tfjs-node cannot run in workerd at all. Small tabular models — MLPs and linear/logistic models —
 * are a matrix-vector product per layer, which plain Float64 loops do in microseconds.
 *
 * Supported: dense layers with linear, relu, tanh, sigmoid or softmax activations; linear models with
 * identity or logistic link; one input vector per request. Not supported (serve these in the browser):
 * convolutions, recurrent layers (GRU/LSTM), normalisation layers, batches. Weights are checked for
 * consistent shapes before the first prediction (`checkShapes`).
 *
 * @example
 * const w = { format: 'axon-dense-v1', kind: 'linear', input_size: 2, coefficients: [1, -1], intercept: 0, link: 'logistic' };
 * predict(w, [2, 1]); // { output: [0.731...], confidence: 0.731... }
 */
import type { Activation, DenseWeights } from '../../../src/lib/core/protocol';

export interface Prediction {
	output: number[];
	/** The probability of the predicted class for logistic/sigmoid/softmax outputs; null for regression. */
	confidence: number | null;
}

/** Null when the layer shapes chain correctly; otherwise what is wrong, for the uploader to fix. */
export function checkShapes(w: DenseWeights): string | null {
	if (w.kind === 'linear') {
		return w.coefficients.length === w.input_size
			? null
			: `coefficients has ${w.coefficients.length} entries, input_size is ${w.input_size}`;
	}
	let width = w.input_size;
	for (const [i, layer] of w.layers.entries()) {
		if (layer.bias.length !== layer.weights.length)
			return `layer ${i}: bias has ${layer.bias.length} entries for ${layer.weights.length} units`;
		const bad = layer.weights.findIndex((row) => row.length !== width);
		if (bad >= 0)
			return `layer ${i}: row ${bad} has ${layer.weights[bad]!.length} weights, expected ${width}`;
		width = layer.weights.length;
	}
	return null;
}

export function predict(w: DenseWeights, x: readonly number[]): Prediction {
	if (w.kind === 'linear') {
		let z = w.intercept;
		for (let i = 0; i < x.length; i++) z += w.coefficients[i]! * x[i]!;
		if (w.link === 'identity') return { output: [z], confidence: null };
		const p = sigmoid(z);
		return { output: [p], confidence: Math.max(p, 1 - p) };
	}
	let h: number[] = [...x];
	for (const layer of w.layers) h = activate(dense(layer.weights, layer.bias, h), layer.activation);
	const last = w.layers.at(-1)!.activation;
	return { output: h, confidence: confidenceOf(last, h) };
}

/**
 * Occlusion importance: how much the first output moves when feature i is replaced by 0 (the mean of
 * standardised inputs). One extra forward pass per feature; cheap at the sizes this runtime serves.
 */
export function featureImportance(w: DenseWeights, x: readonly number[]): number[] {
	const base = predict(w, x).output[0]!;
	return x.map((_, i) => {
		const occluded = [...x];
		occluded[i] = 0;
		return Math.abs(base - predict(w, occluded).output[0]!);
	});
}

function dense(weights: number[][], bias: number[], x: number[]): number[] {
	const out = new Array<number>(weights.length);
	for (let o = 0; o < weights.length; o++) {
		const row = weights[o]!;
		let z = bias[o]!;
		for (let i = 0; i < row.length; i++) z += row[i]! * x[i]!;
		out[o] = z;
	}
	return out;
}

function activate(z: number[], a: Activation): number[] {
	switch (a) {
		case 'linear':
			return z;
		case 'relu':
			return z.map((v) => (v > 0 ? v : 0));
		case 'tanh':
			return z.map(Math.tanh);
		case 'sigmoid':
			return z.map(sigmoid);
		case 'softmax': {
			// Shift by the max so exp never overflows.
			const m = Math.max(...z);
			const e = z.map((v) => Math.exp(v - m));
			const s = e.reduce((acc, v) => acc + v, 0);
			return e.map((v) => v / s);
		}
	}
}

function confidenceOf(last: Activation, out: number[]): number | null {
	if (last === 'softmax') return Math.max(...out);
	if (last === 'sigmoid' && out.length === 1) return Math.max(out[0]!, 1 - out[0]!);
	return null;
}

function sigmoid(v: number): number {
	return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
}
