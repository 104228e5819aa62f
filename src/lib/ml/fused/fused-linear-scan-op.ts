/**
 * h_t = a_t ⊙ h_{t−1} + b_t (h_{−1} = 0) as one differentiable tfjs op: the parallel scan of
 * compute/rnn/scan on WebGPU (one dispatch forward; backward one reversed scan, which is the adjoint
 * recurrence, plus an elementwise product), the f64 twin elsewhere (reads inputs back synchronously:
 * fine on CPU backends, where data already lives in JavaScript). minGRU's recurrence (MinGRU layer).
 */
import * as tf from '@tensorflow/tfjs';
import { linearScan } from '$lib/compute/rnn/scan';
import { linearScanProgram } from './sequence-programs';
import { runTfjsProgram, webGpuBackend } from './webgpu-backend';

/**
 * `a, b [B, T, C]` → `h [B, T, C]`, differentiable in both.
 *
 * @example
 * const h = fusedLinearScan(tf.sub(1, z), tf.mul(z, candidate));
 */
export function fusedLinearScan(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D {
	if (a.rank !== 3 || !a.shape.every((d, i) => d === b.shape[i]))
		throw new RangeError(
			`fusedLinearScan expects a and b of one shape [B, T, C]; got a [${a.shape}], b [${b.shape}].`
		);
	const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
		const [aIn, bIn] = args as tf.Tensor3D[];
		const save = args[2] as tf.GradSaveFunc;
		const h = scan(aIn, bIn, false);
		save([aIn, h]);
		const gradFunc = (dh: tf.Tensor3D, saved: tf.Tensor[]) => {
			const [aS, hS] = saved as tf.Tensor3D[];
			const [B, T, C] = aS.shape;
			// g_t = a_{t+1} g_{t+1} + dh_t (the reversed scan); db = g, da_t = g_t h_{t−1}.
			const g = scan(aS, dh, true);
			const hPrev =
				T === 1
					? tf.zerosLike(hS)
					: tf.pad(tf.slice(hS, [0, 0, 0], [B, T - 1, C]), [
							[0, 0],
							[1, 0],
							[0, 0]
						]);
			return [tf.mul(g, hPrev), g];
		};
		return { value: h, gradFunc };
	});
	return op(a, b) as tf.Tensor3D;
}

function scan(a: tf.Tensor3D, b: tf.Tensor3D, reverse: boolean): tf.Tensor3D {
	const [B, T, C] = a.shape;
	const backend = webGpuBackend();
	if (backend)
		return runTfjsProgram(backend, linearScanProgram([B, T, C]), [a, b], [reverse ? 1 : 0]);
	const h = linearScan(a.dataSync(), b.dataSync(), { batch: B, steps: T, channels: C, reverse });
	return tf.tensor3d(Float32Array.from(h), [B, T, C]);
}
