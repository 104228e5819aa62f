/**
 * `FusedLSTM` / `FusedGRU`: drop-in tfjs layers over `fusedRnn`, configured like tfjs-layers'
 * `tf.layers.lstm` / `tf.layers.gru` and holding the same weights in the same order
 * (`[kernel, recurrentKernel, bias]`), so `fused.setWeights(tfjsLayer.getWeights())` just works.
 * Unsupported tfjs options (dropout, stateful, returnState, …) are refused, never ignored.
 */
import * as tf from '@tensorflow/tfjs';
import { gateCount, type GateActivation, type RnnCell } from '$lib/compute/rnn';
import { fusedRnn } from './fused-rnn-op';

/** tfjs' Initializer class (not re-exported by name from the tfjs entry point). */
type Initializer = ReturnType<typeof tf.initializers.zeros>;
type InitializerArg = Initializer | 'glorotUniform' | 'orthogonal' | 'zeros' | 'ones';

export interface FusedRnnLayerArgs {
	units: number;
	returnSequences?: boolean;
	goBackwards?: boolean;
	/** Only 'tanh', the tfjs default; present so tfjs configs pass through unchanged. */
	activation?: 'tanh';
	/** tfjs-layers' default is 'hardSigmoid'; 'sigmoid' matches Keras 2, PyTorch and ONNX. */
	recurrentActivation?: GateActivation;
	/** Only true (the tfjs default). */
	useBias?: boolean;
	kernelInitializer?: InitializerArg;
	recurrentInitializer?: InitializerArg;
	biasInitializer?: InitializerArg;
	/** LSTM only: forget-gate bias starts at 1 (Jozefowicz et al. 2015), as in tfjs. */
	unitForgetBias?: boolean;
	inputShape?: number[];
	batchInputShape?: number[];
	name?: string;
	trainable?: boolean;
	/** Refused when set: the fused kernel has no dropout. */
	dropout?: number;
	recurrentDropout?: number;
	stateful?: boolean;
	returnState?: boolean;
}

function initializer(arg: InitializerArg | undefined, fallback: InitializerArg) {
	const a = arg ?? fallback;
	if (typeof a !== 'string') return a;
	switch (a) {
		case 'glorotUniform':
			return tf.initializers.glorotUniform({});
		case 'orthogonal':
			return tf.initializers.orthogonal({});
		case 'ones':
			return tf.initializers.ones();
		default:
			return tf.initializers.zeros();
	}
}

abstract class FusedRnnLayer extends tf.layers.Layer {
	protected abstract readonly cell: RnnCell;
	readonly units: number;
	readonly returnSequences: boolean;
	readonly goBackwards: boolean;
	readonly recurrentActivation: GateActivation;
	readonly unitForgetBias: boolean;
	private readonly args: FusedRnnLayerArgs;
	private kernel?: tf.LayerVariable;
	private recurrentKernel?: tf.LayerVariable;
	private bias?: tf.LayerVariable;

	constructor(args: FusedRnnLayerArgs) {
		super(args);
		refuseUnsupported(args);
		this.args = args;
		this.units = args.units;
		this.returnSequences = args.returnSequences ?? false;
		this.goBackwards = args.goBackwards ?? false;
		this.recurrentActivation = args.recurrentActivation ?? 'hardSigmoid';
		this.unitForgetBias = args.unitForgetBias ?? false;
		this.inputSpec = [{ ndim: 3 }];
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
		const D = shape[shape.length - 1] as number;
		const G = gateCount(this.cell) * this.units;
		this.kernel = this.addWeight(
			'kernel',
			[D, G],
			'float32',
			initializer(this.args.kernelInitializer, 'glorotUniform')
		);
		this.recurrentKernel = this.addWeight(
			'recurrent_kernel',
			[this.units, G],
			'float32',
			initializer(this.args.recurrentInitializer, 'orthogonal')
		);
		this.bias = this.addWeight(
			'bias',
			[G],
			'float32',
			initializer(this.args.biasInitializer, 'zeros')
		);
		if (this.cell === 'lstm' && this.unitForgetBias) {
			const H = this.units;
			const b = this.bias.read();
			const forgetOnes = tf.tidy(() =>
				tf.concat([b.slice(0, H), tf.ones([H]), b.slice(2 * H, 2 * H)])
			);
			this.bias.write(forgetOnes);
			forgetOnes.dispose();
		}
		this.built = true;
	}

