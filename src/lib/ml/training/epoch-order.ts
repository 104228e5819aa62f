/**
 * The order training samples are visited in one epoch: a Fisher–Yates shuffle (Knuth, TAOCP vol. 2,
 * Algorithm P) driven by a Philox stream keyed by (seed, epoch). Counter-based, so the order of any
 * epoch is a pure function of the seed and the epoch number: a resumed run needs no RNG state beyond
 * its position (epoch, batch).
 */
import { CounterRng } from '$lib/core/random/philox';

/** Philox stream ids of the epoch shuffles start here, clear of the model initialisers' streams. */
const SHUFFLE_STREAM_BASE = 0x5348_0000;

/**
 * @example
 * epochOrder(5, 7, 1); // a permutation of 0..4, the same on every machine
 */
export function epochOrder(samples: number, seed: number, epoch: number): Int32Array {
	const order = Int32Array.from({ length: samples }, (_, i) => i);
	const rng = new CounterRng(seed, (SHUFFLE_STREAM_BASE + epoch) >>> 0);
	for (let i = samples - 1; i > 0; i--) {
		const j = rng.int(i + 1);
		const t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	return order;
}
