/**
 * Philox4x32-10, the counter-based RNG of Salmon et al., "Parallel random numbers: as easy as 1, 2, 3"
 * (SC'11, Random123). Output depends only on (counter, key), so the same seed gives the same numbers in
 * the page, a worker, Node, the edge and a GPU thread, in any order. Verified against Random123's
 * known-answer vectors in philox.spec.ts.
 */
const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two u32s, without BigInt. */
function mulhi32(a: number, b: number): number {
	const aHi = a >>> 16;
	const aLo = a & 0xffff;
	const bHi = b >>> 16;
	const bLo = b & 0xffff;
	const loLo = aLo * bLo;
	const mid1 = aHi * bLo;
	const mid2 = aLo * bHi;
	const carry = ((loLo >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff)) >>> 16;
	return (aHi * bHi + (mid1 >>> 16) + (mid2 >>> 16) + carry) >>> 0;
}

/** One Philox4x32-10 block: four u32 outputs for a 128-bit counter and a 64-bit key. */
export function philox4x32(
	counter: readonly [number, number, number, number],
	key: readonly [number, number]
): [number, number, number, number] {
	let [c0, c1, c2, c3] = counter;
	let [k0, k1] = key;
	for (let round = 0; round < 10; round++) {
		const hi0 = mulhi32(M0, c0);
		const lo0 = Math.imul(M0, c0) >>> 0;
		const hi1 = mulhi32(M1, c2);
		const lo1 = Math.imul(M1, c2) >>> 0;
		c0 = (hi1 ^ c1 ^ k0) >>> 0;
		c1 = lo1;
		c2 = (hi0 ^ c3 ^ k1) >>> 0;
		c3 = lo0;
		k0 = (k0 + W0) >>> 0;
		k1 = (k1 + W1) >>> 0;
	}
	return [c0, c1, c2, c3];
}

/**
 * A stream of uniforms and normals from Philox keyed by `seed` (and an optional `stream` id, so
 * independent consumers of one seed never overlap).
 *
 * @example
 * const rng = new CounterRng(42);
 * rng.uniform(); // in [0, 1)
 */
export class CounterRng {
	#key: [number, number];
	#counter = 0;
	#buffer: number[] = [];

	constructor(seed: number, stream = 0) {
		this.#key = [seed >>> 0, stream >>> 0];
	}

	/** The next u32. */
	nextU32(): number {
		if (this.#buffer.length === 0) {
			const c = this.#counter++;
			this.#buffer = philox4x32(
				[c >>> 0, Math.floor(c / 2 ** 32) >>> 0, 0, 0],
				this.#key
			).reverse();
		}
		return this.#buffer.pop()!;
	}

	/** Uniform in [0, 1) with 32 bits of resolution. */
	uniform(): number {
		return this.nextU32() / 2 ** 32;
	}

	/** Standard normal by Box–Muller (uses two uniforms; (0,1] guards log(0)). */
	normal(): number {
		const u1 = 1 - this.uniform();
		const u2 = this.uniform();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** Integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.uniform() * n);
	}
}
