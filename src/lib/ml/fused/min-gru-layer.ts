/**
 * `MinGRU`: minGRU (Feng et al. 2024, "Were RNNs All We Needed?", §3.1) as a tfjs layer:
 *   z_t = σ(x_t W_z + b_z), h̃_t = x_t W_h + b_h, h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t,
 * with no hidden state in the gates, so the recurrence is the linear scan `fusedLinearScan`
 * (parallel over T on WebGPU). Weights `[kernel [D, 2C], bias [2C]]`, columns `[z | h̃]`, the layout
 * of compute/rnn/scan/min-gru-reference.ts (its f64 twin).
 */
import * as tf from '@tensorflow/tfjs';
import { fusedLinearScan } from './fused-linear-scan-op';

export interface MinGruLayerArgs {
	units: number;
	/** Default false: the last step's h `[B, units]`, like tfjs' recurrent layers. */
	returnSequences?: boolean;
	inputShape?: number[];
	batchInputShape?: number[];
	name?: string;
	trainable?: boolean;
}

/**
 * @example
 * const model = tf.sequential({ layers: [
 *   new MinGRU({ units: 32, inputShape: [64, 8] }), tf.layers.dense({ units: 1 })
 * ] });
 */
export class MinGRU extends tf.layers.Layer {
	static readonly className = 'MinGRU';
	readonly units: number;
	readonly returnSequences: boolean;
	private kernel?: tf.LayerVariable;
	private bias?: tf.LayerVariable;

	constructor(args: MinGruLayerArgs) {
		super(args);
		if (!Number.isInteger(args.units) || args.units < 1)
			throw new RangeError(`units must be a positive integer, got ${args.units}`);
		this.units = args.units;
		this.returnSequences = args.returnSequences ?? false;
		this.inputSpec = [{ ndim: 3 }];
	}

	override build(inputShape: tf.Shape | tf.Shape[]): void {
		const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
		const D = shape[shape.length - 1] as number;
		this.kernel = this.addWeight(
			'kernel',
			[D, 2 * this.units],
			'float32',
			tf.initializers.glorotUniform({})
		);
		this.bias = this.addWeight('bias', [2 * this.units], 'float32', tf.initializers.zeros());
		this.built = true;
	}

	override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
		return tf.tidy(() => {
			const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
			const [B, T, D] = x.shape;
			const C = this.units;
			const p = tf.fused
				.matMul({
					a: tf.reshape(x, [B * T, D]),
					b: this.kernel!.read() as tf.Tensor2D,
					bias: this.bias!.read()
				})
				.reshape([B, T, 2 * C]);
			const [pz, candidate] = tf.split(p, 2, 2) as [tf.Tensor3D, tf.Tensor3D];
			const z = tf.sigmoid(pz);
			const h = fusedLinearScan(tf.sub(1, z), tf.mul(z, candidate));
			if (this.returnSequences) return h;
			return tf.reshape(tf.slice(h, [0, T - 1, 0], [B, 1, C]), [B, C]);
		});
	}

	override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
		const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
		return this.returnSequences ? [shape[0], shape[1], this.units] : [shape[0], this.units];
	}

	override getConfig(): tf.serialization.ConfigDict {
		return { ...super.getConfig(), units: this.units, returnSequences: this.returnSequences };
	}
}

tf.serialization.registerClass(MinGRU);
