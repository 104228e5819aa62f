/**
 * Shapes for RetNet retention (Sun et al. 2023, "Retentive Network: A Successor to Transformer for
 * Large Language Models", eqs. 5–8), the core without xPos rotation or group norm (separate ops):
 *   o_n = Σ_{m ≤ n} γ^{n−m} (q_n · k_m) v_m
 * `q, k [BH, N, dk]`, `v [BH, N, dv]` row-major, `gamma [heads]`, where row bh belongs to head
 * `bh % heads`. With `reverse`, time runs N−1 … 0 (o_n sums over m ≥ n): the backward pass is three
 * forward retentions, two of them reversed (see retention-gradients.ts).
 */
export interface RetentionShape {
	/** Batch × heads rows. */
	rows: number;
	steps: number;
	keyDim: number;
	valueDim: number;
	heads: number;
	reverse?: boolean;
}

/** The storage index of processing position p. */
export const retentionTime = (p: number, steps: number, reverse = false) =>
	reverse ? steps - 1 - p : p;
