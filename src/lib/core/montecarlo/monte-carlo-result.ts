import type { MetricSummary } from './summarize';

/** Per-path outputs, path p at index p: f64 from the CPU twin, f32 from the GPU. */
export interface PathOutputs {
	finalReturn: Float64Array | Float32Array;
	maxDrawdown: Float64Array | Float32Array;
	sharpe: Float64Array | Float32Array;
	/** 1 when ruined. */
	ruined: Uint8Array;
}

export interface MonteCarloResult {
	paths: number;
	steps: number;
	finalReturn: MetricSummary;
	maxDrawdown: MetricSummary;
	sharpe: MetricSummary;
	/** Share of paths whose equity touched the ruin threshold. */
	ruinProbability: number;
	/** Present when the config asked for `keepPaths`. */
	perPath?: PathOutputs;
}
