/**
 * Model specs of the model zoo (issue #4): an input window, an ordered list of blocks and one or more
 * heads. A spec is plain JSON that round-trips (`ModelSpec.parse(JSON.parse(JSON.stringify(s)))`
 * equals `s`); the designer edits it, `core/models` infers its shapes and parameter count without
 * tfjs, and `ml/zoo` builds it. Append-only: new block types are added, old ones never change meaning.
 */
import { z } from 'zod';

const count = (max: number) => z.number().int().min(1).max(max);
const rate = z.number().min(0).lt(1);

export const MODEL_ACTIVATIONS = ['linear', 'relu', 'tanh', 'sigmoid', 'gelu'] as const;
export const ModelActivation = z.enum(MODEL_ACTIVATIONS);
export type ModelActivation = z.infer<typeof ModelActivation>;

/** A fully connected layer; on a sequence it acts on every timestep. */
const DenseBlock = z.object({
	type: z.literal('dense'),
	units: count(4096),
	activation: ModelActivation.default('relu')
});

/**
 * Dropout that stays switchable at inference, so it doubles as Monte-Carlo dropout
 * (Gal & Ghahramani 2016, "Dropout as a Bayesian approximation").
 */
const DropoutBlock = z.object({ type: z.literal('dropout'), rate });

const LayerNormBlock = z.object({ type: z.literal('layer_norm') });

/** `[T, C] → [T·C]`. */
const FlattenBlock = z.object({ type: z.literal('flatten') });

/** `[T, C] → [C]`: the last timestep or the mean over time. */
const PoolBlock = z.object({ type: z.literal('pool'), mode: z.enum(['last', 'mean']) });

/**
 * Stacked recurrent layer: LSTM (Hochreiter & Schmidhuber 1997) or GRU (Cho et al. 2014), optionally
 * bidirectional (outputs concatenated, so `2·units` wide).
 */
const RnnBlock = z.object({
	type: z.literal('rnn'),
	cell: z.enum(['lstm', 'gru']),
	units: count(1024),
	returnSequences: z.boolean().default(true),
	bidirectional: z.boolean().default(false),
	/**
	 * Use AXON's fused WGSL recurrence (src/lib/ml/fused: one dispatch per sequence on WebGPU, the f64
	 * reference elsewhere) instead of tfjs-layers' per-timestep loop. Same math and weight layout.
	 */
	fused: z.boolean().optional()
});

/**
 * 1-D convolution. `causal` left-pads by `dilation·(kernelSize − 1)` so output t sees inputs ≤ t only
 * (van den Oord et al. 2016, WaveNet); without it the convolution is 'valid' and shortens the sequence.
 */
const Conv1dBlock = z.object({
	type: z.literal('conv1d'),
	filters: count(1024),
	kernelSize: count(64),
	dilation: count(256).default(1),
	causal: z.boolean().default(true),
	activation: ModelActivation.default('relu')
});

/**
 * Attention pooling `[T, C] → [·]`: additive (Bahdanau et al. 2015) scores each step with
 * `vᵀ tanh(W h + b)`; multi-head uses learned queries, one per head (Vaswani et al. 2017).
 */
const AttentionPoolBlock = z.discriminatedUnion('mode', [
	z.object({ type: z.literal('attention_pool'), mode: z.literal('additive'), units: count(1024) }),
	z.object({
		type: z.literal('attention_pool'),
		mode: z.literal('multihead'),
		heads: count(64),
		keyDim: count(512)
	})
]);

/** Adds sinusoidal positions (Vaswani et al. 2017, §3.5); no parameters. */
const PositionalEncodingBlock = z.object({ type: z.literal('positional_encoding') });

/** Post-LN Transformer encoder layer (Vaswani et al. 2017): self-attention, then a ReLU feed-forward. */
const TransformerBlock = z.object({
	type: z.literal('transformer_encoder'),
	heads: count(64),
	keyDim: count(512),
	ffUnits: count(4096),
	causal: z.boolean().default(false)
});

/**
 * Multi-scale retention (Sun et al. 2023, RetNet) with one decay γ per head. The three forms compute
 * the same function; they trade memory for sequential steps.
 */
const RetentionBlock = z.object({
	type: z.literal('retention'),
	heads: count(64),
	keyDim: count(512),
	form: z.enum(['parallel', 'recurrent', 'chunkwise']).default('parallel'),
	chunkSize: count(4096).default(8)
});

/**
 * Mixture of experts (Shazeer et al. 2017) with top-k routing, Switch-style capacity and auxiliary
 * load-balancing loss (Fedus et al. 2021). Each expert is a two-layer ReLU MLP back to the input width.
 */
const MoeBlock = z
	.object({
		type: z.literal('moe'),
		experts: z.number().int().min(2).max(64),
		topK: count(8).default(1),
		hidden: count(4096),
		capacityFactor: z.number().gt(0).max(64).default(1.25),
		auxWeight: z.number().min(0).max(10).default(0.01)
	})
	.refine((b) => b.topK <= b.experts, { message: 'topK must not exceed the number of experts' });

export const ModelBlock = z.union([
	DenseBlock,
	DropoutBlock,
	LayerNormBlock,
	FlattenBlock,
	PoolBlock,
	RnnBlock,
	Conv1dBlock,
	AttentionPoolBlock,
	PositionalEncodingBlock,
	TransformerBlock,
	RetentionBlock,
	MoeBlock
]);
export type ModelBlock = z.infer<typeof ModelBlock>;
export type ModelBlockType = ModelBlock['type'];
export const MODEL_BLOCK_TYPES = [
	'dense',
	'dropout',
	'layer_norm',
	'flatten',
	'pool',
	'rnn',
	'conv1d',
	'attention_pool',
	'positional_encoding',
	'transformer_encoder',
	'retention',
	'moe'
] as const satisfies readonly ModelBlockType[];

const headName = z
	.string()
	.regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _, starting with a letter');

/**
 * Outputs. Regression is linear (MSE); classification is a softmax over `classes` (cross-entropy
 * against the class index); reconstruction predicts the flattened input window (autoencoders: the
 * per-sample error is the anomaly score).
 */
export const ModelHead = z.discriminatedUnion('kind', [
	z.object({ name: headName, kind: z.literal('regression'), units: count(1024) }),
	z.object({
		name: headName,
		kind: z.literal('classification'),
		classes: z.number().int().min(2).max(1024)
	}),
	z.object({ name: headName, kind: z.literal('reconstruction') })
]);
export type ModelHead = z.infer<typeof ModelHead>;

export const ModelSpec = z
	.object({
		version: z.literal(1),
		name: z.string().trim().min(1).max(120),
		input: z.object({ window: count(4096), features: count(1024) }),
		blocks: z.array(ModelBlock).max(64),
		heads: z.array(ModelHead).min(1).max(8)
	})
	.refine((s) => new Set(s.heads.map((h) => h.name)).size === s.heads.length, {
		message: 'head names must be unique',
		path: ['heads']
	});
export type ModelSpec = z.infer<typeof ModelSpec>;
/** What a user may type: defaults not yet filled in. */
export type ModelSpecInput = z.input<typeof ModelSpec>;
