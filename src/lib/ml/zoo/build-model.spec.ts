import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferShapes, preset, PRESET_IDS, type PresetId } from '$lib/core/models';
import type { ModelSpec } from '$lib/core/protocol';
import { selectBackend } from '../backend';
import { loadCheckpoint, saveCheckpoint } from '../checkpoint';
import { buildModel, forward, zooLoss, type BuiltModel } from '.';
import { ttrcWindows } from './testing/ttrc-windows';

beforeAll(async () => {
	await selectBackend('cpu');
});

const WINDOW = 8;
const data = ttrcWindows(WINDOW, 48);
const size = { window: WINDOW, features: data.features, width: 4 };

function built(spec: ModelSpec, seed = 3): BuiltModel {
	const r = buildModel(spec, { seed });
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

function targetsFor(b: BuiltModel): (tf.Tensor | null)[] {
	return b.outputs.map((o) =>
		o.kind === 'reconstruction'
			? null
			: o.kind === 'classification'
				? tf.tensor1d(data.up)
				: tf.tensor2d(data.y, [data.samples, 1])
	);
}

/** Adam on one fixed batch of real windows; returns the evaluation loss before and after, and the per-step losses. */
async function trainSteps(b: BuiltModel, steps: number) {
	const x = tf.tensor3d(data.x, [data.samples, WINDOW, data.features]);
	const targets = targetsFor(b);
	const optimizer = tf.train.adam(0.02);
	const evalLoss = () => tf.tidy(() => zooLoss(b, x, targets, { training: false }).dataSync()[0]);
	const before = evalLoss();
	const losses: number[] = [];
	for (let s = 0; s < steps; s++) {
		const cost = optimizer.minimize(() => zooLoss(b, x, targets), true)!;
		losses.push((await cost.data())[0]);
		cost.dispose();
	}
	const after = evalLoss();
	optimizer.dispose();
	tf.dispose([x, ...targets.filter((t): t is tf.Tensor => t !== null)]);
	return { before, after, losses };
}

describe('buildModel on every preset', () => {
	it.each([...PRESET_IDS])(
		'%s: shape inference counts the same parameters as tfjs',
		(id: PresetId) => {
			const spec = preset(id, size);
			const b = built(spec);
			const report = inferShapes(spec);
			expect(report.ok).toBe(true);
			expect(b.paramCount).toBe(b.model.countParams());
			expect(report.paramCount).toBe(b.model.countParams());
			expect(b.model.outputs.map((o) => o.shape)).toEqual(b.outputs.map((o) => [null, o.units]));
			b.model.dispose();
		}
	);

	it.each([...PRESET_IDS])(
		'%s: learns on real ttrc windows, same seed gives the same weights and losses, no leaks',
		async (id: PresetId) => {
			const before = tf.memory().numTensors;
			const runs = [];
			for (let k = 0; k < 2; k++) {
				const b = built(preset(id, size), 11);
				const result = await trainSteps(b, 12);
				runs.push({
					...result,
					weights: b.model.getWeights().map((w) => Array.from(w.dataSync()))
				});
				b.model.dispose();
			}
			const [a, c] = runs;
			expect(a.after).toBeLessThan(a.before);
			expect(c.losses).toEqual(a.losses);
			expect(c.weights).toEqual(a.weights);
			expect(tf.memory().numTensors).toBe(before);
		}
	);
});

const variants: [string, ModelSpec['blocks'], ModelSpec['heads']][] = [
	[
		'bidirectional LSTM to a vector',
		[{ type: 'rnn', cell: 'lstm', units: 3, returnSequences: false, bidirectional: true }],
		[{ name: 'y', kind: 'regression', units: 2 }]
	],
	[
		"non-causal dilated conv ('valid')",
		[
			{ type: 'conv1d', filters: 3, kernelSize: 3, dilation: 2, causal: false, activation: 'gelu' },
			{ type: 'flatten' }
		],
		[{ name: 'c', kind: 'classification', classes: 3 }]
	],
	[
		'top-2 experts on a vector, layer norm',
		[
			{ type: 'flatten' },
			{ type: 'layer_norm' },
			{ type: 'moe', experts: 3, topK: 2, hidden: 5, capacityFactor: 1, auxWeight: 0.1 }
		],
		[{ name: 'r', kind: 'reconstruction' }]
	],
	[
		'recurrent retention, additive pooling',
		[
			{ type: 'retention', heads: 3, keyDim: 2, form: 'recurrent', chunkSize: 2 },
			{ type: 'attention_pool', mode: 'additive', units: 3 }
		],
		[{ name: 'y', kind: 'regression', units: 1 }]
	]
];

describe('shape inference = tfjs countParams() beyond the presets', () => {
	it.each(variants)('%s', (_name, blocks, heads) => {
		const spec: ModelSpec = {
			version: 1,
			name: 'v',
			input: { window: WINDOW, features: 2 },
			blocks,
			heads
		};
		const b = built(spec);
		expect(inferShapes(spec).paramCount).toBe(b.model.countParams());
		b.model.dispose();
	});
});

describe('buildModel', () => {
	it('a different seed gives different initial weights', () => {
		const a = built(preset('transformer', size), 1);
		const b = built(preset('transformer', size), 2);
		expect(a.model.getWeights()[0].dataSync()).not.toEqual(b.model.getWeights()[0].dataSync());
		a.model.dispose();
		b.model.dispose();
	});

	it('answers a spec whose shapes do not fit with a message naming the block', () => {
		const spec = preset('cnn1d', size);
		spec.blocks.splice(0, 0, { type: 'flatten' });
		const r = buildModel(spec, { seed: 1 });
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.code).toBe('bad_input');
			expect(r.message).toMatch(/^2\. conv1d: .*sequence/);
		}
	});

	it('answers a malformed spec (e.g. from an imported file) with bad_input, not a throw', () => {
		const r = buildModel(
			{
				version: 1,
				name: 'x',
				input: { window: 0, features: 1 },
				blocks: [],
				heads: []
			} as unknown as ModelSpec,
			{ seed: 1 }
		);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.code).toBe('bad_input');
	});

	it('checkpoints round-trip every custom layer: same parameter count, the reloaded model predicts the same', async () => {
		const spec: ModelSpec = {
			version: 1,
			name: 'all layers',
			input: { window: 6, features: 2 },
			blocks: [
				{
					type: 'conv1d',
					filters: 4,
					kernelSize: 2,
					dilation: 2,
					causal: true,
					activation: 'relu'
				},
				{ type: 'positional_encoding' },
				{ type: 'transformer_encoder', heads: 2, keyDim: 2, ffUnits: 4, causal: true },
				{ type: 'retention', heads: 2, keyDim: 2, form: 'chunkwise', chunkSize: 4 },
				{ type: 'moe', experts: 2, topK: 1, hidden: 3, capacityFactor: 2, auxWeight: 0.01 },
				{ type: 'dropout', rate: 0.1 },
				{ type: 'rnn', cell: 'gru', units: 3, returnSequences: true, bidirectional: true },
				{ type: 'attention_pool', mode: 'multihead', heads: 2, keyDim: 2 }
			],
			heads: [{ name: 'y', kind: 'regression', units: 1 }]
		};
		const b = built(spec);
		// Off-preset options (dilation, bidirectional GRU, multi-head pooling) count the same too.
		expect(inferShapes(spec).paramCount).toBe(b.model.countParams());
		const x = tf.tensor3d(data.x.slice(0, 4 * 6 * 2), [4, 6, 2]);
		const ckpt = await saveCheckpoint(b.model);
		const again = await loadCheckpoint(ckpt);
		const [p, q] = [b.model.predict(x) as tf.Tensor, again.predict(x) as tf.Tensor];
		expect(Array.from(q.dataSync())).toEqual(Array.from(p.dataSync()));
		tf.dispose([x, p, q]);
		b.model.dispose();
		again.dispose();
	});

	it('forward gives one [B, units] tensor per head, in spec order', () => {
		const b = built(preset('cnn_lstm', size));
		const x = tf.zeros([3, WINDOW, 2]);
		const outs = forward(b, x, { training: false });
		expect(outs.map((o) => o.shape)).toEqual([
			[3, 2],
			[3, 1]
		]);
		// The classification head is a probability distribution.
		expect(Array.from(outs[0].sum(1).dataSync()).every((s) => Math.abs(s - 1) < 1e-5)).toBe(true);
		tf.dispose([x, ...outs]);
		b.model.dispose();
	});
});

