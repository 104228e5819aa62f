/**
 * A computed feature set: one f64 column per output, aligned with the bar times. NaN means "no value"
 * (warm-up, missing input, or a label's unknown future); every exporter writes it explicitly.
 */
export interface FeatureTable {
	time: Float64Array;
	names: string[];
	columns: Float64Array[];
	/** Leading rows where some feature is NaN by construction (the largest declared warm-up). */
	warmup: number;
	/** How many of `names` (from the end) are labels, which read future bars. */
	labelCount: number;
}
