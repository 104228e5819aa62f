/**
 * f64 references at layer level for the sequence-layer specs: MinGRU's output and gradients from
 * the minGRU twin plus the projection's matmuls, and random f32-exact fixtures.
 */
import { minGruForward, minGruGradient } from '$lib/compute/rnn/scan';
import { lcg } from './testing-fixtures';

export const randomArray = (n: number, seed: number, scale = 1): Float32Array => {
	const r = lcg(seed);
	return Float32Array.from({ length: n }, () => 2 * scale * r());
};

/**
 * MinGRU over `x [B, T, D]` with `kernel [D, 2C]`, `bias [2C]`, and the gradients of Σ dh ⊙ h:
 * p = x·W + b (f64), h = minGruForward(p), dp = minGruGradient(p, dh), then dW = xᵀ dp,
 * db = Σ_rows dp, dx = dp Wᵀ.
 */
export function minGruLayerReference(
	x: ArrayLike<number>,
	kernel: ArrayLike<number>,
	bias: ArrayLike<number>,
	dh: ArrayLike<number>,
	dims: { batch: number; steps: number; inputSize: number; units: number }
) {
	const { batch: B, steps: T, inputSize: D, units: C } = dims;
	const rows = B * T;
	const p = new Float64Array(rows * 2 * C);
	for (let r = 0; r < rows; r++)
		for (let j = 0; j < 2 * C; j++) {
			let acc = bias[j];
			for (let d = 0; d < D; d++) acc += x[r * D + d] * kernel[d * 2 * C + j];
			p[r * 2 * C + j] = acc;
		}
	const s = { batch: B, steps: T, channels: C };
	const h = minGruForward(p, s);
	const dp = minGruGradient(p, dh, s);
	const dKernel = new Float64Array(D * 2 * C);
	const dBias = new Float64Array(2 * C);
	const dx = new Float64Array(rows * D);
	for (let r = 0; r < rows; r++)
		for (let j = 0; j < 2 * C; j++) {
			const g = dp[r * 2 * C + j];
			dBias[j] += g;
			for (let d = 0; d < D; d++) {
				dKernel[d * 2 * C + j] += x[r * D + d] * g;
				dx[r * D + d] += g * kernel[d * 2 * C + j];
			}
		}
	return { h, dx, dKernel, dBias };
}
