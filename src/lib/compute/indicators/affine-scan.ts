/**
 * The blocked parallel scan the GPU runs for linear recurrences yₜ = aₜ·yₜ₋₁ + bₜ, as plain
 * TypeScript: the specification the WGSL in `codegen.ts` follows, testable without a GPU.
 *
 * Why a scan: an EMA-like recurrence looks sequential, but each step is an affine map
 * fₜ(y) = aₜy + bₜ and composition of affine maps is associative:
 * (a₂, b₂) ∘ (a₁, b₁) = (a₂a₁, a₂b₁ + b₂). Any associative operator admits a prefix scan
 * (Blelloch 1990, "Prefix Sums and Their Applications", CMU-CS-90-190, §1.4 on first-order linear
 * recurrences). We use the work-efficient reduce-then-scan form: split time into blocks of
 * `block` rows; (1) compose each block's maps in parallel, (2) run the block aggregates down the
 * series to get each block's incoming value, (3) replay each block from it in parallel. Work is
 * ~2n + n/block, depth ~2·block + n/block: 7,000 bars in blocks of 64 take ~240 dependent steps
 * instead of 7,000, with every (block, series, parameter set) an independent thread.
 *
 * Seeding is part of the map sequence: rows before `start` are the identity, the row `start` is the
 * constant map y ↦ seed (a = 0), so no special first block is needed.
 *
 * f32 error: |aₜ| ≤ 1 in every recurrence we run (EMA, Wilder, KAMA, EWMA variance) or = 1 (running
 * totals), so composed products never grow and rounding from block aggregates is damped the same
 * way as in the sequential loop.
 */
export interface AffineRecurrence {
	/** Rows. */
	length: number;
	/** First defined row; y there is `seed`. */
	start: number;
	seed: number;
	a(t: number): number;
	b(t: number): number;
}

/** yₜ by the plain loop: NaN before `start`. */
export function sequentialRecurrence(r: AffineRecurrence): Float64Array {
	const y = new Float64Array(r.length).fill(NaN);
	if (r.start >= r.length) return y;
	y[r.start] = r.seed;
	for (let t = r.start + 1; t < r.length; t++) y[t] = r.a(t) * y[t - 1] + r.b(t);
	return y;
}

/** The row's map as (a, b): identity before the start, the constant seed at it. */
function rowMap(r: AffineRecurrence, t: number): [number, number] {
	if (t < r.start) return [1, 0];
	if (t === r.start) return [0, r.seed];
	return [r.a(t), r.b(t)];
}

/** yₜ by reduce-then-scan over blocks of `block` rows (the GPU's algorithm, run serially here). */
export function blockedScan(r: AffineRecurrence, block: number): Float64Array {
	const blocks = Math.ceil(r.length / block);
	const A = new Float64Array(blocks);
	const B = new Float64Array(blocks);
	// (1) Reduce: one independent composition per block.
	for (let c = 0; c < blocks; c++) {
		let a = 1;
		let b = 0;
		for (let t = c * block; t < Math.min(r.length, (c + 1) * block); t++) {
			const [at, bt] = rowMap(r, t);
			a = at * a;
			b = at * b + bt;
		}
		A[c] = a;
		B[c] = b;
	}
	// (2) Carry: the value entering each block (n / block sequential steps).
	const carry = new Float64Array(blocks);
	let y = 0;
	for (let c = 0; c < blocks; c++) {
		carry[c] = y;
		y = A[c] * y + B[c];
	}
	// (3) Apply: each block replays its rows from its carry, independently.
	const out = new Float64Array(r.length).fill(NaN);
	for (let c = 0; c < blocks; c++) {
		let v = carry[c];
		for (let t = c * block; t < Math.min(r.length, (c + 1) * block); t++) {
			const [at, bt] = rowMap(r, t);
			v = at * v + bt;
			if (t >= r.start) out[t] = v;
		}
	}
	return out;
}
