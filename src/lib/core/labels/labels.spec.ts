import { describe, expect, it } from 'vitest';
import { directionLabels } from './direction-labels';
import { forwardReturn } from './forward-return';

const c = (...v: number[]) => Float64Array.from(v);

describe('forwardReturn', () => {
	it('forwardReturn(close, h, "simple") is close[t+h] / close[t] − 1, NaN for the last h rows', () => {
		const r = Array.from(forwardReturn(c(100, 110, 99), 1, 'simple'));
		expect(r[0]).toBeCloseTo(0.1, 14);
		expect(r[1]).toBeCloseTo(-0.1, 14);
		expect(r[2]).toBeNaN();
		const r2 = forwardReturn(c(100, 110, 99), 2, 'simple');
		expect(r2[0]).toBeCloseTo(-0.01, 14);
		expect([r2[1], r2[2]]).toEqual([NaN, NaN]);
	});

	it('forwardReturn defaults to log returns', () => {
		const r = forwardReturn(c(100, 110, 99), 1);
		expect(r[0]).toBeCloseTo(Math.log(1.1), 14);
		expect(r[1]).toBeCloseTo(Math.log(0.9), 14);
	});

	it('forwardReturn is NaN where a close is missing or not positive', () => {
		expect(Array.from(forwardReturn(c(100, NaN, 0, 5), 1))).toEqual([NaN, NaN, NaN, NaN]);
	});

	it('forwardReturn rejects a horizon below 1', () => {
		expect(() => forwardReturn(c(1, 2), 0)).toThrow(RangeError);
	});
});

describe('directionLabels', () => {
	it('directionLabels gives +1 / −1 outside the dead zone and 0 inside it', () => {
		expect(Array.from(directionLabels(c(100, 101, 100.2, 100.4), 1, 0.005))).toEqual([
			1,
			-1,
			0,
			NaN
		]);
	});

	it('directionLabels counts a return exactly at the dead zone as 0', () => {
		expect(Array.from(directionLabels(c(2, 3, 1.5), 1, 0.5))).toEqual([0, 0, NaN]);
	});
});

describe('labels read only [t, t + h]', () => {
	it('forwardReturn and directionLabels at t ignore every bar outside [t, t + h]', () => {
		const close = Float64Array.from({ length: 50 }, (_, i) => 100 + 10 * Math.sin(i / 3));
		const h = 4;
		for (const t of [0, 10, 30, 45]) {
			const altered = close.map((v, i) => (i < t || i > t + h ? v * 3 + 7 : v));
			expect(forwardReturn(altered, h)[t]).toBe(forwardReturn(close, h)[t]);
			expect(directionLabels(altered, h, 0.01)[t]).toBe(directionLabels(close, h, 0.01)[t]);
		}
	});
});
