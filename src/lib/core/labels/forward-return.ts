import { assertWindow } from '../features/assert-window';

export type ReturnKind = 'log' | 'simple';

/**
 * The return from bar t to bar t + h: log(c[t+h] / c[t]) or c[t+h] / c[t] − 1. NaN for the last h
 * rows and wherever either close is missing or not positive.
 *
 * Labels are the ONLY place future data is read. The value at row t describes the future of t, so
 * a caller must pair it with features known at t and keep the last h rows of any training split
 * out of its evaluation split (purging, López de Prado 2018, §7.4).
 *
 * @example
 * forwardReturn(Float64Array.of(100, 110, 99), 1, 'simple'); // [0.1, -0.1, NaN]
 */
export function forwardReturn(
	close: Float64Array,
	h: number,
	kind: ReturnKind = 'log'
): Float64Array {
	assertWindow('forwardReturn horizon', h, 1);
	const n = close.length;
	const out = new Float64Array(n).fill(NaN);
	for (let t = 0; t + h < n; t++) {
		const a = close[t];
		const b = close[t + h];
		if (!(a > 0 && b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) continue;
		out[t] = kind === 'log' ? Math.log(b / a) : b / a - 1;
	}
	return out;
}
