import { rollingSumColumn } from '../statistics/kernels/rolling-sum-column';

/**
 * Σ flow / Σ volume over `window` rows, the batch twin of `CmfStream` and `VwapStream`: a row whose
 * flow is missing empties both windows together (its volume enters as NaN), the same running sums.
 */
export function flowRatioColumn(
	flow: Float64Array,
	volume: Float64Array,
	window: number
): Float64Array {
	const n = flow.length;
	const vol = new Float64Array(n);
	for (let i = 0; i < n; i++) vol[i] = Number.isFinite(flow[i]) ? volume[i] : NaN;
	const num = new Float64Array(n);
	const den = new Float64Array(n);
	rollingSumColumn(flow, 0, n, window, num);
	rollingSumColumn(vol, 0, n, window, den);
	for (let i = 0; i < n; i++) num[i] /= den[i];
	return num;
}
