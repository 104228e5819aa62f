import { describe, expect, it } from 'vitest';
import { truncate } from '../indicators/testing';
import { evaluate } from './evaluate';
import { FUNCTION_NAMES } from './functions';
import { ttrcSeries } from '../indicators/testing/ttrc-series';
import { alterAfter } from './test-support';

const full = truncate(ttrcSeries(), 400);

/** One expression per function, with lags and windows that reach back over the cut points. */
const CASES: Record<string, string> = {
	Ref: 'Ref($close, 3)',
	Delta: 'Delta($close, 3)',
	Mean: 'Mean($close, 10)',
	Sum: 'Sum($volume, 10)',
	Std: 'Std($close, 10)',
	Var: 'Var($close, 10)',
	Max: 'Max($high, 10)',
	Min: 'Min($low, 10)',
	Median: 'Median($close, 10)',
	Quantile: 'Quantile($close, 10, 0.8)',
	Slope: 'Slope($close, 10)',
	Rsquare: 'Rsquare($close, 10)',
	Resi: 'Resi($close, 10)',
	Rank: 'Rank($close, 10)',
	IdxMax: 'IdxMax($high, 10)',
	IdxMin: 'IdxMin($low, 10)',
	EMA: 'EMA($close, 10)',
	WMA: 'WMA($close, 10)',
	Corr: 'Corr($close, Log($volume + 1), 10)',
	Cov: 'Cov($close, $volume, 10)',
	Log: 'Log($close)',
	Abs: 'Abs($close - $open)',
	Sign: 'Sign($close - $open)',
	Greater: 'Greater($open, $close)',
	Less: 'Less($open, $close)',
	If: 'If($close > $open, $high, $low)'
};

const values = (source: string, s = full) => {
	const r = evaluate(source, s);
	if (!r.ok) throw new Error(r.message);
	return r.value;
};

describe('no function looks ahead', () => {
	it('every function in the table has a look-ahead case', () => {
		expect(Object.keys(CASES).sort()).toEqual([...FUNCTION_NAMES].sort());
	});

	it.each(Object.entries(CASES))('%s: values up to t ignore bars after t', (_, source) => {
		const base = values(source);
		for (const t of [15, 60, 250]) {
			expect(Array.from(values(source, truncate(full, t + 1)))).toEqual(
				Array.from(base.subarray(0, t + 1))
			);
			expect(Array.from(values(source, alterAfter(full, t, 1.7)).subarray(0, t + 1))).toEqual(
				Array.from(base.subarray(0, t + 1))
			);
		}
	});
});
