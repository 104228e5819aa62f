import { ema } from '../features/ema';
import { deltaOp, refOp } from './ops/lag';
import { rollingCorrOp, rollingCovOp } from './ops/rolling-pair';
import {
	rollingMaxOp,
	rollingMeanOp,
	rollingMedianOp,
	rollingMinOp,
	rollingQuantileOp,
	rollingStdOp,
	rollingSumOp,
	rollingVarOp
} from './ops/rolling-basic';
import { rollingIdxMaxOp, rollingIdxMinOp, rollingRankOp } from './ops/rolling-position';
import { rollingResiOp, rollingRsquareOp, rollingSlopeOp } from './ops/rolling-regression';
import { rollingWmaOp } from './ops/weighted';

/**
 * A literal parameter: `window` (integer ≥ min), `lag` (integer ≥ 0; negative is look-ahead), or
 * `quantile` (a number in [0, 1]).
 */
export type ParamSpec =
	| { kind: 'window'; name: string; min: number }
	| { kind: 'lag'; name: string }
	| { kind: 'quantile'; name: string };

export interface FunctionSpec {
	/** How many leading arguments are series expressions. */
	series: number;
	/** The trailing literal arguments. */
	params: readonly ParamSpec[];
	/** For messages: `Mean(x, n)`. */
	signature: string;
	/** Rows of warm-up added on top of the arguments' largest warm-up. */
	warmup: (params: readonly number[]) => number;
	evaluate: (args: Float64Array[], params: readonly number[]) => Float64Array;
}

const W1: ParamSpec = { kind: 'window', name: 'n', min: 1 };
const W2: ParamSpec = { kind: 'window', name: 'n', min: 2 };
const LAG: ParamSpec = { kind: 'lag', name: 'n' };
const Q: ParamSpec = { kind: 'quantile', name: 'q' };

const rolling = (
	name: string,
	min: 1 | 2,
	op: (x: Float64Array, n: number) => Float64Array
): FunctionSpec => ({
	series: 1,
	params: [min === 1 ? W1 : W2],
	signature: `${name}(x, n)`,
	warmup: ([n]) => n - 1,
	evaluate: ([x], [n]) => op(x, n)
});

const pair = (
	name: string,
	op: (x: Float64Array, y: Float64Array, n: number) => Float64Array
): FunctionSpec => ({
	series: 2,
	params: [W2],
	signature: `${name}(x, y, n)`,
	warmup: ([n]) => n - 1,
	evaluate: ([x, y], [n]) => op(x, y, n)
});

const unary = (name: string, f: (v: number) => number): FunctionSpec => ({
	series: 1,
	params: [],
	signature: `${name}(x)`,
	warmup: () => 0,
	evaluate: ([x]) => x.map(f)
});

const elementwise2 = (name: string, f: (a: number, b: number) => number): FunctionSpec => ({
	series: 2,
	params: [],
	signature: `${name}(a, b)`,
	warmup: () => 0,
	evaluate: ([a, b]) => a.map((v, i) => f(v, b[i]))
});

/**
 * The function table, after Qlib's expression operators (`qlib/data/ops.py`). Every rolling
 * operator needs a full window of finite values (Qlib uses `min_periods=1`, giving partial-window
 * values during warm-up; here warm-up rows are NaN so no row is computed from fewer bars than named).
 */
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
	Ref: {
		series: 1,
		params: [LAG],
		signature: 'Ref(x, n)',
		warmup: ([n]) => n,
		evaluate: ([x], [n]) => refOp(x, n)
	},
	Delta: {
		series: 1,
		params: [LAG],
		signature: 'Delta(x, n)',
		warmup: ([n]) => n,
		evaluate: ([x], [n]) => deltaOp(x, n)
	},
	Mean: rolling('Mean', 1, rollingMeanOp),
	Sum: rolling('Sum', 1, rollingSumOp),
	Std: rolling('Std', 2, rollingStdOp),
	Var: rolling('Var', 2, rollingVarOp),
	Max: rolling('Max', 1, rollingMaxOp),
	Min: rolling('Min', 1, rollingMinOp),
	Median: rolling('Median', 1, rollingMedianOp),
	Quantile: {
		series: 1,
		params: [W1, Q],
		signature: 'Quantile(x, n, q)',
		warmup: ([n]) => n - 1,
		evaluate: ([x], [n, q]) => rollingQuantileOp(x, n, q)
	},
	Slope: rolling('Slope', 2, rollingSlopeOp),
	Rsquare: rolling('Rsquare', 2, rollingRsquareOp),
	Resi: rolling('Resi', 2, rollingResiOp),
	Rank: rolling('Rank', 1, rollingRankOp),
	IdxMax: rolling('IdxMax', 1, rollingIdxMaxOp),
	IdxMin: rolling('IdxMin', 1, rollingIdxMinOp),
	EMA: rolling('EMA', 1, ema),
	WMA: rolling('WMA', 1, rollingWmaOp),
	Corr: pair('Corr', rollingCorrOp),
	Cov: pair('Cov', rollingCovOp),
	Log: unary('Log', (v) => (v > 0 ? Math.log(v) : NaN)),
	Abs: unary('Abs', Math.abs),
	Sign: unary('Sign', Math.sign),
	Greater: elementwise2('Greater', (a, b) => (a !== a || b !== b ? NaN : Math.max(a, b))),
	Less: elementwise2('Less', (a, b) => (a !== a || b !== b ? NaN : Math.min(a, b))),
	If: {
		series: 3,
		params: [],
		signature: 'If(cond, a, b)',
		warmup: () => 0,
		evaluate: ([c, a, b]) => c.map((v, i) => (v !== v ? NaN : v !== 0 ? a[i] : b[i]))
	}
};

export const FUNCTION_NAMES = Object.keys(FUNCTIONS);
