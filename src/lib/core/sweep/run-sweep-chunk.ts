import type { OhlcvSeries } from '../ohlcv';
import { barReturns } from './bar-returns';
import { columnPositions } from './column-positions';
import type { SweepColumn } from './sweep-column';
import type { SweepChunk, SweepOptions } from './sweep-types';

/**
 * Runs columns [from, to) of a sweep over one series: one tight pass per column over the bars,
 * keeping only running state — equity, its peak (→ max drawdown), Welford's mean and variance of
 * net returns (→ Sharpe; Welford, "Note on a method for calculating corrected sums of squares and
 * products", *Technometrics* 4(3), 1962), trades and turnover — so no equity curve is materialised
 * unless `keepEquity` names the column. Pure: workers split a sweep by column ranges and
 * `mergeChunks` joins the pieces.
 *
 * **Execution rule** (the same as `core/backtest/runBacktest`, which a test holds it equal to):
 * - The position held over bar t → t + 1 is decided at the close of bar t from data up to and
 *   including bar t (`signalLag` 1; lag L uses the signal of bar t − L + 1), filled at that close,
 *   and earns close[t + 1] / close[t] − 1.
 * - Each change of position costs feeBps / 10⁴ × |Δposition| of equity, paid before the bar's
 *   return (the first entry counts; a flip from +1 to −1 pays for 2 units; nothing to close at the end).
 * - Positions are fractions of current equity, so returns compound:
 *   equity ← equity · (1 − fee · |Δposition|) · (1 + position · barReturn); equity that would fall to
 *   0 or below stays at 0 (ruin).
 * - **NaN rule.** A bar whose close or next close is missing, non-finite or ≤ 0 cannot be traded: it
 *   is skipped (it is not one of `bars` and adds no return), and a position held into it is closed
 *   at the last good close (a trade, with its fee) and re-opened at the next decision — exactly
 *   `runBacktest` given the index of the tradable bars. Indicators are NaN after a gap until warmed up
 *   again, and a NaN signal is flat.
 *
 * @throws RangeError on bad options, a column range outside `columns`, or a malformed column.
 * @example
 * const chunk = runSweepChunk(series, columns, 0, 5000, { feeBps: 5, periodsPerYear: 252 });
 * chunk.sharpe[0]; // Sharpe of columns[0]
 */
export function runSweepChunk(
	series: OhlcvSeries,
	columns: readonly SweepColumn[],
	from: number,
	to: number,
	options: SweepOptions
): SweepChunk {
	const { feeBps, periodsPerYear, signalLag = 1, keepEquity = [] } = options;
	check(Number.isFinite(feeBps) && feeBps >= 0, `feeBps must be finite and ≥ 0, got ${feeBps}`);
	check(periodsPerYear > 0, `periodsPerYear must be > 0, got ${periodsPerYear}`);
	check(Number.isInteger(signalLag) && signalLag >= 1, `signalLag must be an integer ≥ 1`);
	check(
		Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to,
		`bad column range [${from}, ${to})`
	);
	check(to <= columns.length, `column range [${from}, ${to}) beyond ${columns.length} columns`);
	const close = series.close;
	const returns = barReturns(close);
	let bars = 0;
	for (const r of returns) if (r === r) bars++;
	const count = to - from;
	const chunk: SweepChunk = {
		from,
		to,
		bars,
		finalReturn: new Float64Array(count),
		meanReturn: new Float64Array(count),
		sdReturn: new Float64Array(count),
		sharpe: new Float64Array(count),
		maxDrawdown: new Float64Array(count),
		trades: new Float64Array(count),
		turnover: new Float64Array(count),
		turnoverPerYear: new Float64Array(count),
		equity: new Map()
	};
	const keep = new Set(keepEquity);
	const positions = new Float64Array(returns.length);
	for (let c = from; c < to; c++) {
		const column = columns[c];
		checkColumn(column, close.length, c);
		columnPositions(column, signalLag, positions);
		const curve = keep.has(c) ? new Float64Array(bars + 1) : null;
		if (curve) chunk.equity.set(c, curve);
		runColumn(returns, positions, feeBps / 1e4, periodsPerYear, c - from, chunk, curve);
	}
	return chunk;
}

// Running state of one column, kept in a typed array between blocks of bars.
const EQUITY = 0;
const PEAK = 1;
const WORST = 2;
const HELD = 3;
const TRADES = 4;
const TURNOVER = 5;
const COUNT = 6;
const MEAN = 7;
const M2 = 8;
const GAP = 9;
/**
 * Bars per call of the hot loop. Short calls let V8 optimise `stepBlock` as a whole instead of by
 * on-stack replacement, whose cached code deoptimised at the loop exit on every column (measured:
 * ~2× slower, `node --trace-deopt`).
 */
