import type { OhlcvSeries } from '../ohlcv';
import type { Result } from '../result';
import { ok } from '../result';
import type { Ast, BinaryOp, Field } from './ast';
import { compile } from './compile';
import { FUNCTIONS } from './functions';

/**
 * Compiles and evaluates an expression over a bar series: one value per bar, NaN during the
 * warm-up (`warmupOf`) and wherever an input is missing.
 *
 * @example
 * const r = evaluate('Mean($close, 5) / $close', series);
 * if (r.ok) r.value; // Float64Array, NaN in rows 0..3
 */
export function evaluate(source: string, series: OhlcvSeries): Result<Float64Array> {
	const ast = compile(source);
	return ast.ok ? ok(evaluateAst(ast.value, series)) : ast;
}

/**
 * Evaluates a compiled tree. Numeric rule: every operator maps a non-finite result to NaN, so
 * division by zero (x / 0 = ±∞, 0 / 0) is NaN, `Log` of x ≤ 0 is NaN, and a comparison with a NaN
 * operand is NaN (Qlib would give False = 0; NaN keeps warm-up rows honest). Comparisons give 1 or 0.
 */
export function evaluateAst(ast: Ast, series: OhlcvSeries): Float64Array {
	const n = series.close.length;
	switch (ast.kind) {
		case 'number':
			return new Float64Array(n).fill(Number.isFinite(ast.value) ? ast.value : NaN);
		case 'field':
			return readField(series, ast.name);
		case 'negate':
			return evaluateAst(ast.operand, series).map((v) => -v);
		case 'binary': {
			const a = evaluateAst(ast.left, series);
			const b = evaluateAst(ast.right, series);
			const f = BINARY[ast.op];
			return a.map((v, i) => finite(f(v, b[i])));
		}
		case 'call': {
			const spec = FUNCTIONS[ast.name];
			const args = ast.args.map((a) => evaluateAst(a, series));
			return spec.evaluate(args, ast.params).map(finite);
		}
	}
}

const finite = (v: number): number => (Number.isFinite(v) ? v : NaN);

const compare =
	(f: (a: number, b: number) => boolean) =>
	(a: number, b: number): number =>
		a !== a || b !== b ? NaN : f(a, b) ? 1 : 0;

const BINARY: Record<BinaryOp, (a: number, b: number) => number> = {
	'+': (a, b) => a + b,
	'-': (a, b) => a - b,
	'*': (a, b) => a * b,
	'/': (a, b) => a / b,
	'>': compare((a, b) => a > b),
	'<': compare((a, b) => a < b),
	'>=': compare((a, b) => a >= b),
	'<=': compare((a, b) => a <= b),
	'==': compare((a, b) => a === b),
	'!=': compare((a, b) => a !== b)
};

/**
 * `$vwap` is not in OHLCV bars: it is approximated by the typical price (high + low + close) / 3,
 * so Alpha158's VWAP0 here is a typical-price feature, not Qlib's exchange-reported VWAP.
 */
function readField(series: OhlcvSeries, name: Field): Float64Array {
	if (name !== 'vwap') return series[name].slice();
	const { high, low, close } = series;
	return close.map((c, i) => (high[i] + low[i] + c) / 3);
}
