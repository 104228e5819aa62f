import {
	computeFeaturesCpu,
	featureName,
	maxWarmup,
	validateFeatureSpec,
	type FeatureMatrix,
	type FeatureSpec
} from '../core/features';
import type { OhlcvSeries } from '../core/ohlcv';
import { adapterLabel, type GpuContext } from './device';
import { planFeatureKernels } from './feature-plan';
import { GpuLimitError, runFeatureKernels } from './run-feature-kernels';

/** Where a feature matrix was computed, for the UI, the CLI and the stored record. */
export interface FeatureEngine {
	kind: 'webgpu' | 'cpu';
	/** Adapter label when `kind` is 'webgpu'. */
	adapter?: string;
	/** True when the WebGPU adapter is CPU-emulated (SwiftShader, llvmpipe, …). */
	software?: boolean;
	/** Why the CPU ran, or a caveat about the adapter. */
	notice?: string;
}

export interface ComputeFeaturesOptions {
	/** A device from `acquireGpu`/`acquireNodeGpu`; null or absent computes on the CPU. */
	gpu?: GpuContext | null;
	signal?: AbortSignal;
}

/**
 * Computes feature columns on WebGPU when given a context, else with the CPU twins (same
 * definitions, f64 arithmetic; the GPU works in f32 and matches within the tolerances stated in
 * twin-tolerance.ts). A GPU failure (limits, validation, lost device) falls back to the CPU
 * and says so in `engine.notice`. Rejects only when `signal` aborts (with its reason) or a spec is
 * invalid (RangeError, on either engine; check user input first with `validateFeatureSpec`).
 *
 * @example
 * const gpu = await acquireGpu(navigator.gpu);
 * const { matrix, engine } = await computeFeatures(series, DEFAULT_FEATURES, { gpu: gpu.ok ? gpu.value : null });
 */
export async function computeFeatures(
	series: OhlcvSeries,
	specs: readonly FeatureSpec[],
	options: ComputeFeaturesOptions = {}
): Promise<{ matrix: FeatureMatrix; engine: FeatureEngine }> {
	const { gpu, signal } = options;
	signal?.throwIfAborted();
	for (const spec of specs) {
		const valid = validateFeatureSpec(spec);
		if (!valid.ok) throw new RangeError(valid.message);
	}
	if (!gpu) {
		return {
			matrix: computeFeaturesCpu(series, specs),
			engine: { kind: 'cpu', notice: 'WebGPU unavailable: computed on the CPU.' }
		};
	}
	try {
		const columns = await runFeatureKernels(
			gpu,
			series.close,
			planFeatureKernels(specs),
			specs.length,
			signal
		);
		const matrix: FeatureMatrix = {
			names: specs.map(featureName),
			columns,
			length: series.close.length,
			warmup: maxWarmup(specs)
		};
		const adapter = adapterLabel(gpu.adapterInfo);
		return {
			matrix,
			engine: {
				kind: 'webgpu',
				adapter,
				software: gpu.isSoftware,
				...(gpu.isSoftware
					? { notice: `WebGPU ran on a software adapter (${adapter}): correct but CPU-emulated.` }
					: {})
			}
		};
	} catch (e) {
		if (signal?.aborted) throw signal.reason;
		const why =
			e instanceof GpuLimitError
				? e.message
				: `WebGPU failed: ${e instanceof Error ? e.message : String(e)}`;
		return {
			matrix: computeFeaturesCpu(series, specs),
			engine: { kind: 'cpu', notice: `${why}; computed on the CPU.` }
		};
	}
}
