/**
 * Computed features, one column per spec, row-aligned with the input series.
 * Columns are Float32Array because models and GPU buffers consume f32; they are computed in f64
 * (CPU) or f32 (WebGPU) and stored once. Warm-up rows are NaN.
 */
export interface FeatureMatrix {
	/** `featureName(spec)` for each column, in spec order. */
	names: string[];
	columns: Float32Array[];
	/** Rows per column (the series length). */
	length: number;
	/** The largest warm-up over the specs: rows before this may be NaN even on clean data. */
	warmup: number;
}
