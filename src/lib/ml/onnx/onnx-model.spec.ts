// The PyTorch fixture (scripts/fixtures/make-onnx-fixture.py, torch 1.13) run by onnxruntime-web's
// WASM provider in Node must reproduce PyTorch's own outputs to 1e-4.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOnnxModel, type OrtRuntime } from './onnx-model';

// Node resolves the package's Node build (WASM provider) under the `node` export condition.
const ort = (await import('onnxruntime-web')) as OrtRuntime;

const bytes = () => new Uint8Array(readFileSync('tests/fixtures/onnx/tiny-lstm.onnx'));
const expected = JSON.parse(
	readFileSync('tests/fixtures/onnx/tiny-lstm.expected.json', 'utf8')
) as {
	input: { name: string; shape: number[]; data: number[] };
	output: { name: string; shape: number[]; data: number[] };
};

describe('loadOnnxModel', () => {
	it("lists the model's inputs and outputs with names, types and shapes (symbolic batch kept)", async () => {
		const r = await loadOnnxModel(ort, bytes(), ['wasm']);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.inputs).toEqual([{ name: 'window', type: 'float32', shape: ['batch', 8, 3] }]);
		expect(r.value.outputs).toEqual([{ name: 'prediction', type: 'float32', shape: ['batch', 1] }]);
		r.value.dispose();
	});

	it("predicts PyTorch's outputs for the fixed input within 1e-4 and reports the wasm provider", async () => {
		const r = await loadOnnxModel(ort, bytes());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		// No navigator.gpu in Node: WebGPU is skipped and said so; WASM ran.
		expect(r.value.provider).toBe('wasm');
		expect(r.value.notice).toMatch(/WebGPU is not available/);
		const out = await r.value.predict(Float32Array.from(expected.input.data), expected.input.shape);
		expect(out).toHaveLength(expected.output.data.length);
		out.forEach((v, i) => expect(Math.abs(v - expected.output.data[i])).toBeLessThan(1e-4));
		r.value.dispose();
	});

	it('refuses bytes that are not an ONNX model, as data', async () => {
		const r = await loadOnnxModel(ort, new TextEncoder().encode('not a model'), ['wasm']);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/ONNX/);
	});
});
