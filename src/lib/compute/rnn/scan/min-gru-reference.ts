/**
 * minGRU (Feng et al. 2024, eqs. for minGRU in §3.1) in f64, over a precomputed projection
 * `p [B, T, 2C]` = x·W + b laid out `[z-preactivation | candidate]`:
 *   z_t = σ(p_z), h̃_t = p_h, h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t,
 * i.e. a linear scan with a = 1 − z, b = z ⊙ h̃. The projection's own gradient is a matmul.
 */
import { sigmoid } from '../rnn-math';
import { linearScan, linearScanGradients, type ScanShape } from './linear-scan-reference';

export function minGruCoefficients(p: ArrayLike<number>, s: ScanShape) {
	const { batch: B, steps: T, channels: C } = s;
	const a = new Float64Array(B * T * C);
	const b = new Float64Array(B * T * C);
	for (let r = 0; r < B * T; r++)
		for (let c = 0; c < C; c++) {
			const z = sigmoid(p[r * 2 * C + c]);
			a[r * C + c] = 1 - z;
			b[r * C + c] = z * p[r * 2 * C + C + c];
		}
	return { a, b };
}

export function minGruForward(p: ArrayLike<number>, s: ScanShape): Float64Array {
	const { a, b } = minGruCoefficients(p, s);
	return linearScan(a, b, { ...s, reverse: false });
}

/** d(Σ dh ⊙ h)/dp. */
export function minGruGradient(
	p: ArrayLike<number>,
	dh: ArrayLike<number>,
	s: ScanShape
): Float64Array {
	const { batch: B, steps: T, channels: C } = s;
	const { a, b } = minGruCoefficients(p, s);
	const g = linearScanGradients(a, b, dh, { ...s, reverse: false });
	const dp = new Float64Array(B * T * 2 * C);
	for (let r = 0; r < B * T; r++)
		for (let c = 0; c < C; c++) {
			const i = r * C + c;
			const z = 1 - a[i];
			const cand = p[r * 2 * C + C + c];
			// a = 1 − z and b = z·h̃, so d/dz = db·h̃ − da, and σ' = z(1 − z).
			dp[r * 2 * C + c] = (g.db[i] * cand - g.da[i]) * z * (1 - z);
			dp[r * 2 * C + C + c] = g.db[i] * z;
		}
	return dp;
}
