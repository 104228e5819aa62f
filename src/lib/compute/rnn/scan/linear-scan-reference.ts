/**
 * The first-order linear recurrence h_t = a_t ⊙ h_{t−1} + b_t (h_{−1} = 0) that minGRU reduces to
 * (Feng et al. 2024, "Were RNNs All We Needed?", §3), in f64: the twin of linear-scan-wgsl.ts.
 * With `reverse`, time runs backwards and the coefficient comes from the step after
 * (g_t = a_{t+1} g_{t+1} + b_t), which is exactly the adjoint recurrence: backpropagation through
 * the scan is the same scan reversed.
 */
export interface ScanShape {
	batch: number;
	steps: number;
	channels: number;
	reverse?: boolean;
}

/** `a, b [B, T, C]` → `h [B, T, C]`. */
export function linearScan(a: ArrayLike<number>, b: ArrayLike<number>, s: ScanShape): Float64Array {
	const { batch: B, steps: T, channels: C, reverse } = s;
	const h = new Float64Array(B * T * C);
	for (let n = 0; n < B; n++)
		for (let c = 0; c < C; c++) {
			let prev = 0;
			for (let p = 0; p < T; p++) {
				const t = reverse ? T - 1 - p : p;
				const i = (n * T + t) * C + c;
				const coef = reverse ? (t + 1 < T ? a[i + C] : 0) : a[i];
				prev = coef * prev + b[i];
				h[i] = prev;
			}
		}
	return h;
}

/** Gradients of Σ dh ⊙ h with respect to a and b: one reversed scan, then da_t = g_t h_{t−1}. */
export function linearScanGradients(
	a: ArrayLike<number>,
	b: ArrayLike<number>,
	dh: ArrayLike<number>,
	s: ScanShape
): { da: Float64Array; db: Float64Array } {
	const h = linearScan(a, b, s);
	const db = linearScan(a, dh, { ...s, reverse: true });
	const da = db.map((g, i) =>
		Math.floor(i / s.channels) % s.steps > 0 ? g * h[i - s.channels] : 0
	);
	return { da, db };
}
