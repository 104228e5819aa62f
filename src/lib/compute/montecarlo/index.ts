export { createMonteCarloProgram } from './monte-carlo-kernel';
export { packParams, PARAMS_BYTES, type ChunkParams } from './monte-carlo-params';
export { createPhiloxProgram, PHILOX_WGSL } from './philox-wgsl';
export {
	MAX_CHUNK_PATHS,
	runMonteCarloGpu,
	type RunMonteCarloGpuOptions
} from './run-monte-carlo-gpu';
export { createHistogramProgram } from './histogram-kernel';
export { histogramQuantilesGpu, runHistogramGpu } from './run-histogram-gpu';
