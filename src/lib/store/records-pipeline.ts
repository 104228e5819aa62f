/** A computed feature pipeline, cached by (dataset content hash, spec hash) — issue #3. */
export interface FeaturePipelineRecord {
	id: string;
	/** SHA-256 of the dataset's canonical bytes (`DatasetRecord.contentHash`). */
	datasetHash: string;
	/** `specHash` of the validated spec (core/pipelines/spec-hash.ts), + ':gpu' for the GPU engine's table. */
	specHash: string;
	/** The dataset it was computed from when stored (the hash is the real key: ids differ per import). */
	datasetId?: string;
	name?: string;
	/** The spec as the designer saved it (FeaturePipelineSpec JSON, defaults filled). */
	spec?: unknown;
	names?: string[];
	/** One f64 column per output, NaN where there is no value. */
	columns?: Float64Array[];
	warmup?: number;
	labelCount?: number;
	rows?: number;
	createdAt: number;
	/** GPU engine only: the columns the WebGPU batch path computed, and the adapter's description. */
	gpuColumns?: string[];
	adapter?: string;
}
