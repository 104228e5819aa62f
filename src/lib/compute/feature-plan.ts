import { sourceOf, type FeatureSpec } from '../core/features';

/**
 * How a list of specs maps onto the feature kernels, as plain data: which output columns are copies
 * of the log-return source, and the parameter table (vec4<u32> per column) read by the rolling and
 * EMA kernels. Source index 0 is close, 1 is log returns.
 *
 * @example
 * planFeatureKernels([{ kind: 'log_return' }, { kind: 'ema', period: 12 }]);
 * // { needsLogReturn: true, logReturnColumns: [0], rolling: 0, emas: 1, params: [12, 0, 1, 0] }
 */
export interface FeatureKernelPlan {
	needsLogReturn: boolean;
	/** Output columns that are the log-return source itself. */
	logReturnColumns: number[];
	rolling: number;
	emas: number;
	/** `rolling` rows of (kind, window, source, column), then `emas` rows of (period, source, column, 0). */
	params: Uint32Array<ArrayBuffer>;
}

export function planFeatureKernels(specs: readonly FeatureSpec[]): FeatureKernelPlan {
	const rolling: number[][] = [];
	const emas: number[][] = [];
	const logReturnColumns: number[] = [];
	let needsLogReturn = false;
	specs.forEach((spec, column) => {
		if (spec.kind === 'log_return') {
			logReturnColumns.push(column);
			needsLogReturn = true;
			return;
		}
		const source = sourceOf(spec) === 'log_return' ? 1 : 0;
		if (source === 1) needsLogReturn = true;
		if (spec.kind === 'ema') emas.push([spec.period, source, column, 0]);
		else rolling.push([spec.kind === 'rolling_std' ? 1 : 0, spec.window, source, column]);
	});
	return {
		needsLogReturn,
		logReturnColumns,
		rolling: rolling.length,
		emas: emas.length,
		params: Uint32Array.from([...rolling, ...emas].flat())
	};
}
