import { describe, expect, it } from 'vitest';
import { ema } from '../../features/ema';
import { rollingMean } from '../../features/rolling-mean';
import { maxRelativeDiff } from '../testing';
import { EmaState } from './ema-state';
import { LagState } from './lag-state';
import { RollingMaxState } from './rolling-max-state';
import { RollingSumState } from './rolling-sum-state';
import { WilderSumState } from './wilder-sum';
import { wma } from './wma';

/** 20,000 closes of a drifting sine with a NaN at 5,000: long enough to expose drift. */
const values = Float64Array.from({ length: 20_000 }, (_, i) =>
	i === 5000 ? NaN : 100 + 50 * Math.sin(i / 37) + i * 0.01
);

describe('streaming states', () => {
	it('EmaState reproduces core/features ema() bit for bit, through a NaN', () => {
		const s = new EmaState(9);
		expect(Array.from(values, (x) => s.next(x))).toEqual(Array.from(ema(values, 9)));
	});

	it('RollingSumState.nextMean reproduces core/features rollingMean() bit for bit, through a NaN', () => {
		const s = new RollingSumState(30);
		expect(Array.from(values, (x) => s.nextMean(x))).toEqual(Array.from(rollingMean(values, 30)));
	});

	it('RollingMaxState gives the window maximum and its age, ties to the most recent bar', () => {
		const m = new RollingMaxState(3);
		const seen = [1, 3, 2, 3, 1, 1, 0].map((x) => [m.next(x), m.age]);
		expect(seen).toEqual([
			[NaN, 0],
			[NaN, 0],
			[3, 1],
			[3, 0],
			[3, 1],
			[3, 2],
			[1, 1]
		]);
	});

	it('WilderSumState seeds with n − 1 values like TTR::wilderSum', () => {
		// TTR: wilderSum(c(1, 2, 3, 4, 5, 6), 3) = NA NA 5 7.333333 9.888889 12.592593
		const s = new WilderSumState(3);
		const got = [1, 2, 3, 4, 5, 6].map((x) => s.next(x));
		expect(got.slice(0, 2)).toEqual([NaN, NaN]);
		expect(maxRelativeDiff(got.slice(2), [5, 22 / 3, 89 / 9, 340 / 27])).toBeLessThan(1e-15);
	});

	it('LagState returns the value lag bars ago', () => {
		const l = new LagState(2);
		expect([1, 2, 3, 4].map((x) => l.next(x))).toEqual([NaN, NaN, 1, 2]);
	});

	it('wma keeps its O(1) update within 1e-13 of a fresh weighted sum over 20,000 bars', () => {
		const n = 25;
		const close = values.slice(5001);
		const series = {
			symbol: 'S',
			time: close,
			open: close,
			high: close,
			low: close,
			close,
			volume: close
		};
		const [got] = wma.compute(series, { n });
		const fresh = new Float64Array(close.length).fill(NaN);
		for (let t = n - 1; t < close.length; t++) {
			let num = 0;
			for (let i = 1; i <= n; i++) num += i * close[t - n + i];
			fresh[t] = num / ((n * (n + 1)) / 2);
		}
		expect(maxRelativeDiff(got, fresh)).toBeLessThan(1e-13);
	});
});
