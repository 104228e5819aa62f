import { describe, expect, it } from 'vitest';
import { ModelSpec } from '../protocol/models';
import { estimateMemory, formatBytes } from './memory-estimate';
import { inferShapes } from './infer-shapes';
import { preset, PRESET_IDS } from './presets';

const size = { window: 16, features: 4 };

describe('model specs', () => {
	it.each([...PRESET_IDS])('the %s preset is a valid spec that round-trips through JSON', (id) => {
		const spec = preset(id, size);
		const again = ModelSpec.parse(JSON.parse(JSON.stringify(spec)));
		expect(again).toEqual(spec);
		expect(inferShapes(again).ok).toBe(true);
	});

	it('fills defaults for blocks typed by hand, and rejects unknown block types', () => {
		const s = ModelSpec.parse({
			version: 1,
			name: 'hand made',
			input: { window: 8, features: 2 },
			blocks: [{ type: 'rnn', cell: 'gru', units: 4 }],
			heads: [{ name: 'y', kind: 'regression', units: 1 }]
		});
		expect(s.blocks[0]).toEqual({
			type: 'rnn',
			cell: 'gru',
			units: 4,
			returnSequences: true,
			bidirectional: false
		});
		expect(ModelSpec.safeParse({ ...s, blocks: [{ type: 'warp_drive' }] }).success).toBe(false);
		expect(ModelSpec.safeParse({ ...s, heads: [s.heads[0], s.heads[0]] }).success).toBe(false);
	});
});

describe('inferShapes', () => {
	it('propagates shapes block by block: GRU → additive attention → regression head', () => {
		const r = inferShapes({
			version: 1,
			name: 'x',
			input: { window: 16, features: 4 },
			blocks: [
				{ type: 'rnn', cell: 'gru', units: 8, returnSequences: true, bidirectional: true },
				{ type: 'attention_pool', mode: 'additive', units: 5 }
			],
			heads: [{ name: 'y', kind: 'regression', units: 1 }]
		});
		expect(r.layers.map((l) => l.output)).toEqual([[16, 16], [16], [1]]);
		// Bidirectional GRU: 2 · 3 · (8·(4+8) + 8); attention: 16·5 + 5 + 5; head: 16 + 1.
		expect(r.layers.map((l) => l.params)).toEqual([2 * 3 * (8 * 12 + 8), 90, 17]);
		expect(r.paramCount).toBe(624 + 90 + 17);
	});

	it('marks the block that breaks the chain, and only that one', () => {
		const spec = preset('cnn1d', size);
		spec.blocks.unshift({ type: 'pool', mode: 'last' });
		const r = inferShapes(spec);
		expect(r.ok).toBe(false);
		expect(r.layers.map((l) => l.error !== null)).toEqual([
			false,
			true,
			false,
			false,
			false,
			false
		]);
		expect(r.layers[1].error).toMatch(/needs a sequence/);
		expect(r.layers[2].input).toBeNull();
	});

	it('a non-causal conv that reaches past the window is an error; the causal one keeps the length', () => {
		const conv = {
			type: 'conv1d',
			filters: 2,
			kernelSize: 5,
			dilation: 4,
			activation: 'relu'
		} as const;
		const base = {
			version: 1 as const,
			name: 'c',
			input: { window: 16, features: 1 },
			heads: [{ name: 'y', kind: 'regression' as const, units: 1 }]
		};
		const valid = inferShapes({
			...base,
			blocks: [{ ...conv, causal: false }, { type: 'flatten' }]
		});
		expect(valid.layers[0].error).toMatch(/reaches back 17 steps but only 16/);
		const causal = inferShapes({
			...base,
			blocks: [{ ...conv, causal: true }, { type: 'flatten' }]
		});
		expect(causal.layers[0].output).toEqual([16, 2]);
	});

	it('a head on a sequence asks for a pooling block', () => {
		const r = inferShapes({
			...preset('transformer', size),
			blocks: [{ type: 'positional_encoding' }]
		});
		expect(r.layers.at(-1)!.error).toMatch(/add a pool/);
	});
});

describe('estimateMemory', () => {
	it('counts weights, gradients, two Adam moments and activations of one batch, 4 bytes each', () => {
		const r = inferShapes(preset('mlp', size));
		const m = estimateMemory(r, { batch: 32 });
		expect(m.weightsBytes).toBe(r.paramCount * 4);
		expect(m.adamBytes).toBe(2 * m.weightsBytes);
		expect(m.gradientsBytes).toBe(m.weightsBytes);
		expect(estimateMemory(r, { batch: 64 }).activationsBytes).toBe(2 * m.activationsBytes);
		expect(m.totalBytes).toBe(m.weightsBytes * 4 + m.activationsBytes);
		expect(formatBytes(1536)).toBe('1.5 KiB');
	});
});
