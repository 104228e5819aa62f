import type { ResolvedModel } from './config';
import { philoxBlock, scaleU32 } from './philox-block';

const block = new Uint32Array(4);
const TWO_PI = 2 * Math.PI;
const INV_2_24 = 2 ** -24;

/**
 * A standard normal from two u32s by Box–Muller, in the exact form the WGSL kernel uses: 24-bit
 * uniforms (exact in f32) u1 ∈ (0, 1] and u2 ∈ [0, 1), and cos(2π·u2) written as −cos(2π(u2 − ½))
 * so the f32 `cos` on the GPU sees an argument in [−π, π) (WGSL's accuracy bound holds there).
 * |z| ≤ √(2·ln 2^24) ≈ 5.77: tails beyond 5.77σ are never drawn.
 */
export function boxMuller(x0: number, x1: number): number {
	const u1 = ((x0 >>> 8) + 1) * INV_2_24;
	const u2 = (x1 >>> 8) * INV_2_24;
	return -Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * (u2 - 0.5));
}

/**
 * Writes path `path`'s per-step log returns into `out` (length = steps). Step s of the path uses the
 * Philox block for counter (path, s, stream, 0) and key (seed, 0), so any path, or any step of it,
 * can be generated alone and in any order, on the CPU or the GPU. Words of the block:
 * - bootstrap: x1 decides a block restart (always at step 0), x0 the restart index ⌊x0·n / 2^32⌋;
 *   otherwise the index advances by one, wrapping at the end (Politis & Romano's circular scheme).
 * - gbm: x0, x1 make the normal.
 * - markov-gbm: x0, x1 the normal; x2 the regime: at step 0 the initial regime, later a switch.
 */
export function pathReturns(
	model: ResolvedModel,
	seed: number,
	stream: number,
	path: number,
	out: Float64Array
): void {
	const steps = out.length;
	if (model.kind === 0) {
		const src = model.returns;
		const n = src.length;
		let index = 0;
		for (let s = 0; s < steps; s++) {
			philoxBlock(path, s, stream, 0, seed, 0, block);
			if (s === 0 || block[1] >>> 1 < model.restartThreshold) index = scaleU32(block[0], n);
			else if (++index === n) index = 0;
			out[s] = src[index];
		}
		return;
	}
	if (model.kind === 1) {
		const [drift] = model.drift;
		const [sigma] = model.sigma;
		for (let s = 0; s < steps; s++) {
			philoxBlock(path, s, stream, 0, seed, 0, block);
			out[s] = drift + sigma * boxMuller(block[0], block[1]);
		}
		return;
	}
	let regime = 0;
	for (let s = 0; s < steps; s++) {
		philoxBlock(path, s, stream, 0, seed, 0, block);
		const x2 = block[2] >>> 1;
		if (s === 0)
			regime = model.initialMode === 2 ? (x2 < model.initialThreshold ? 1 : 0) : model.initialMode;
		else if (x2 < model.switchThreshold[regime]) regime = 1 - regime;
		out[s] = model.drift[regime] + model.sigma[regime] * boxMuller(block[0], block[1]);
	}
}