	override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
		return tf.tidy(() => {
			const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
			const h = fusedRnn(
				this.cell,
				x,
				this.kernel!.read() as tf.Tensor2D,
				this.recurrentKernel!.read() as tf.Tensor2D,
				this.bias!.read() as tf.Tensor1D,
				{ goBackwards: this.goBackwards, recurrentActivation: this.recurrentActivation }
			);
			if (this.returnSequences) return h;
			const [B, T, H] = h.shape;
			return tf.reshape(tf.slice(h, [0, T - 1, 0], [B, 1, H]), [B, H]);
		});
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
		const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
		return this.returnSequences ? [shape[0], shape[1], this.units] : [shape[0], this.units];
	}

	override getConfig(): tf.serialization.ConfigDict {
		return {
			...super.getConfig(),
			units: this.units,
			returnSequences: this.returnSequences,
			goBackwards: this.goBackwards,
			recurrentActivation: this.recurrentActivation,
			...(this.cell === 'lstm' ? { unitForgetBias: this.unitForgetBias } : {})
		};
	}
}

function refuseUnsupported(args: FusedRnnLayerArgs): void {
	const refused: string[] = [];
	if (args.dropout) refused.push('dropout');
	if (args.recurrentDropout) refused.push('recurrentDropout');
	if (args.stateful) refused.push('stateful');
	if (args.returnState) refused.push('returnState');
	if (args.useBias === false) refused.push('useBias: false');
	if (args.activation !== undefined && args.activation !== 'tanh')
		refused.push(`activation: ${args.activation}`);
	if (refused.length > 0) {
		throw new RangeError(
			`The fused RNN layers do not support ${refused.join(', ')}; use tf.layers.lstm / tf.layers.gru for these.`
		);
	}
	if (!Number.isInteger(args.units) || args.units < 1)
		throw new RangeError(`units must be a positive integer, got ${args.units}`);
}

/**
 * LSTM with the whole sequence in one WebGPU dispatch (forward) and one (backward).
 *
 * @example
 * const model = tf.sequential({ layers: [
 *   new FusedLSTM({ units: 32, inputShape: [64, 8], recurrentActivation: 'sigmoid' }),
 *   tf.layers.dense({ units: 1 })
 * ] });
 */
export class FusedLSTM extends FusedRnnLayer {
	static readonly className = 'FusedLSTM';
	protected readonly cell = 'lstm';
}

/** GRU (`reset_after=false`, as tfjs-layers) with the fused recurrence; see FusedLSTM. */
export class FusedGRU extends FusedRnnLayer {
	static readonly className = 'FusedGRU';
	protected readonly cell = 'gru';
}

tf.serialization.registerClass(FusedLSTM);
tf.serialization.registerClass(FusedGRU);

/**
 * The zoo's switch: the fused layer when `fused` is set, tfjs-layers' otherwise, same config.
 *
 * @example
 * const rnn = recurrentLayer('lstm', { units: 16, inputShape: [32, 4] }, { fused: true });
 */
export function recurrentLayer(
	cell: RnnCell,
	args: FusedRnnLayerArgs,
	opts: { fused?: boolean } = {}
): tf.layers.Layer {
	if (opts.fused) return cell === 'lstm' ? new FusedLSTM(args) : new FusedGRU(args);
	const tfArgs = args as Parameters<typeof tf.layers.lstm>[0];
	return cell === 'lstm' ? tf.layers.lstm(tfArgs) : tf.layers.gru(tfArgs);
}
