/**
 * One spec block → the tfjs layers that implement it, applied to a symbolic tensor. Every layer gets
 * its own Philox-derived seed and a deterministic name (`b<index>_<part>`), so the same spec and seed
 * give the same weights and the same weight names (checkpoints stay loadable across builds).
 */
import * as tf from '@tensorflow/tfjs';
import { recurrentLayer } from '$lib/ml/fused';
import type { ModelActivation, ModelBlock, ModelHead } from '$lib/core/protocol';
import {
	AdditiveAttentionPool,
	CausalPad1D,
	DilatedConv1D,
	MixtureOfExperts,
	MultiHeadAttention,
	MultiHeadAttentionPool,
	Retention,
	SeededDropout,
	SequencePool,
	SinusoidalPosition,
	deriveSeed
} from '../layers';

type Sym = tf.SymbolicTensor;

/** Seeds for block `index`: `part` distinguishes the layers inside one block. */
export const blockSeed = (seed: number, index: number, part = 0): number =>
	deriveSeed(seed, 1000 + index * 16 + part);

const apply = (layer: tf.layers.Layer, x: Sym): Sym => layer.apply(x) as Sym;

function dense(units: number, activation: ModelActivation, seed: number, name: string) {
	return tf.layers.dense({
		units,
		activation,
		kernelInitializer: tf.initializers.glorotUniform({ seed }),
		biasInitializer: 'zeros',
		name
	});
}

export function applyBlock(block: ModelBlock, x: Sym, index: number, seed: number): Sym {
	const name = (part: string) => `b${index}_${part}`;
	const s = (part = 0) => blockSeed(seed, index, part);
	switch (block.type) {
		case 'dense':
			return apply(dense(block.units, block.activation, s(), name('dense')), x);
		case 'dropout':
			return apply(new SeededDropout({ rate: block.rate, seed: s(), name: name('dropout') }), x);
		case 'layer_norm':
			return apply(tf.layers.layerNormalization({ axis: -1, name: name('layer_norm') }), x);
		case 'flatten':
			return apply(tf.layers.flatten({ name: name('flatten') }), x);
		case 'pool':
			return apply(new SequencePool({ mode: block.mode, name: name('pool') }), x);
		case 'rnn':
			return applyRnn(block, x, name, s);
		case 'conv1d': {
			const reach = block.dilation * (block.kernelSize - 1);
			const padded =
				block.causal && reach > 0
					? apply(new CausalPad1D({ padding: reach, name: name('causal_pad') }), x)
					: x;
			const conv = new DilatedConv1D({
				filters: block.filters,
				kernelSize: block.kernelSize,
				dilation: block.dilation,
				activation: block.activation,
				seed: s(),
				name: name('conv1d')
			});
			return apply(conv, padded);
		}
		case 'attention_pool':
			return apply(
				block.mode === 'additive'
					? new AdditiveAttentionPool({
							units: block.units,
							seed: s(),
							name: name('additive_attention')
						})
					: new MultiHeadAttentionPool({
							heads: block.heads,
							keyDim: block.keyDim,
							seed: s(),
							name: name('mh_attention_pool')
						}),
				x
			);
		case 'positional_encoding':
			return apply(new SinusoidalPosition({ name: name('positions') }), x);
		case 'transformer_encoder':
			return applyTransformer(block, x, name, s);
		case 'retention':
			return apply(
				new Retention({
					heads: block.heads,
					keyDim: block.keyDim,
					form: block.form,
					chunkSize: block.chunkSize,
					seed: s(),
					name: name('retention')
				}),
				x
			);
		case 'moe':
			return apply(
				new MixtureOfExperts({
					experts: block.experts,
					topK: block.topK,
					hidden: block.hidden,
					capacityFactor: block.capacityFactor,
					auxWeight: block.auxWeight,
					seed: s(),
					name: name('moe')
				}),
				x
			);
	}
}

function applyRnn(
	block: ModelBlock & { type: 'rnn' },
	x: Sym,
	name: (part: string) => string,
	s: (part?: number) => number
): Sym {
	const args = {
		units: block.units,
		returnSequences: block.returnSequences,
		kernelInitializer: tf.initializers.glorotUniform({ seed: s(1) }),
		recurrentInitializer: tf.initializers.orthogonal({ seed: s(2) }),
		biasInitializer: 'zeros' as const,
		// The logistic sigmoid (Keras 2+, PyTorch, ONNX) rather than tfjs's default hard sigmoid.
		recurrentActivation: 'sigmoid' as const,
		name: name(block.cell)
	};
	// Hochreiter & Schmidhuber 1997 (LSTM; forget-gate bias 1, Jozefowicz et al. 2015) / Cho et al. 2014 (GRU).
	const cell = recurrentLayer(
		block.cell,
		block.cell === 'lstm' ? { ...args, unitForgetBias: true } : args,
		{ fused: block.fused === true }
	);
	if (!block.bidirectional) return apply(cell, x);
	// tfjs builds the backward copy from the same config, so both directions start from the same draws.
	return apply(
		// The fused layers are not tf.RNN subclasses, but Bidirectional only needs getConfig()/apply().
		tf.layers.bidirectional({
			layer: cell as tf.RNN,
			mergeMode: 'concat',
			name: name('bidirectional')
		}),
		x
	);
}

/** Post-LN encoder layer of Vaswani et al. 2017: LN(x + MHA(x)), then LN(h + FFN(h)). */
function applyTransformer(
	block: ModelBlock & { type: 'transformer_encoder' },
	x: Sym,
	name: (part: string) => string,
	s: (part?: number) => number
): Sym {
	const channels = x.shape[x.shape.length - 1]!;
	const attention = apply(
		new MultiHeadAttention({
			heads: block.heads,
			keyDim: block.keyDim,
			causal: block.causal,
			seed: s(1),
			name: name('attention')
		}),
		x
	);
	const h = apply(
		tf.layers.layerNormalization({ axis: -1, name: name('ln1') }),
		tf.layers.add({ name: name('res1') }).apply([x, attention]) as Sym
	);
	const ff = apply(
		dense(channels, 'linear', s(3), name('ff2')),
		apply(dense(block.ffUnits, 'relu', s(2), name('ff1')), h)
	);
	return apply(
		tf.layers.layerNormalization({ axis: -1, name: name('ln2') }),
		tf.layers.add({ name: name('res2') }).apply([h, ff]) as Sym
	);
}

/** A head: linear regression, softmax classification, or a linear reconstruction of the input window. */
export function applyHead(
	head: ModelHead,
	x: Sym,
	units: number,
	seed: number,
	index: number
): Sym {
	const activation = head.kind === 'classification' ? 'softmax' : 'linear';
	const layer = tf.layers.dense({
		units,
		activation,
		kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, 900 + index) }),
		biasInitializer: 'zeros',
		name: `head_${head.name}`
	});
	return apply(layer, x);
}
