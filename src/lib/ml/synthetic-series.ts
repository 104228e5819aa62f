/**
 * A learnable, reproducible toy problem for tests and demos: windows over AR(1) series
 * (x_t = φ·x_{t−1} + σ·ε_t), target = the next value of the first series. The best possible MSE is
 * σ² (the innovation variance), so a model that learns φ drops well below the series variance
 * σ²/(1−φ²).
 */
import { CounterRng } from '$lib/core/random/philox';

export interface ArWindows {
	/** `samples × window × nFeatures`, the layout `trainModel` takes. */
	x: Float32Array;
	y: Float32Array;
	samples: number;
	window: number;
	nFeatures: number;
}

/**
 * Feature k follows AR(1) with φ_k = 0.9 − 0.2k (k=0 is the predictable target), σ = 0.3.
 *
 * @example
 * const { x, y } = arWindows({ samples: 64, window: 8, nFeatures: 4, seed: 1 });
 */
export function arWindows(o: {
	samples: number;
	window: number;
	nFeatures: number;
	seed: number;
}): ArWindows {
	const { samples, window, nFeatures } = o;
	const length = samples + window; // one window per start index, plus the target after the last
	const rng = new CounterRng(o.seed, 7);
	const sigma = 0.3;
	const series = new Float64Array(length * nFeatures);
	for (let k = 0; k < nFeatures; k++) {
		const phi = 0.9 - 0.2 * k;
		let v = 0;
		for (let t = 0; t < length; t++) {
			v = phi * v + sigma * rng.normal();
			series[t * nFeatures + k] = v;
		}
	}
	const x = new Float32Array(samples * window * nFeatures);
	const y = new Float32Array(samples);
	for (let s = 0; s < samples; s++) {
		x.set(series.subarray(s * nFeatures, (s + window) * nFeatures), s * window * nFeatures);
		y[s] = series[(s + window) * nFeatures];
	}
	return { x, y, samples, window, nFeatures };
}
