import {
	validateParams,
	type IndicatorDef,
	type Params,
	type RelationDef
} from '../../core/indicators/indicator';
import type { OhlcvSeries } from '../../core/ohlcv';
import type { GpuContext } from '../device';
import { GPU_PLANS } from './gpu-plans';
import { runGpuPlan, type GpuIndicatorBatch } from './run-gpu-plan';

/**
 * The GPU batch path of a registry indicator: every series under every parameter set in one
 * submission. Parameters are validated (defaults filled) exactly as the CPU path validates them.
 * Rejects with a RangeError for an indicator without a GPU plan (see `gpuSupportOf`), invalid
 * parameters, or inputs the GPU path does not take.
 *
 * @example
 * const batch = await computeIndicatorGpu(gpu, rsi, [a, b], [{ n: 7 }, { n: 14 }]);
 * batchColumn(batch, 1, 0, 0); // RSI(7) of series b, f32
 */
export function computeIndicatorGpu(
	ctx: GpuContext,
	def: IndicatorDef | RelationDef,
	series: readonly OhlcvSeries[],
	paramSets: readonly Params[],
	options: { others?: readonly Float64Array[]; signal?: AbortSignal } = {}
): Promise<GpuIndicatorBatch> {
	const makePlan = GPU_PLANS[def.id];
	if (!makePlan) return Promise.reject(new RangeError(`${def.id} has no GPU batch path`));
	const valid: Params[] = [];
	for (const p of paramSets) {
		const r = validateParams(def, p);
		if (!r.ok) return Promise.reject(new RangeError(r.message));
		valid.push(r.value);
	}
	const others = def.category === 'relation' ? options.others : undefined;
	if (def.category === 'relation' && !others)
		return Promise.reject(new RangeError(`${def.id} needs a second close series per series`));
	return runGpuPlan(ctx, {
		plan: makePlan(),
		series,
		paramSets: valid,
		fields: def.inputs,
		signal: options.signal,
		others
	});
}
