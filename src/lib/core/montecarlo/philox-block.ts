/**
 * Philox4x32-10 (Salmon et al. 2011) without allocation, for the Monte Carlo hot loop: writes the
 * block for (counter, key) into `out`. Bit-identical to `philox4x32` in `../random/philox` (tested)
 * and to the WGSL `philox4x32` in `compute/montecarlo/philox-wgsl.ts`.
 */
const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const M0_HI = M0 >>> 16;
const M0_LO = M0 & 0xffff;
const M1_HI = M1 >>> 16;
const M1_LO = M1 & 0xffff;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/**
 * High 32 bits of a·m for u32s, with m split into 16-bit halves: a·mHi and a·mLo are < 2^48, so
 * exact in f64, and ⌊(a·mHi + ⌊a·mLo / 2^16⌋) / 2^16⌋ = ⌊a·m / 2^32⌋.
 */
const mulhi = (a: number, mHi: number, mLo: number) =>
	Math.floor((a * mHi + Math.floor((a * mLo) / 65536)) / 65536);

export function philoxBlock(
	c0: number,
	c1: number,
	c2: number,
	c3: number,
	k0: number,
	k1: number,
	out: Uint32Array
): void {
	for (let round = 0; round < 10; round++) {
		const hi0 = mulhi(c0, M0_HI, M0_LO);
		const lo0 = Math.imul(M0, c0) >>> 0;
		const hi1 = mulhi(c2, M1_HI, M1_LO);
		const lo1 = Math.imul(M1, c2) >>> 0;
		c0 = (hi1 ^ c1 ^ k0) >>> 0;
		c1 = lo1;
		c2 = (hi0 ^ c3 ^ k1) >>> 0;
		c3 = lo0;
		k0 = (k0 + W0) >>> 0;
		k1 = (k1 + W1) >>> 0;
	}
	out[0] = c0;
	out[1] = c1;
	out[2] = c2;
	out[3] = c3;
}

/** ⌊x · n / 2^32⌋ for u32 x and n ≤ 2^32: an unbiased-enough index in [0, n), exact on CPU and GPU. */
export const scaleU32 = (x: number, n: number): number =>
	Math.floor(((x >>> 16) * n + Math.floor(((x & 0xffff) * n) / 65536)) / 65536);
