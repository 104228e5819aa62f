export type { FeatureTable } from './feature-table';
export { indicatorColumnNames } from './indicator-column-names';
export { labelColumnName } from './label-column-name';
export {
	validatePipelineSpec,
	type ValidatedPipeline,
	type ValidatedStep
} from './validate-pipeline-spec';
export { canonicalJson } from './canonical-json';
export { specHash, PIPELINE_ENGINE_VERSION } from './spec-hash';
export { runPipeline, runPipelineCancellable, type PipelineProgressFn } from './run-pipeline';
export { featureTableToCsv } from './export-csv';
export { featureTableToJson, type FeatureTableJson } from './export-json';
export { featureTableToParquet } from './export-parquet';
export {
	featureTableFromCsv,
	featureTableFromJson,
	featureTableFromParquet
} from './read-feature-table';
export { correlationMatrix } from './correlation-matrix';
export { previewRows, type PreviewRow } from './preview-rows';