describe('the fused recurrence flag (issue #5)', () => {
	it('an LSTM block with fused: true has the same parameters and outputs as the tfjs-layers LSTM, and trains', async () => {
		const spec = (fused: boolean): ModelSpec => {
			const base = preset('lstm_attention', size);
			return {
				...base,
				blocks: base.blocks.map((b) => (b.type === 'rnn' ? { ...b, fused } : b))
			};
		};
		const plain = built(spec(false));
		const fused = built(spec(true));
		expect(fused.model.layers.some((l) => l.getClassName() === 'FusedLSTM')).toBe(true);
		expect(fused.paramCount).toBe(plain.paramCount);
		// Same seed → same initial weights (same initializers, same names); same math → same outputs.
		const x = tf.tensor3d(data.x, [data.samples, WINDOW, data.features]);
		const [a, b] = [forward(plain, x, { training: false }), forward(fused, x, { training: false })];
		const da = await a[0]!.data();
		const db = await b[0]!.data();
		let worst = 0;
		for (let i = 0; i < da.length; i++) worst = Math.max(worst, Math.abs(da[i]! - db[i]!));
		// f32 tfjs-layers vs the f64 reference rounded to f32 (CPU fallback): a few ulps of O(1) outputs.
		expect(worst).toBeLessThan(1e-5);
		tf.dispose([x, ...a, ...b]);
		const { before, after } = await trainSteps(fused, 6);
		expect(after).toBeLessThan(before);
		plain.model.dispose();
		fused.model.dispose();
	});
});
