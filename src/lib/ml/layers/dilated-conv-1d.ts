/**
 * A 'valid' 1-D convolution with any dilation, written as a sum over kernel taps:
 * `y[t] = b + Σ_k x[t + k·d] · W[k]`. tfjs has dilated conv1d, but its gradient refuses dilation > 1
 * ("dilation rates greater than 1 are not yet supported in gradients", tfjs-core Conv2D_grad); slices
 * and matmuls differentiate everywhere. Put a `CausalPad1D` of `d·(K − 1)` in front for a causal,
 * length-preserving convolution (van den Oord et al. 2016, WaveNet).
 */
import * as tf from '@tensorflow/tfjs';
import {
	activate,
	glorot,
	linear,
	single,
	singleShape,
	type ActivationName,
	type Kwargs,
	type LayerArgs
} from './layer-support';

export interface DilatedConv1DArgs extends LayerArgs {
	filters: number;
	kernelSize: number;
	dilation: number;
	activation: ActivationName;
	seed: number;
}

export class DilatedConv1D extends tf.layers.Layer {
	static className = 'AxonDilatedConv1D';
	readonly filters: number;
	readonly kernelSize: number;
	readonly dilation: number;
	readonly activation: ActivationName;
	readonly seed: number;
	private kernel!: tf.LayerVariable;
	private bias!: tf.LayerVariable;

	constructor(args: DilatedConv1DArgs) {
		super(args);
		this.filters = args.filters;
		this.kernelSize = args.kernelSize;
		this.dilation = args.dilation;
		this.activation = args.activation;
		this.seed = args.seed;
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const c = singleShape(inputShape)[2]!;
		// Glorot over the tap-major kernel [K, C, F], the layout Keras' Conv1D uses.
		this.kernel = this.addWeight(
			'kernel',
			[this.kernelSize, c, this.filters],
			'float32',
			glorot(this.seed, 1)
		);
		this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
		this.built = true;
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
		const [b, t] = singleShape(inputShape);
		return [b, t === null ? null : t - this.dilation * (this.kernelSize - 1), this.filters];
	}

	override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
		return tf.tidy(() => {
			const x = single(inputs);
			const [b, t, c] = x.shape;
			const steps = t - this.dilation * (this.kernelSize - 1);
			const w = this.kernel.read();
			let y: tf.Tensor = this.bias.read();
			for (let k = 0; k < this.kernelSize; k++) {
				const tap = x.slice([0, k * this.dilation, 0], [b, steps, c]);
				y = y.add(linear(tap, w.slice([k, 0, 0], [1, c, this.filters]).reshape([c, this.filters])));
			}
			return activate(y, this.activation);
		});
	}

	override getConfig(): tf.serialization.ConfigDict {
		return {
			...super.getConfig(),
			filters: this.filters,
			kernelSize: this.kernelSize,
			dilation: this.dilation,
			activation: this.activation,
			seed: this.seed
		};
	}
}
tf.serialization.registerClass(DilatedConv1D);
