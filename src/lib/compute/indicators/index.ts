/**
 * The GPU batch path of the indicator registry: every series × parameter set of one indicator in a
 * single submission, held to the f64 CPU path by `GPU_TOLERANCE`. Which indicators have one:
 * `core/indicators/gpu-support.ts`.
 */
export { computeIndicatorGpu } from './compute-indicator-gpu';
export {
	batchColumn,
	IndicatorGpuLimitError,
	runGpuPlan,
	type GpuIndicatorBatch
} from './run-gpu-plan';
export { gpuInputProblem } from './pack-inputs';
export { GPU_PLANS } from './gpu-plans';
export { GPU_TOLERANCE, type GpuTolerance } from './gpu-tolerance';
export { columnError, type ColumnError } from './column-error';
