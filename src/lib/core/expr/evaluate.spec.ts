import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { testSeries } from './test-support';

const x = [1, 3, 2, 5, 4];
const N = NaN;

const run = (source: string, close = x, over = {}) => {
	const r = evaluate(source, testSeries(close, over));
	if (!r.ok) throw new Error(r.message);
	return Array.from(r.value);
};

const expectClose = (actual: number[], expected: number[]) => {
	expect(actual).toHaveLength(expected.length);
	expected.forEach((e, i) =>
		Number.isNaN(e) ? expect(actual[i]).toBeNaN() : expect(actual[i]).toBeCloseTo(e, 12)
	);
};

describe('evaluate: functions on x = [1, 3, 2, 5, 4]', () => {
	it.each([
		['Ref($close, 1)', [N, 1, 3, 2, 5]],
		['Ref($close, 0)', x],
		['Delta($close, 2)', [N, N, 1, 2, 2]],
		['Mean($close, 3)', [N, N, 2, 10 / 3, 11 / 3]],
		['Sum($close, 2)', [N, 4, 5, 7, 9]],
		['Std($close, 3)', [N, N, 1, Math.sqrt(7 / 3), Math.sqrt(7 / 3)]],
		['Var($close, 3)', [N, N, 1, 7 / 3, 7 / 3]],
		['Max($close, 3)', [N, N, 3, 5, 5]],
		['Min($close, 3)', [N, N, 1, 2, 2]],
		['Median($close, 3)', [N, N, 2, 3, 4]],
		['Quantile($close, 3, 0.25)', [N, N, 1.5, 2.5, 3]],
		['Slope($close, 3)', [N, N, 0.5, 1, 1]],
		['Rsquare($close, 3)', [N, N, 0.25, 3 / 7, 3 / 7]],
		['Resi($close, 3)', [N, N, -0.5, 2 / 3, -2 / 3]],
		['Rank($close, 3)', [N, N, 2 / 3, 1, 2 / 3]],
		['IdxMax($close, 3)', [N, N, 2, 3, 2]],
		['IdxMin($close, 3)', [N, N, 1, 2, 1]],
		['EMA($close, 3)', [N, N, 2, 3.5, 3.75]],
		['WMA($close, 3)', [N, N, 13 / 6, 11 / 3, 4]],
		['Corr($close, 2 * $close + 1, 3)', [N, N, 1, 1, 1]],
		['Corr($close, -$close, 3)', [N, N, -1, -1, -1]],
		['Cov($close, 2 * $close, 3)', [N, N, 2, 14 / 3, 14 / 3]],
		['Abs($close - 3)', [2, 0, 1, 2, 1]],
		['Sign($close - 3)', [-1, 0, -1, 1, 1]],
		['Greater($close, 3)', [3, 3, 3, 5, 4]],
		['Less($close, 3)', [1, 3, 2, 3, 3]],
		['If($close > 2, $close, -1)', [-1, 1 * 3, -1, 5, 4]]
	])('%s', (source, expected) => {
		expectClose(run(source), expected);
	});

	it('Log is the natural log and NaN for x ≤ 0', () => {
		expectClose(run('Log($close)', [1, Math.E, 0, -1]), [0, 1, N, N]);
	});

	it('Rank gives ties the average rank and IdxMax/IdxMin the earliest bar', () => {
		expectClose(run('Rank($close, 2)', [2, 2]), [N, 0.75]);
		expectClose(run('IdxMax($close, 3)', [2, 2, 1]), [N, N, 1]);
		expectClose(run('IdxMin($close, 3)', [1, 2, 1]), [N, N, 1]);
	});

	it('Corr is NaN on a constant window and Rsquare on a flat one', () => {
		expectClose(run('Corr($close, $open * 0 + 1, 2)', [1, 2, 3]), [N, N, N]);
		expectClose(run('Rsquare($close, 2)', [4, 4, 4]), [N, N, N]);
	});

	it('$vwap is the typical price (high + low + close) / 3', () => {
		expectClose(run('$vwap', [3], { high: [6], low: [0] }), [3]);
	});
});

describe('evaluate: operators', () => {
	it.each([
		['1 + 2 * 3', 7],
		['(1 + 2) * 3', 9],
		['2 - 3 - 4', -5],
		['8 / 4 / 2', 1],
		['-2 * 3', -6],
		['2 * -3', -6],
		['--3', 3],
		['1 + 2 > 2', 1],
		['3 >= 3', 1],
		['3 <= 2', 0],
		['3 == 3', 1],
		['3 != 3', 0],
		['1e-12 * 1e12', 1],
		['.5 + 1.5', 2]
	])('%s evaluates to %d', (source, expected) => {
		expect(run(source, [1])[0]).toBeCloseTo(expected, 12);
	});

	it('division by zero is NaN, not Infinity', () => {
		expectClose(run('1 / ($close - 1)', [1, 2]), [N, 1]);
		expectClose(run('0 / ($close - 1)', [1]), [N]);
	});

	it('comparisons with a NaN operand are NaN, not 0', () => {
		expectClose(run('$close > Ref($close, 1)', [1, 2, 1]), [N, 1, 0]);
	});

	it('a missing value empties rolling windows until n finite values follow', () => {
		expectClose(run('Mean($close, 2)', [1, 3, N, 5, 7, 9]), [N, 2, N, N, 6, 8]);
		expectClose(run('Slope($close, 2)', [1, 3, N, 5, 7]), [N, 2, N, N, 2]);
	});

	it('evaluate returns compile errors as data', () => {
		const r = evaluate('Mean($close, 5', testSeries(x));
		expect(r.ok).toBe(false);
	});
});