const BLOCK = 4096;

function runColumn(
	returns: Float64Array,
	positions: Float64Array,
	fee: number,
	periodsPerYear: number,
	slot: number,
	out: SweepChunk,
	curve: Float64Array | null
): void {
	const state = new Float64Array(10);
	state[EQUITY] = 1;
	state[PEAK] = 1;
	if (curve !== null) curve[0] = 1;
	for (let t = 0; t < returns.length; t += BLOCK) {
		stepBlock(returns, positions, fee, t, Math.min(t + BLOCK, returns.length), state, curve);
	}
	const k = state[COUNT];
	const mean = state[MEAN];
	const m2 = state[M2];
	const sd = k > 1 ? Math.sqrt(m2 / (k - 1)) : NaN;
	out.finalReturn[slot] = state[EQUITY] - 1;
	out.meanReturn[slot] = k > 0 ? mean : NaN;
	out.sdReturn[slot] = sd;
	// All-equal returns leave Welford's m2 exactly 0 (every delta is 0): undefined, as sharpeRatio.
	out.sharpe[slot] = k > 1 && m2 > 0 ? (mean / sd) * Math.sqrt(periodsPerYear) : NaN;
	out.maxDrawdown[slot] = state[WORST];
	out.trades[slot] = state[TRADES];
	out.turnover[slot] = state[TURNOVER];
	out.turnoverPerYear[slot] = k > 0 ? (state[TURNOVER] / k) * periodsPerYear : 0;
}

/** The hot loop: bars [from, to) of one column, running state only. */
function stepBlock(
	returns: Float64Array,
	positions: Float64Array,
	fee: number,
	from: number,
	to: number,
	state: Float64Array,
	curve: Float64Array | null
): void {
	let equity = state[EQUITY];
	let peak = state[PEAK];
	let worst = state[WORST];
	let held = state[HELD];
	let trades = state[TRADES];
	let turnover = state[TURNOVER];
	let k = state[COUNT];
	let mean = state[MEAN];
	let m2 = state[M2];
	let gap = state[GAP] !== 0;
	for (let t = from; t < to; t++) {
		const r = returns[t];
		if (r !== r) {
			gap = true;
			continue;
		}
		let value = equity;
		// Arithmetic in runBacktest's order, so the two agree to the last bit.
		if (gap && held !== 0) {
			const exit = Math.abs(held);
			value *= 1 - fee * exit;
			turnover += exit;
			trades++;
			held = 0;
		}
		gap = false;
		const position = positions[t];
		// Branch-free: with no change the factor is exactly 1 and the sums add exactly 0, so the
		// numbers stay bit-identical to runBacktest's branchy form.
		const change = Math.abs(position - held);
		value *= 1 - fee * change;
		turnover += change;
		trades += change !== 0 ? 1 : 0;
		value *= 1 + position * r;
		const next = value > 0 ? value : 0;
		const ret = equity > 0 ? next / equity - 1 : 0;
		k++;
		const delta = ret - mean;
		mean += delta / k;
		m2 += delta * (ret - mean);
		peak = Math.max(peak, next);
		worst = Math.max(worst, 1 - next / peak);
		if (curve !== null) curve[k] = next;
		equity = next;
		held = position;
	}
	state[EQUITY] = equity;
	state[PEAK] = peak;
	state[WORST] = worst;
	state[HELD] = held;
	state[TRADES] = trades;
	state[TURNOVER] = turnover;
	state[COUNT] = k;
	state[MEAN] = mean;
	state[M2] = m2;
	state[GAP] = gap ? 1 : 0;
}

function checkColumn(column: SweepColumn, n: number, c: number): void {
	const { signal, reference, lower, upper, above, below, between } = column;
	check(signal.length === n, `column ${c}: signal has ${signal.length} values for ${n} bars`);
	check(
		typeof reference === 'number' || reference.length === n,
		`column ${c}: reference has ${typeof reference === 'number' ? 1 : reference.length} values for ${n} bars`
	);
	check(lower <= upper, `column ${c}: band [${lower}, ${upper}] is not ordered`);
	check(
		Number.isFinite(above) && Number.isFinite(below) && Number.isFinite(between),
		`column ${c}: positions must be finite`
	);
}

function check(condition: boolean, message: string): asserts condition {
	if (!condition) throw new RangeError(`runSweep: ${message}`);
}
