// The engine on WebGPU (Dawn over SwiftShader in Node): the same run as on the CPU backend gives the
// same losses to f32 tolerance, and leaves no tensors behind.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../backend';
import { installNodeWebGpu } from '../node-webgpu';
import { TINY_CONFIG, tinyData, tinyModel } from './testing/tiny-problem';
import { runTraining } from './train-loop';

const config = { ...TINY_CONFIG, epochs: 1 };

async function train() {
	const model = tinyModel();
	const before = tf.memory().numTensors;
	const r = await runTraining({ model, data: tinyData(), config });
	const leaked = tf.memory().numTensors - before;
	model.dispose();
	return { r, leaked };
}

describe('runTraining on WebGPU', () => {
	it('matches the CPU backend to f32 tolerance (AdamW, clipping, cosine) without leaking', async () => {
		await tf.setBackend('cpu');
		const cpu = await train();
		await installNodeWebGpu();
		const sel = await selectBackend('webgpu');
		expect(sel.backend).toBe('webgpu');
		const gpu = await train();
		expect(gpu.leaked).toBe(0);
		expect(cpu.r.ok && gpu.r.ok).toBe(true);
		if (!cpu.r.ok || !gpu.r.ok) return;
		expect(gpu.r.value.backend).toBe('webgpu');
		const [a, b] = [cpu.r.value.history[0], gpu.r.value.history[0]];
		expect(Math.abs(a.loss - b.loss)).toBeLessThan(1e-4);
		expect(Math.abs(a.valLoss! - b.valLoss!)).toBeLessThan(1e-4);
	});
});
