import { forwardReturn } from './forward-return';

/**
 * Three-class direction of the simple return over h bars: +1 above `deadZone`, −1 below
 * −`deadZone`, 0 inside the band (|r| ≤ deadZone); NaN where the return is undefined (the last h
 * rows, missing closes). A Float64Array rather than an Int8Array so "undefined" stays NaN.
 * Uses future data by design; see `forwardReturn` for alignment.
 *
 * @example
 * directionLabels(Float64Array.of(100, 101, 100.2), 1, 0.005); // [1, -1, NaN]
 */
export function directionLabels(close: Float64Array, h: number, deadZone: number): Float64Array {
	if (!(deadZone >= 0) || !Number.isFinite(deadZone)) {
		throw new RangeError(`directionLabels deadZone must be a finite number ≥ 0; got ${deadZone}`);
	}
	return forwardReturn(close, h, 'simple').map((r) =>
		r !== r ? NaN : r > deadZone ? 1 : r < -deadZone ? -1 : 0
	);
}
