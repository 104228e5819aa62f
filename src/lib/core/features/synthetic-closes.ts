import { CounterRng } from '../random/philox';

/**
 * A reproducible geometric random walk of close prices (daily-like: 1% volatility, no drift) for
 * tests and benchmarks: close[i] = start · exp(Σ 0.01 z), z ~ N(0, 1) from Philox.
 *
 * @example
 * syntheticCloses(1000, 7); // Float64Array(1000), same numbers for the same seed
 */
export function syntheticCloses(n: number, seed: number, start = 100): Float64Array {
	const rng = new CounterRng(seed);
	const out = new Float64Array(n);
	let logPrice = Math.log(start);
	for (let i = 0; i < n; i++) {
		out[i] = Math.exp(logPrice);
		logPrice += 0.01 * rng.normal();
	}
	return out;
}
