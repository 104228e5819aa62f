import { additionError } from '../../features/compensated-sum';
/**
 * Σ flow / Σ volume over `window` rows, the batch twin of `CmfStream` and `VwapStream`: a row whose
 * flow is missing empties both windows together (its volume enters as NaN), the same running sums
 * (`RollingSumState`'s Neumaier add-then-remove), both in one pass into one output column: a finite
 * flow implies a finite volume here (flow is volume times a finite factor), so the two windows
 * always fill and empty together.
 */
export function flowRatioColumn(
	flow: Float64Array,
	volume: Float64Array,
	window: number
): Float64Array {
	const n = flow.length;
	const out = new Float64Array(n);
	let count = 0;
	let num = 0;
	let numC = 0;
	let den = 0;
	let denC = 0;
	for (let i = 0; i < n; i++) {
		const f = flow[i];
		const v = volume[i];
		if (f - f !== 0 || v - v !== 0) {
			count = num = numC = den = denC = 0;
			out[i] = NaN;
			continue;
		}
		let t = num + f;
		numC += additionError(num, f, t);
		num = t;
		t = den + v;
		denC += additionError(den, v, t);
		den = t;
		if (count >= window) {
			const of = -flow[i - window];
			t = num + of;
			numC += additionError(num, of, t);
			num = t;
			const ov = -volume[i - window];
			t = den + ov;
			denC += additionError(den, ov, t);
			den = t;
		} else {
			count++;
		}
		out[i] = count >= window ? (num + numC) / (den + denC) : NaN;
	}
	return out;
}
