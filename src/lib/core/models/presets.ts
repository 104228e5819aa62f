/**
 * The zoo's architectures as ready-made specs: each is an ordinary spec the designer can open and
 * change. Sizes are small defaults; the designer scales them.
 */
import type { ModelSpec } from '../protocol/models';

export const PRESET_IDS = [
	'mlp',
	'lstm_attention',
	'gru_attention',
	'cnn1d',
	'cnn_lstm',
	'transformer',
	'retnet',
	'moe',
	'autoencoder'
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface PresetSize {
	window: number;
	features: number;
	/** Hidden width; the default 16 suits the designer, tests use 4–8. */
	width?: number;
}

export const PRESET_TITLES: Record<PresetId, string> = {
	mlp: 'MLP',
	lstm_attention: 'LSTM + additive attention (Bahdanau 2015)',
	gru_attention: 'Bidirectional GRU + multi-head attention pooling',
	cnn1d: '1-D CNN, causal dilated (WaveNet-style)',
	cnn_lstm: 'CNN–LSTM, classification + regression, MC dropout',
	transformer: 'Transformer encoder (Vaswani 2017)',
	retnet: 'RetNet retention (Sun et al. 2023)',
	moe: 'Mixture of experts (Switch routing)',
	autoencoder: 'Dense autoencoder (anomaly score)'
};

const next = [{ name: 'next_return', kind: 'regression', units: 1 }] as const;

/**
 * @example
 * preset('transformer', { window: 32, features: 4 }).blocks.map((b) => b.type);
 */
export function preset(id: PresetId, size: PresetSize): ModelSpec {
	const w = size.width ?? 16;
	const input = { window: size.window, features: size.features };
	const spec = (blocks: ModelSpec['blocks'], heads: ModelSpec['heads'] = [...next]): ModelSpec => ({
		version: 1,
		name: PRESET_TITLES[id],
		input,
		blocks,
		heads
	});
	switch (id) {
		case 'mlp':
			return spec([
				{ type: 'flatten' },
				{ type: 'dense', units: w, activation: 'relu' },
				{ type: 'dropout', rate: 0.1 },
				{ type: 'dense', units: w, activation: 'relu' }
			]);
		case 'lstm_attention':
			return spec([
				{ type: 'rnn', cell: 'lstm', units: w, returnSequences: true, bidirectional: false },
				{ type: 'rnn', cell: 'lstm', units: w, returnSequences: true, bidirectional: false },
				{ type: 'attention_pool', mode: 'additive', units: w }
			]);
		case 'gru_attention':
			return spec([
				{ type: 'rnn', cell: 'gru', units: w, returnSequences: true, bidirectional: true },
				{ type: 'attention_pool', mode: 'multihead', heads: 2, keyDim: Math.max(2, w / 2) }
			]);
		case 'cnn1d':
			return spec([
				{
					type: 'conv1d',
					filters: w,
					kernelSize: 2,
					dilation: 1,
					causal: true,
					activation: 'relu'
				},
				{
					type: 'conv1d',
					filters: w,
					kernelSize: 2,
					dilation: 2,
					causal: true,
					activation: 'relu'
				},
				{
					type: 'conv1d',
					filters: w,
					kernelSize: 2,
					dilation: 4,
					causal: true,
					activation: 'relu'
				},
				{ type: 'pool', mode: 'last' }
			]);
		case 'cnn_lstm':
			return spec(
				[
					{
						type: 'conv1d',
						filters: w,
						kernelSize: 3,
						dilation: 1,
						causal: true,
						activation: 'relu'
					},
					{ type: 'rnn', cell: 'lstm', units: w, returnSequences: false, bidirectional: false },
					{ type: 'dropout', rate: 0.2 },
					{ type: 'dense', units: w, activation: 'relu' },
					{ type: 'dropout', rate: 0.2 }
				],
				[
					{ name: 'direction', kind: 'classification', classes: 2 },
					{ name: 'next_return', kind: 'regression', units: 1 }
				]
			);
		case 'transformer':
			return spec([
				{ type: 'dense', units: w, activation: 'linear' },
				{ type: 'positional_encoding' },
				{
					type: 'transformer_encoder',
					heads: 2,
					keyDim: Math.max(2, w / 2),
					ffUnits: 2 * w,
					causal: true
				},
				{ type: 'pool', mode: 'last' }
			]);
		case 'retnet':
			return spec([
				{ type: 'dense', units: w, activation: 'linear' },
				{
					type: 'retention',
					heads: 2,
					keyDim: Math.max(2, w / 2),
					form: 'chunkwise',
					chunkSize: 4
				},
				{ type: 'layer_norm' },
				{ type: 'pool', mode: 'last' }
			]);
		case 'moe':
			return spec([
				{ type: 'dense', units: w, activation: 'relu' },
				{ type: 'moe', experts: 4, topK: 1, hidden: w, capacityFactor: 1.25, auxWeight: 0.01 },
				{ type: 'pool', mode: 'mean' }
			]);
		case 'autoencoder':
			return spec(
				[
					{ type: 'flatten' },
					{ type: 'dense', units: w, activation: 'relu' },
					{ type: 'dense', units: Math.max(2, w / 4), activation: 'linear' },
					{ type: 'dense', units: w, activation: 'relu' }
				],
				[{ name: 'reconstruction', kind: 'reconstruction' }]
			);
	}
}
