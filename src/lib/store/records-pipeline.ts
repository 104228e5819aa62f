/** A computed feature pipeline, cached by (dataset content hash, spec hash) — issue #3. */
export interface FeaturePipelineRecord {
	id: string;
	datasetHash: string;
	specHash: string;
	createdAt: number;
}
