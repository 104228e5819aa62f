/**
 * The GPU engine of feature pipelines: every indicator step that has a WebGPU batch plan is computed
 * on the device (one submission per step, the series packed once per step), the rest — expressions,
 * relations and CPU-only indicators — are left to the CPU pipeline runner. Outputs are the f32
 * kernel values widened to f64, equal to the CPU path within `GPU_TOLERANCE` (tested), with the
 * same warm-up NaNs.
 */
import type { ValidatedStep } from '../../core/pipelines/validate-pipeline-spec';
import type { OhlcvSeries } from '../../core/ohlcv';
import type { GpuContext } from '../device';
import { computeIndicatorGpu } from './compute-indicator-gpu';
import { GPU_PLANS } from './gpu-plans';
import { batchColumn } from './run-gpu-plan';

/** Whether a step runs on the GPU engine: a single-series registry indicator with a GPU plan. */
export const runsOnGpu = (step: ValidatedStep): boolean =>
	step.kind === 'indicator' && step.def.category !== 'relation' && step.def.id in GPU_PLANS;

/**
 * @example
 * const pre = await pipelineGpuSteps(ctx, series, validated.steps);
 * const table = await runPipelineCancellable(series, validated, { precomputed: pre });
 */
export async function pipelineGpuSteps(
	ctx: GpuContext,
	series: OhlcvSeries,
	steps: readonly ValidatedStep[],
	options: {
		signal?: AbortSignal;
		onStep?: (done: number, total: number, names: string[]) => void;
	} = {}
): Promise<Map<ValidatedStep, Float64Array[]>> {
	const out = new Map<ValidatedStep, Float64Array[]>();
	const gpuSteps = steps.filter(runsOnGpu);
	for (const [i, step] of gpuSteps.entries()) {
		if (options.signal?.aborted) break;
		if (step.kind !== 'indicator') continue;
		const batch = await computeIndicatorGpu(ctx, step.def, [series], [step.params], {
			signal: options.signal
		});
		out.set(
			step,
			step.def.outputs.map((_, o) => Float64Array.from(batchColumn(batch, 0, 0, o)))
		);
		options.onStep?.(i + 1, gpuSteps.length, step.names);
	}
	return out;
}
