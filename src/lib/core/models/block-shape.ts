/**
 * Shape and parameter rules of one block, without tfjs: the designer shows them as you edit, and the
 * zoo's tests hold every rule equal to `tf.LayersModel.countParams()` of the built layer.
 *
 * Shapes leave out the batch axis: `[T, C]` is a sequence of T steps with C channels, `[C]` a vector.
 */
import type { ModelBlock } from '../protocol/models';

export type Shape = readonly number[];

export interface BlockShape {
	/** Output shape without the batch axis. */
	shape: Shape;
	/** Trainable parameters the block adds. */
	params: number;
	/**
	 * Values per sample the block keeps for the backward pass beyond its output (attention scores,
	 * gates): a rough term for the memory estimate, not an exact account of tfjs's tape.
	 */
	extraActivations: number;
}

export type BlockShapeResult = { ok: true; value: BlockShape } | { ok: false; message: string };

const fail = (message: string): BlockShapeResult => ({ ok: false, message });
const done = (shape: Shape, params: number, extraActivations = 0): BlockShapeResult => ({
	ok: true,
	value: { shape, params, extraActivations }
});

const needsSequence = (what: string, input: Shape) =>
	fail(
		`${what} needs a sequence [steps, channels], got [${input.join(', ')}]; remove the flatten/pool before it.`
	);

/**
 * Output shape and parameter count of `block` applied to an input of shape `input`.
 *
 * @example
 * inferBlockShape({ type: 'rnn', cell: 'gru', units: 8, returnSequences: false, bidirectional: false }, [16, 4]);
 * // { ok: true, value: { shape: [8], params: 3 * (8 * 12 + 8), extraActivations: … } }
 */
export function inferBlockShape(block: ModelBlock, input: Shape): BlockShapeResult {
	const seq = input.length === 2;
	const [T, C] = seq ? input : [1, input[0]];
	const width = input[input.length - 1];
	switch (block.type) {
		case 'dense':
			return done([...input.slice(0, -1), block.units], width * block.units + block.units);
		case 'dropout':
			return done(input, 0);
		case 'layer_norm':
			return done(input, 2 * width);
		case 'flatten':
			return seq ? done([T * C], 0) : fail('flatten needs a sequence; the input is already flat.');
		case 'pool':
			return seq ? done([C], 0) : needsSequence('pool', input);
		case 'rnn': {
			if (!seq) return needsSequence(block.cell.toUpperCase(), input);
			const gates = block.cell === 'lstm' ? 4 : 3;
			const dirs = block.bidirectional ? 2 : 1;
			const u = block.units;
			const params = dirs * gates * (u * (C + u) + u);
			const out = u * dirs;
			return done(block.returnSequences ? [T, out] : [out], params, T * gates * u * dirs);
		}
		case 'conv1d': {
			if (!seq) return needsSequence('conv1d', input);
			const reach = block.dilation * (block.kernelSize - 1);
			const steps = block.causal ? T : T - reach;
			if (steps < 1) {
				return fail(
					`conv1d reaches back ${reach + 1} steps but only ${T} are left; make it causal or shrink kernel/dilation.`
				);
			}
			return done([steps, block.filters], block.kernelSize * C * block.filters + block.filters);
		}
		case 'attention_pool': {
			if (!seq) return needsSequence('attention pooling', input);
			if (block.mode === 'additive')
				return done([C], C * block.units + 2 * block.units, T * block.units);
			const hd = block.heads * block.keyDim;
			return done([hd], hd + 2 * C * hd, 2 * T * hd + block.heads * T);
		}
		case 'positional_encoding':
			return seq ? done(input, 0) : needsSequence('positional encoding', input);
		case 'transformer_encoder': {
			if (!seq) return needsSequence('a transformer encoder', input);
			const hd = block.heads * block.keyDim;
			const attention = 3 * (C * hd + hd) + hd * C + C;
			const feedForward = C * block.ffUnits + block.ffUnits + block.ffUnits * C + C;
			return done(
				input,
				attention + feedForward + 4 * C,
				3 * T * hd + block.heads * T * T + T * block.ffUnits + 3 * T * C
			);
		}
		case 'retention': {
			if (!seq) return needsSequence('retention', input);
			const hd = block.heads * block.keyDim;
			return done(input, 4 * C * hd, 3 * T * hd + block.heads * T * T);
		}
		case 'moe': {
			const expert = C * block.hidden + block.hidden + block.hidden * C + C;
			const tokens = seq ? T : 1;
			return done(
				input,
				C * block.experts + block.experts * expert,
				tokens * block.experts * (block.hidden + C + 2)
			);
		}
	}
}
